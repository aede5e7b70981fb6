package io.s2spay.sandbox.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** An initial payment and the back-office transactions that reference it; changes to a tree happen under its lock. */
public final class PaymentTree {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Transaction> children = new ArrayList<>();
    private volatile Transaction root;

    PaymentTree(Transaction root) {
        this.root = root;
    }

    public <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public Transaction root() {
        return root;
    }

    public List<Transaction> children() {
        lock.lock();
        try {
            return List.copyOf(children);
        } finally {
            lock.unlock();
        }
    }

    public TreeBalances balances() {
        lock.lock();
        try {
            return TreeBalances.of(root, children);
        } finally {
            lock.unlock();
        }
    }

    void put(Transaction transaction) {
        lock.lock();
        try {
            if (transaction.isRoot()) {
                root = transaction;
                return;
            }
            for (int i = 0; i < children.size(); i++) {
                if (children.get(i).id().equals(transaction.id())) {
                    children.set(i, transaction);
                    return;
                }
            }
            children.add(transaction);
        } finally {
            lock.unlock();
        }
    }
}

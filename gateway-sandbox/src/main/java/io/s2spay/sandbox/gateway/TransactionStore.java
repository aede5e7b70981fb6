package io.s2spay.sandbox.gateway;

import io.s2spay.sandbox.journal.Journal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Every transaction and registration of the sandbox, indexed in memory for the API and made durable through the
 * journal. Callers change a payment tree only while holding its lock.
 */
@Component
public class TransactionStore {

    private static final String TRANSACTION = "TX";
    private static final String REGISTRATION = "REG";

    private final Journal journal;
    private final Map<String, Transaction> byId = new ConcurrentHashMap<>();
    private final Map<String, PaymentTree> trees = new ConcurrentHashMap<>();
    private final Map<String, String> uniqueMerchantIds = new ConcurrentHashMap<>();
    private final Map<String, List<String>> byMerchantTransactionId = new ConcurrentHashMap<>();
    private final Map<String, String> bySessionToken = new ConcurrentHashMap<>();
    private final Set<String> awaiting = ConcurrentHashMap.newKeySet();
    private final Map<String, String> initialByNetworkId = new ConcurrentHashMap<>();
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    private final List<TransactionListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock registrationLock = new ReentrantLock();

    public TransactionStore(Journal journal) {
        this.journal = journal;
        List<Transaction> restored = new ArrayList<>(journal.restored(TRANSACTION, Transaction.class));
        // roots before the transactions that reference them
        restored.sort(Comparator.comparing((Transaction tx) -> !tx.isRoot()).thenComparing(Transaction::createdAt));
        restored.forEach(this::index);
        journal.restored(REGISTRATION, Registration.class).forEach(reg -> registrations.put(reg.id(), reg));
    }

    public void addListener(TransactionListener listener) {
        listeners.add(listener);
    }

    public Optional<Transaction> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The transaction when it belongs to the entity: other entities' transactions do not exist for it. */
    public Optional<Transaction> find(String id, String entityId) {
        return find(id).filter(tx -> tx.entityId().equals(entityId));
    }

    public PaymentTree tree(Transaction transaction) {
        return trees.get(transaction.rootId());
    }

    public Collection<Transaction> all() {
        return byId.values();
    }

    public List<Transaction> byMerchantTransactionId(String entityId, String merchantTransactionId) {
        List<String> ids = byMerchantTransactionId.getOrDefault(entityId + '\n' + merchantTransactionId, List.of());
        List<Transaction> found = new ArrayList<>(ids.size());
        ids.forEach(id -> found.add(byId.get(id)));
        found.sort(Comparator.comparing(Transaction::createdAt));
        return found;
    }

    /** The transaction a redirect session token was issued for, also after the session ended. */
    public Optional<Transaction> bySessionToken(String token) {
        return Optional.ofNullable(bySessionToken.get(token)).map(byId::get);
    }

    /** Ids of the transactions with a session deadline (redirects, late acquirer answers). */
    public Collection<String> awaiting() {
        return List.copyOf(awaiting);
    }

    /** A successful INITIAL customer-initiated transaction, by the network's transaction id or by its OPP id. */
    public Optional<Transaction> initialTransaction(String reference) {
        String id = initialByNetworkId.getOrDefault(reference, reference);
        return find(id).filter(tx -> tx.succeeded()
                && tx.standingInstruction() != null
                && tx.standingInstruction().isInitial());
    }

    /**
     * Claims a merchantTransactionId within an entity and scope (initial payments, or one back-office type):
     * returns the id of the transaction that already holds it, or null when the claim succeeded.
     */
    public String claimMerchantTransactionId(String entityId, String scope, String merchantTransactionId, String id) {
        return uniqueMerchantIds.putIfAbsent(uniqueKey(entityId, scope, merchantTransactionId), id);
    }

    public void releaseMerchantTransactionId(String entityId, String scope, String merchantTransactionId, String id) {
        uniqueMerchantIds.remove(uniqueKey(entityId, scope, merchantTransactionId), id);
    }

    /** Records a new transaction or a new version of one, durably, and tells the listeners. */
    public void save(Transaction transaction) {
        PaymentTree tree = transaction.isRoot()
                ? trees.computeIfAbsent(transaction.id(), id -> new PaymentTree(transaction))
                : trees.get(transaction.rootId());
        // under the tree's lock, the journal and the listeners see a tree's versions in the order they were made
        tree.locked(() -> {
            index(transaction);
            journal.append(TRANSACTION, transaction.id(), transaction);
            for (TransactionListener listener : listeners) {
                listener.transactionChanged(transaction);
            }
            return null;
        });
    }

    public Optional<Registration> registration(String id) {
        return Optional.ofNullable(registrations.get(id));
    }

    public void save(Registration registration) {
        registrationLock.lock();
        try {
            registrations.put(registration.id(), registration);
            journal.append(REGISTRATION, registration.id(), registration);
        } finally {
            registrationLock.unlock();
        }
    }

    public static String scopeOf(PaymentType type) {
        return type.isInitial() ? "INITIAL" : type.name();
    }

    private void index(Transaction transaction) {
        Transaction previous = byId.put(transaction.id(), transaction);
        if (transaction.isRoot()) {
            trees.computeIfAbsent(transaction.id(), id -> new PaymentTree(transaction))
                    .put(transaction);
        } else {
            PaymentTree tree = trees.get(transaction.rootId());
            if (tree == null) {
                throw new IllegalStateException(
                        "transaction " + transaction.id() + " references unknown payment " + transaction.rootId());
            }
            tree.put(transaction);
        }
        if (previous == null && transaction.merchantTransactionId() != null) {
            byMerchantTransactionId
                    .computeIfAbsent(
                            transaction.entityId() + '\n' + transaction.merchantTransactionId(),
                            key -> new CopyOnWriteArrayList<>())
                    .add(transaction.id());
            uniqueMerchantIds.putIfAbsent(
                    uniqueKey(
                            transaction.entityId(),
                            scopeOf(transaction.paymentType()),
                            transaction.merchantTransactionId()),
                    transaction.id());
        }
        if (transaction.session() != null) {
            awaiting.add(transaction.id());
            if (transaction.session().token() != null) {
                bySessionToken.put(transaction.session().token(), transaction.id());
            }
        } else {
            awaiting.remove(transaction.id());
        }
        StandingInstruction si = transaction.standingInstruction();
        if (transaction.succeeded() && si != null && si.isInitial() && si.initialTransactionId() != null) {
            initialByNetworkId.put(si.initialTransactionId(), transaction.id());
        }
    }

    private static String uniqueKey(String entityId, String scope, String merchantTransactionId) {
        return entityId + '\n' + scope + '\n' + merchantTransactionId;
    }
}

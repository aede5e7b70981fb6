package io.s2spay.sandbox.gateway;

/** Told about every new transaction and every status change, after it is recorded. */
public interface TransactionListener {

    void transactionChanged(Transaction transaction);
}

package io.s2spay.sandbox.tokens;

import io.s2spay.sandbox.journal.Journal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The tokens API's state: payments, refunds and saved cards in memory and in the journal (so they survive a restart),
 * card tokens in memory only. Changes that must be atomic (a reference's uniqueness, a refund's total) run under
 * {@link #lock()}.
 */
@Component
class TokensStore {

    static final String PAYMENT = "tokens.payment";
    static final String REFUND = "tokens.refund";
    static final String PAYMENT_METHOD = "tokens.payment_method";

    private final Journal journal;
    private final Object lock = new Object();
    private final Map<String, CardToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, TokensPayment> payments = new ConcurrentHashMap<>();
    private final Map<String, TokensRefund> refunds = new ConcurrentHashMap<>();
    private final Map<String, PaymentMethod> paymentMethods = new ConcurrentHashMap<>();

    TokensStore(Journal journal) {
        this.journal = journal;
        journal.restored(PAYMENT, TokensPayment.class).forEach(p -> payments.put(p.id(), p));
        journal.restored(REFUND, TokensRefund.class).forEach(r -> refunds.put(r.id(), r));
        journal.restored(PAYMENT_METHOD, PaymentMethod.class).forEach(m -> paymentMethods.put(m.id(), m));
    }

    Object lock() {
        return lock;
    }

    void save(CardToken token) {
        tokens.put(token.id(), token);
    }

    Optional<CardToken> token(String account, String id) {
        return Optional.ofNullable(tokens.get(id)).filter(t -> t.account().equals(account));
    }

    void save(TokensPayment payment) {
        payments.put(payment.id(), payment);
        journal.append(PAYMENT, payment.id(), payment);
    }

    void save(TokensRefund refund) {
        refunds.put(refund.id(), refund);
        journal.append(REFUND, refund.id(), refund);
    }

    void save(PaymentMethod method) {
        paymentMethods.put(method.id(), method);
        journal.append(PAYMENT_METHOD, method.id(), method);
    }

    Optional<TokensPayment> payment(String account, String id) {
        return Optional.ofNullable(payments.get(id)).filter(p -> p.account().equals(account));
    }

    /** A payment by id whatever its account (the 3-D Secure page is reached by the shopper, without a key). */
    Optional<TokensPayment> payment(String id) {
        return Optional.ofNullable(payments.get(id));
    }

    Optional<TokensPayment> paymentByReference(String account, String reference) {
        return payments.values().stream()
                .filter(p -> p.account().equals(account) && reference.equals(p.reference()))
                .findFirst();
    }

    Optional<TokensRefund> refund(String account, String id) {
        return Optional.ofNullable(refunds.get(id)).filter(r -> r.account().equals(account));
    }

    Optional<TokensRefund> refundByReference(String account, String reference) {
        return refunds.values().stream()
                .filter(r -> r.account().equals(account) && reference.equals(r.reference()))
                .findFirst();
    }

    List<TokensRefund> refundsOf(String paymentId) {
        return refunds.values().stream()
                .filter(r -> r.paymentId().equals(paymentId))
                .sorted(Comparator.comparing(TokensRefund::created).thenComparing(TokensRefund::id))
                .toList();
    }

    Optional<PaymentMethod> paymentMethod(String account, String id) {
        return Optional.ofNullable(paymentMethods.get(id))
                .filter(m -> m.account().equals(account));
    }

    List<TokensPayment> payments() {
        List<TokensPayment> list = new ArrayList<>(payments.values());
        list.sort(Comparator.comparing(TokensPayment::created).thenComparing(TokensPayment::id));
        return list;
    }

    List<TokensRefund> refunds() {
        List<TokensRefund> list = new ArrayList<>(refunds.values());
        list.sort(Comparator.comparing(TokensRefund::created).thenComparing(TokensRefund::id));
        return list;
    }
}

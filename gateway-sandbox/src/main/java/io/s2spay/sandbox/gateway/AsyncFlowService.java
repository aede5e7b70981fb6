package io.s2spay.sandbox.gateway;

import io.s2spay.sandbox.SandboxProperties;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What happens to pending transactions after the first response: the shopper's choice on the 3-D Secure or bank
 * page, abandoned sessions timing out, the acquirer's late answer after a timeout, and the bank rejecting a
 * transfer it had not confirmed yet.
 */
@Service
public class AsyncFlowService {

    private static final Logger log = LoggerFactory.getLogger(AsyncFlowService.class);

    /** What the shopper does on the issuer's or the bank's page. */
    public enum ShopperAction {
        APPROVE,
        FAIL,
        CANCEL
    }

    /** The transaction behind a redirect session, after the shopper's action (or as it was, if already over). */
    public record Completion(Transaction transaction, boolean applied) {}

    private final TransactionStore store;
    private final GatewayPaymentService payments;
    private final SandboxProperties properties;
    private final Clock clock;
    private ScheduledExecutorService sweeper;

    public AsyncFlowService(
            TransactionStore store, GatewayPaymentService payments, SandboxProperties properties, Clock clock) {
        this.store = store;
        this.payments = payments;
        this.properties = properties;
        this.clock = clock;
    }

    @PostConstruct
    void startSweeper() {
        sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("sandbox-async-sweeper").daemon(true).factory());
        long interval = properties.async().sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopSweeper() {
        sweeper.shutdownNow();
    }

    /** The pending transaction a redirect session belongs to. */
    public Optional<Transaction> session(String token) {
        return store.bySessionToken(token);
    }

    /** Applies the shopper's action; a session that already ended (or timed out) is left as it is. */
    public Optional<Completion> complete(String token, AsyncSession.Kind kind, ShopperAction action) {
        return store.bySessionToken(token)
                .map(found -> store.tree(found).locked(() -> {
                    Transaction tx = store.find(found.id()).orElseThrow();
                    Instant now = clock.instant();
                    if (tx.state() != TransactionState.PENDING_REDIRECT
                            || tx.session() == null
                            || tx.session().kind() != kind
                            || !token.equals(tx.session().token())) {
                        return new Completion(tx, false);
                    }
                    if (!now.isBefore(tx.session().deadline())) {
                        return new Completion(expire(tx, now), false);
                    }
                    Transaction updated = switch (action) {
                        case APPROVE -> approve(tx, now);
                        case FAIL ->
                            tx.withResult(
                                    TransactionState.REJECTED,
                                    kind == AsyncSession.Kind.THREE_DS
                                            ? GatewayResultCodes.THREEDS_AUTHENTICATION_FAILED
                                            : GatewayResultCodes.BANK_DECLINED,
                                    now);
                        case CANCEL ->
                            tx.withResult(TransactionState.REJECTED, GatewayResultCodes.CANCELLED_BY_USER, now);
                    };
                    store.save(updated);
                    return new Completion(updated, true);
                }));
    }

    /** Operator: the shopper abandons the session now (as if its time-out had passed). */
    public Transaction abandon(String id) {
        Transaction tx =
                store.find(id).orElseThrow(() -> new OppRejection(404, GatewayResultCodes.TRANSACTION_NOT_FOUND));
        return store.tree(tx).locked(() -> {
            Transaction current = store.find(id).orElseThrow();
            if (current.state() != TransactionState.PENDING_REDIRECT) {
                throw OppRejection.badRequest(GatewayResultCodes.SESSION_CLOSED);
            }
            return expire(current, clock.instant());
        });
    }

    /** Operator: the acquirer's late answer to a timed-out authorization arrives now. */
    public Transaction answerLate(String id) {
        Transaction tx =
                store.find(id).orElseThrow(() -> new OppRejection(404, GatewayResultCodes.TRANSACTION_NOT_FOUND));
        return store.tree(tx).locked(() -> {
            Transaction current = store.find(id).orElseThrow();
            if (current.state() != TransactionState.UNCERTAIN) {
                throw OppRejection.badRequest(GatewayResultCodes.SESSION_CLOSED);
            }
            return resolveUncertain(current, clock.instant());
        });
    }

    /** Operator: the bank refuses a transfer the shopper had approved but the bank had not confirmed yet. */
    public Transaction rejectTransfer(String id, String entityId) {
        Transaction tx = store.find(id, entityId)
                .orElseThrow(() -> new OppRejection(404, GatewayResultCodes.REFERENCE_NOT_EXISTING));
        return store.tree(tx).locked(() -> {
            Transaction root = store.tree(tx).root();
            if (root.state() != TransactionState.AWAITING_RECEIPT) {
                throw OppRejection.badRequest(GatewayResultCodes.RECEIPT_NEEDS_PENDING_RECEIPT);
            }
            Transaction rejected = root.withResult(
                    TransactionState.REJECTED, GatewayResultCodes.REJECTED_BY_EXTERNAL_UPDATE, clock.instant());
            store.save(rejected);
            return rejected;
        });
    }

    /** Times out abandoned sessions and delivers the acquirer's late answers whose time has come. */
    void sweep() {
        try {
            Instant now = clock.instant();
            for (String id : store.awaiting()) {
                Transaction tx = store.find(id).orElse(null);
                if (tx == null
                        || tx.session() == null
                        || now.isBefore(tx.session().deadline())) {
                    continue;
                }
                store.tree(tx).locked(() -> {
                    Transaction current = store.find(id).orElseThrow();
                    if (current.session() == null
                            || now.isBefore(current.session().deadline())) {
                        return current;
                    }
                    return current.state() == TransactionState.UNCERTAIN
                            ? resolveUncertain(current, now)
                            : expire(current, now);
                });
            }
        } catch (RuntimeException e) {
            log.error("Sandbox sweep failed; retrying at the next interval", e);
        }
    }

    private Transaction approve(Transaction tx, Instant now) {
        IssuerSimulator.Answer answer = IssuerSimulator.Answer.of(tx.outcomeAfterRedirect());
        Transaction updated;
        if (GatewayResultCodes.WAITING_FOR_NON_INSTANT_PAYMENT.equals(answer.code())) {
            updated = tx.withResult(TransactionState.AWAITING_RECEIPT, answer.code(), now);
        } else {
            updated = payments.settle(tx, answer, now);
        }
        return updated;
    }

    private Transaction expire(Transaction tx, Instant now) {
        String code = tx.session().kind() == AsyncSession.Kind.THREE_DS
                ? GatewayResultCodes.THREEDS_TIMEOUT
                : GatewayResultCodes.PENDING_TIMED_OUT;
        Transaction expired = tx.withResult(TransactionState.REJECTED, code, now);
        store.save(expired);
        return expired;
    }

    private Transaction resolveUncertain(Transaction tx, Instant now) {
        Transaction resolved = payments.approve(tx, GatewayResultCodes.SUCCESS_EXTERNAL_UPDATE, now);
        store.save(resolved);
        return resolved;
    }
}

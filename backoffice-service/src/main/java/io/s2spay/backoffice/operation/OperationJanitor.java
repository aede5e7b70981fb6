package io.s2spay.backoffice.operation;

import io.s2spay.backoffice.BackofficeProperties;
import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.backoffice.balance.PaymentBalances;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.gateway.routing.Gateways;
import io.s2spay.platform.janitor.Janitor;
import io.s2spay.platform.janitor.JanitorTask;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The janitor task (after Kill Bill's), run by the platform's {@link Janitor}, of back-office operations whose
 * outcome is not known: operations whose answer was lost, and operations left in submission by a stopped instance.
 * It asks the query endpoint of the gateway account the operation was sent to, by the operation's
 * merchantTransactionId, and records what it learns; only when the
 * gateway provably never received the operation is it sent again, with the same merchantTransactionId, so it can
 * never be carried out twice.
 */
@Component
class OperationJanitor {

    private static final Logger log = LoggerFactory.getLogger(OperationJanitor.class);

    private final BackofficeOperations operations;
    private final PaymentBalances balances;
    private final OperationOutcomes outcomes;
    private final Gateways gateways;
    private final BackofficeProperties properties;
    private final Clock clock;
    private final Janitor janitor;
    private final JanitorTask<Operation> task;

    OperationJanitor(
            BackofficeOperations operations,
            PaymentBalances balances,
            OperationOutcomes outcomes,
            Gateways gateways,
            BackofficeProperties properties,
            Clock clock,
            Janitor janitor) {
        this.janitor = janitor;
        // one operation after the other
        this.task = new JanitorTask.Of<>(
                "open-operations",
                properties.batchSize(),
                1,
                false,
                limit -> operations.claimDue(clock.instant(), limit, properties.lease()),
                op -> {
                    resolve(op);
                    return true;
                },
                op -> "resolving operation " + op.paymentId() + "/" + op.operationId());
        this.operations = operations;
        this.balances = balances;
        this.outcomes = outcomes;
        this.gateways = gateways;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${s2spay.backoffice.janitor-interval:1s}",
            initialDelayString = "${s2spay.backoffice.janitor-interval:1s}")
    void resolveOpenOperations() {
        janitor.run(task);
    }

    /**
     * Resolves one open operation at its account: the one it was sent to, or, for an operation recorded before
     * back-office kept it, its payment's (which for a payment processed before routing is the merchant's account
     * keyed by its id, where it was sent). An account no longer configured throws: the operation stays open, the
     * platform's janitor logs it and the claim's lease brings it back, as the gateway may hold it.
     */
    void resolve(Operation op) {
        PaymentBalance balance = balances.find(op.paymentId()).orElse(null);
        GatewayAccount account = op.gatewayAccount() != null
                ? op.gatewayAccount()
                : gateways.accountOf(op.merchantId(), balance == null ? null : balance.gatewayAccount());
        OperationRoute.To to = new OperationRoute.To(account, gateways.portOf(account));
        GatewayTransaction answer = to.port().find(account.account(), op.merchantTransactionId(), op.operationType());
        if (answer.evidence() == Evidence.NOT_RECEIVED) {
            String gatewayPaymentId = balance == null ? null : balance.gatewayTransactionId();
            if (gatewayPaymentId == null) {
                throw new IllegalStateException("payment " + op.paymentId() + " has no gateway id");
            }
            log.info(
                    "The gateway never received operation {} {} of payment {}; sending it again as {}",
                    op.operationType(),
                    op.operationId(),
                    op.paymentId(),
                    op.merchantTransactionId());
            answer = BackofficeCommandHandler.send(to, op, gatewayPaymentId);
        }
        outcomes.record(op.withGatewayAccount(account), answer, OperationOutcomes.Source.FOLLOW_UP, clock.instant());
    }
}

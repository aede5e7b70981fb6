package io.s2spay.backoffice.operation;

import io.s2spay.backoffice.BackofficeProperties;
import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.backoffice.balance.PaymentBalances;
import io.s2spay.connector.opp.OppGatewayClient;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.connector.opp.ResultCategory;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The janitor (after Kill Bill's) of back-office operations whose outcome is not known: operations whose answer was
 * lost, and operations left in submission by a stopped instance. It asks the query endpoint by the operation's
 * merchantTransactionId and records what it learns; only when the gateway provably never received the operation is
 * it sent again, with the same merchantTransactionId, so it can never be carried out twice.
 */
@Component
class OperationJanitor {

    private static final Logger log = LoggerFactory.getLogger(OperationJanitor.class);

    private final BackofficeOperations operations;
    private final PaymentBalances balances;
    private final OperationOutcomes outcomes;
    private final OppGatewayClient gateway;
    private final BackofficeProperties properties;
    private final Clock clock;

    OperationJanitor(
            BackofficeOperations operations,
            PaymentBalances balances,
            OperationOutcomes outcomes,
            OppGatewayClient gateway,
            BackofficeProperties properties,
            Clock clock) {
        this.operations = operations;
        this.balances = balances;
        this.outcomes = outcomes;
        this.gateway = gateway;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${s2spay.backoffice.janitor-interval:1s}",
            initialDelayString = "${s2spay.backoffice.janitor-interval:1s}")
    void resolveOpenOperations() {
        List<Operation> due;
        try {
            due = operations.claimDue(clock.instant(), properties.batchSize(), properties.lease());
        } catch (RuntimeException e) {
            log.warn("Could not claim open back-office operations: {}", e.toString());
            return;
        }
        for (Operation op : due) {
            try {
                resolve(op);
            } catch (RuntimeException e) {
                log.warn(
                        "Resolving operation {}/{} failed, retried after the lease: {}",
                        op.paymentId(),
                        op.operationId(),
                        e.toString());
            }
        }
    }

    void resolve(Operation op) {
        OppTransaction answer = gateway.resolve(op.merchantId(), op.merchantTransactionId(), op.operationType());
        if (answer.category() == ResultCategory.NOT_RECEIVED) {
            String gatewayPaymentId = balances.find(op.paymentId())
                    .map(PaymentBalance::gatewayTransactionId)
                    .orElseThrow(() -> new IllegalStateException("payment " + op.paymentId() + " has no gateway id"));
            log.info(
                    "The gateway never received operation {} {} of payment {}; sending it again as {}",
                    op.operationType(),
                    op.operationId(),
                    op.paymentId(),
                    op.merchantTransactionId());
            answer = BackofficeCommandHandler.send(gateway, op, gatewayPaymentId);
        }
        outcomes.record(op, answer, OperationOutcomes.Source.FOLLOW_UP, clock.instant());
    }
}

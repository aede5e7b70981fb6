package io.s2spay.backoffice.operation;

import io.micrometer.core.instrument.MeterRegistry;
import io.s2spay.backoffice.BackofficeProperties;
import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.backoffice.balance.PaymentBalances;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.FollowUpRequest;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.routing.Gateways;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Carries out one back-office command: admits it against the balances and what the payment's gateway account can do
 * (transaction 1), sends it to that account outside any transaction, resolving a lost answer through the query
 * endpoint before anything is sent again, and records the outcome with its event (transaction 2).
 */
@Service
class BackofficeCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(BackofficeCommandHandler.class);

    private final OperationAdmission admission;
    private final OperationOutcomes outcomes;
    private final PaymentBalances balances;
    private final Gateways gateways;
    private final BackofficeProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    BackofficeCommandHandler(
            OperationAdmission admission,
            OperationOutcomes outcomes,
            PaymentBalances balances,
            Gateways gateways,
            BackofficeProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.admission = admission;
        this.outcomes = outcomes;
        this.balances = balances;
        this.gateways = gateways;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    void handle(BackofficeCommand command) {
        Optional<PaymentBalance> balance = awaitPayment(command);
        boolean awaitingReceipt = command.operationType() == TransactionType.RC
                && balance.map(b -> awaitsReceipt(command, b)).orElse(false);
        Optional<Operation> toSend =
                admission.admit(command, awaitingReceipt, clock.instant()).toSend();
        if (toSend.isEmpty()) {
            meters.counter(
                            "s2spay.backoffice.commands",
                            "type",
                            command.operationType().name(),
                            "result",
                            "REJECTED")
                    .increment();
            return;
        }
        Operation op = toSend.get();
        String gatewayPaymentId =
                balance.map(PaymentBalance::gatewayTransactionId).orElseThrow();
        // admitted only for an account that is configured and can do it, as checked under the balance's lock
        OperationRoute.To to = new OperationRoute.To(op.gatewayAccount(), gateways.portOf(op.gatewayAccount()));
        GatewayTransaction answer = send(to, op, gatewayPaymentId);
        OperationState state = outcomes.record(op, answer, OperationOutcomes.Source.SUBMISSION, clock.instant());
        meters.counter("s2spay.backoffice.commands", "type", op.operationType().name(), "result", state.name())
                .increment();
    }

    /**
     * Sends an operation once to the gateway account of its payment ({@code to}: the account and its family's
     * adapter, which gets the account's key) and, when the answer is lost, resolves it through the gateway's look-up
     * before sending anything again; resends (with the same merchantTransactionId) only when the gateway never
     * received it. A reversal is always of the whole payment.
     */
    static GatewayTransaction send(OperationRoute.To to, Operation op, String gatewayPaymentId) {
        boolean reversal = op.operationType() == TransactionType.RV;
        FollowUpRequest request = new FollowUpRequest(
                op.operationType(),
                gatewayPaymentId,
                reversal ? null : op.amountMinor(),
                reversal ? null : op.currency(),
                op.merchantTransactionId());
        return to.port().submitFollowUp(to.account().account(), request);
    }

    /**
     * The payment's balance once its initial outcome is known (for a receipt: once the gateway holds it), waiting a
     * little when the command arrived before the outcome's event (the two travel on different topics); after the
     * wait, whatever is known.
     */
    private Optional<PaymentBalance> awaitPayment(BackofficeCommand command) {
        String paymentId = command.paymentId();
        boolean receipt = command.operationType() == TransactionType.RC;
        return PaymentWait.until(
                clock,
                properties.paymentWait(),
                () -> balances.find(paymentId),
                balance -> balance.map(b -> receipt ? b.gatewayTransactionId() != null : decided(b.state()))
                        .orElse(false));
    }

    /**
     * Whether a command on a payment in {@code state} need not wait for a later event to be judged: the initial
     * outcome is final, or the transfer awaits its receipt (which may take days).
     */
    private static boolean decided(PaymentState state) {
        return state.isFinal() || state == PaymentState.AWAITING_RECEIPT;
    }

    /**
     * Whether the payment awaits the bank's receipt: {@code PaymentAwaitingReceipt} said so; or, while its redirect
     * is still pending here (the poller has not looked yet, or the payment predates that event), the gateway holds
     * it as long-term pending ("waiting for confirmation of non-instant payment"), which the look-up of the payment's
     * account tells.
     */
    private boolean awaitsReceipt(BackofficeCommand command, PaymentBalance balance) {
        if (!balance.merchantId().equals(command.merchantId())) {
            return false;
        }
        if (balance.state() == PaymentState.AWAITING_RECEIPT) {
            return true;
        }
        if (balance.state() != PaymentState.REDIRECT_PENDING || balance.gatewayTransactionId() == null) {
            return false;
        }
        // an account that cannot take a receipt is refused at admission: there is nothing to ask it
        if (!(OperationRoute.of(gateways, command.merchantId(), balance.gatewayAccount(), TransactionType.RC)
                instanceof OperationRoute.To to)) {
            return false;
        }
        GatewayTransaction status = to.port().lookUp(to.account().account(), balance.gatewayTransactionId());
        log.debug("Payment {} at the gateway: {} {}", command.paymentId(), status.outcome(), status.resultCode());
        return status.outcome() == GatewayOutcome.PENDING && status.longTermPending();
    }
}

package io.s2spay.backoffice.operation;

import io.micrometer.core.instrument.MeterRegistry;
import io.s2spay.backoffice.BackofficeProperties;
import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.backoffice.balance.PaymentBalances;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.UnknownGatewayAccountException;
import io.s2spay.gateway.event.TransactionReports;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.gateway.routing.Gateways;
import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.platform.messaging.ProcessedMessages;
import io.s2spay.platform.outbox.OutboxWriter;
import io.s2spay.schema.Money;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.internal.OppTransactionReported;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the back-office transactions the gateway reported itself, confirmed by its query endpoint: a chargeback, a
 * chargeback reversal or a receipt the bank originated reaches the payment's balances and is published
 * ({@code PaymentChargedBack}, {@code ChargebackReversed}, {@code ReceiptConfirmed}) once per gateway transaction,
 * however often and in whatever order it is reported. This service's own operations are left to the operation that
 * sent them. The bank's decision is not subject to the merchant's rules: an operation they would refuse is recorded
 * all the same, and flagged.
 *
 * <p>The topic is OPP's (its webhooks, by merchant): a report is read (its result code classified) by the adapter of
 * the payment's gateway account when the payment is known here, else by OPP's, and its event names the payment's
 * account.
 */
@Service
class ReportedOperations {

    private static final Logger log = LoggerFactory.getLogger(ReportedOperations.class);

    /** The gateway family whose reports {@code s2spay.opp.transactions} carries. */
    private static final String REPORTING_GATEWAY = "opp";

    private static final Set<TransactionType> RECORDED_TYPES =
            EnumSet.of(TransactionType.CB, TransactionType.CR, TransactionType.RC);

    /** What handling one report came to, for the metric {@code s2spay.backoffice.reported-operations}. */
    enum Result {
        RECORDED,
        RECORDED_FLAGGED,
        DUPLICATE,
        OWN_OPERATION,
        UNKNOWN_PAYMENT,
        CURRENCY_MISMATCH,
        NOT_RECORDED_TYPE
    }

    private final ReportedOperationStore reported;
    private final BackofficeOperations operations;
    private final PaymentBalances balances;
    private final ProcessedMessages processed;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Gateways gateways;
    private final BackofficeProperties properties;

    ReportedOperations(
            ReportedOperationStore reported,
            BackofficeOperations operations,
            PaymentBalances balances,
            ProcessedMessages processed,
            OutboxWriter outbox,
            Clock clock,
            MeterRegistry meters,
            Gateways gateways,
            BackofficeProperties properties) {
        this.reported = reported;
        this.operations = operations;
        this.balances = balances;
        this.processed = processed;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
        this.gateways = gateways;
        this.properties = properties;
    }

    /**
     * Waits, outside any transaction, up to {@code s2spay.backoffice.payment-wait} for the payment of {@code report}
     * to be known here. The bank may report a receipt or a chargeback moments after the payment started, before the
     * payment's own events (which travel on another topic) have reached this service; without the wait such a
     * movement would be recorded as one of an unknown payment and not published. A report that cannot be read is
     * not waited for: {@link #record} refuses it.
     */
    void awaitPayment(OppTransactionReported report) {
        if (blank(report.getMerchantId()) || blank(report.getGatewayTransactionId())) {
            return;
        }
        PaymentWait.until(clock, properties.paymentWait(), () -> reported.paymentOf(report), Optional::isPresent);
    }

    /**
     * Handles one report exactly once (its processed-message row commits with the effect).
     *
     * @throws InvalidMessageException for a report that can never be handled (it goes to the dead-letter topic)
     */
    @Transactional
    void record(OppTransactionReported report) {
        checkReadable(report);
        if (!processed.markProcessed(report.getMessageId())) {
            return;
        }
        GatewayAccount recorded = reported.paymentOf(report)
                .flatMap(balances::find)
                .map(PaymentBalance::gatewayAccount)
                .orElse(null);
        GatewayTransaction transaction =
                TransactionReports.transaction(report, readerOf(report.getMerchantId(), recorded));
        Result result = handle(report, transaction, clock.instant());
        meters.counter(
                        "s2spay.backoffice.reported-operations",
                        "type",
                        report.getPaymentType(),
                        "result",
                        result.name())
                .increment();
    }

    private Result handle(OppTransactionReported report, GatewayTransaction transaction, Instant now) {
        TransactionType type = transaction.type();
        if (!RECORDED_TYPES.contains(type) || transaction.outcome() != GatewayOutcome.SUCCEEDED) {
            log.warn(
                    "Reported {} {} ({}) of merchant {} is not a movement this service records; ignored",
                    report.getPaymentType(),
                    report.getGatewayTransactionId(),
                    report.getResultCode(),
                    report.getMerchantId());
            return Result.NOT_RECORDED_TYPE;
        }
        ReportedOperationStore.Row row = reported.receive(report, now);
        if (!row.outcome().retriedWhenReportedAgain()) {
            log.info(
                    "{} {} of merchant {} reported again ({} times); it was already {}{}",
                    type,
                    report.getGatewayTransactionId(),
                    report.getMerchantId(),
                    row.timesReported(),
                    row.outcome(),
                    row.paymentId() == null ? "" : " for payment " + row.paymentId());
            return Result.DUPLICATE;
        }
        if (operations.isOwn(
                report.getMerchantId(), report.getMerchantTransactionId(), report.getGatewayTransactionId())) {
            reported.settle(report, ReportedOperationStore.Outcome.OWN_OPERATION, null, null, null, null);
            log.debug(
                    "{} {} is one of this service's own operations; its operation publishes it",
                    type,
                    report.getGatewayTransactionId());
            return Result.OWN_OPERATION;
        }
        Optional<String> paymentId = reported.paymentOf(report);
        if (paymentId.isEmpty()) {
            reported.settle(report, ReportedOperationStore.Outcome.UNKNOWN_PAYMENT, null, null, null, null);
            log.warn(
                    "The gateway reported {} {} of {} {} for merchant {} on payment {} (mtid={}, ref {}), which this "
                            + "service does not know: nothing published",
                    type,
                    report.getGatewayTransactionId(),
                    report.getAmountMinor(),
                    report.getCurrency(),
                    report.getMerchantId(),
                    report.getPaymentGatewayTransactionId(),
                    report.getPaymentMerchantTransactionId(),
                    report.getReferencedId());
            return Result.UNKNOWN_PAYMENT;
        }
        PaymentBalance balance = balances.lock(paymentId.get()).orElseThrow();
        if (balance.currency() != null && !balance.currency().equals(report.getCurrency())) {
            reported.settle(
                    report, ReportedOperationStore.Outcome.CURRENCY_MISMATCH, balance.paymentId(), null, null, null);
            log.error(
                    "The gateway reported {} {} in {} for payment {} in {}: nothing published, to be investigated",
                    type,
                    report.getGatewayTransactionId(),
                    report.getCurrency(),
                    balance.paymentId(),
                    balance.currency());
            return Result.CURRENCY_MISMATCH;
        }
        return publish(report, transaction, type, balance, now);
    }

    /**
     * The adapter that reads a report: that of the payment's account when it is known and configured, else that of
     * the merchant's account keyed by its id, else OPP's, whose reports the topic carries (as before s2spay routed
     * payments).
     */
    private GatewayPort readerOf(String merchantId, GatewayAccount recorded) {
        return configured(merchantId, recorded)
                .or(() -> configured(merchantId, null))
                .map(gateways::portOf)
                .or(() -> gateways.port(REPORTING_GATEWAY))
                .orElseGet(() -> gateways.all().iterator().next());
    }

    /** The account a payment's events name, or for one whose events named none the merchant's; empty if unknown. */
    private GatewayAccount accountOfPayment(String merchantId, GatewayAccount recorded) {
        return recorded != null ? recorded : configured(merchantId, null).orElse(null);
    }

    private Optional<GatewayAccount> configured(String merchantId, GatewayAccount recorded) {
        try {
            return Optional.of(gateways.accountOf(merchantId, recorded));
        } catch (UnknownGatewayAccountException e) {
            return Optional.empty();
        }
    }

    private Result publish(
            OppTransactionReported report,
            GatewayTransaction transaction,
            TransactionType type,
            PaymentBalance balance,
            Instant now) {
        String paymentId = balance.paymentId();
        String operationId = OperationIds.reported(report.getGatewayTransactionId());
        Money amount = new Money(report.getAmountMinor(), report.getCurrency());
        // the merchant's rules do not bind the bank, but an operation they would refuse needs a look
        BackofficeCommand equivalent = new BackofficeCommand(
                report.getMessageId(),
                paymentId,
                report.getMerchantId(),
                operationId,
                now,
                "ReportedByGateway",
                type,
                operationId,
                amount);
        RuleCheck check = OperationRules.check(equivalent, balance, operations.open(paymentId), true);
        PaymentEventEnvelope event = OperationEvents.reported(
                paymentId,
                report.getMerchantId(),
                operationId,
                type,
                amount,
                transaction,
                accountOfPayment(report.getMerchantId(), balance.gatewayAccount()),
                report.getMessageId(),
                now);
        OperationOutcomes.recordSuccess(
                balances,
                paymentId,
                operationId,
                type,
                amount.getAmountMinor(),
                amount.getCurrency(),
                event.getMessageId(),
                now);
        outbox.append(Topics.PAYMENT_EVENTS, paymentId, event);
        if (check instanceof RuleCheck.Rejected flagged) {
            reported.settle(
                    report,
                    ReportedOperationStore.Outcome.RECORDED,
                    paymentId,
                    flagged.reasonCode().name(),
                    flagged.reason(),
                    event.getMessageId());
            log.warn(
                    "The gateway reported {} {} of {} {} on payment {} that the merchant could not have made ({}: {});"
                            + " recorded all the same, the bank did it",
                    type,
                    report.getGatewayTransactionId(),
                    report.getAmountMinor(),
                    report.getCurrency(),
                    paymentId,
                    flagged.reasonCode(),
                    flagged.reason());
            return Result.RECORDED_FLAGGED;
        }
        reported.settle(report, ReportedOperationStore.Outcome.RECORDED, paymentId, null, null, event.getMessageId());
        log.info(
                "The gateway reported {} {} of {} {} on payment {}: published as {}",
                type,
                report.getGatewayTransactionId(),
                report.getAmountMinor(),
                report.getCurrency(),
                paymentId,
                event.getPayload().getClass().getSimpleName());
        return Result.RECORDED;
    }

    private static void checkReadable(OppTransactionReported report) {
        if (blank(report.getMessageId())
                || blank(report.getMerchantId())
                || blank(report.getGatewayTransactionId())
                || blank(report.getPaymentType())
                || blank(report.getCurrency())
                || blank(report.getResultCode())) {
            throw new InvalidMessageException("reported transaction " + report.getMessageId()
                    + " lacks its message id, merchant, gateway id, type, currency or result code");
        }
        if (report.getAmountMinor() <= 0) {
            throw new InvalidMessageException("reported transaction " + report.getGatewayTransactionId()
                    + " has a non-positive amount " + report.getAmountMinor());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

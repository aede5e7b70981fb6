package io.s2spay.poller.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.event.TransactionReports;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.gateway.routing.Gateways;
import io.s2spay.platform.outbox.OutboxWriter;
import io.s2spay.schema.Topics;
import io.s2spay.schema.internal.OppTransactionReported;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands the back-office transactions a gateway notifies (a chargeback, its reversal, a receipt: whoever originated them)
 * to the back-office service, which maps them to their payment and publishes their events. The webhook's payload is
 * not trusted: the transaction is looked up at the gateway, and the gateway's answer is what is
 * reported, with the initial payment found by following its {@code referencedId}. The report goes through the
 * outbox, so an acknowledged webhook is never lost.
 */
@Service
class TransactionReporter {

    private static final Logger log = LoggerFactory.getLogger(TransactionReporter.class);

    /** The types whose money movement back-office learns of only from the gateway when the bank originates them. */
    private static final Set<TransactionType> REPORTED_TYPES =
            EnumSet.of(TransactionType.CB, TransactionType.CR, TransactionType.RC);

    /** Enough to go from a chargeback reversal to its chargeback, the capture, and the pre-authorization. */
    private static final int MAX_REFERENCE_HOPS = 4;

    /** What became of a notified transaction. */
    enum Result {
        /** Confirmed by the gateway and handed to back-office. */
        REPORTED,
        /** The gateway holds no such transaction for this merchant (or another one): nothing is reported. */
        NOT_CONFIRMED,
        /** The gateway holds it, but it did not succeed: no money moved, nothing is reported. */
        NOT_SUCCEEDED,
        /** The gateway could not be asked (unreachable, 5xx, refused): the webhook must be sent again later. */
        GATEWAY_UNAVAILABLE
    }

    private final Gateways gateways;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    TransactionReporter(
            Gateways gateways,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters) {
        this.gateways = gateways;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /** Whether notifications about {@code transaction} are reported to back-office. */
    static boolean reports(GatewayTransaction transaction) {
        return transaction.type() != null
                && REPORTED_TYPES.contains(transaction.type())
                && transaction.gatewayTransactionId() != null;
    }

    /**
     * Confirms the transaction {@code account} notified at that account and, if it moved money, reports it for the
     * merchant the account is keyed by (the bank's reports travel on OPP's internal topic, keyed by merchant: an account
     * keyed by its merchant's id); never throws for the gateway.
     */
    Result report(GatewayAccount account, GatewayTransaction notified) {
        GatewayPort gateway = gateways.portOf(account);
        Result result = confirmAndReport(gateway, account.account(), notified);
        meters.counter("s2spay.poller.reported-transactions", "type", notified.typeName(), "result", result.name())
                .increment();
        return result;
    }

    private Result confirmAndReport(GatewayPort gateway, String merchantId, GatewayTransaction notified) {
        String id = notified.gatewayTransactionId();
        GatewayTransaction confirmed = query(gateway, merchantId, id);
        if (confirmed == null) {
            log.warn(
                    "The gateway notified {} {} for merchant {}, but the gateway does not know it: not reported",
                    notified.typeName(),
                    id,
                    merchantId);
            return Result.NOT_CONFIRMED;
        }
        if (confirmed.gatewayTransactionId() == null) {
            log.warn(
                    "The gateway notified {} {} for merchant {}; the gateway could not confirm it now ({}): not acknowledged",
                    notified.typeName(),
                    id,
                    merchantId,
                    confirmed.summary());
            return Result.GATEWAY_UNAVAILABLE;
        }
        if (!id.equals(confirmed.gatewayTransactionId()) || confirmed.type() != notified.type()) {
            log.warn(
                    "The gateway notified {} {} for merchant {}, but the gateway holds {} {}: not reported",
                    notified.typeName(),
                    id,
                    merchantId,
                    confirmed.typeName(),
                    confirmed.gatewayTransactionId());
            return Result.NOT_CONFIRMED;
        }
        if (confirmed.outcome() != GatewayOutcome.SUCCEEDED) {
            log.info(
                    "The gateway notified {} {} for merchant {}; the gateway holds it as {} ({}): nothing moved, not reported",
                    notified.typeName(),
                    id,
                    merchantId,
                    confirmed.outcome(),
                    confirmed.summary());
            return Result.NOT_SUCCEEDED;
        }
        if (confirmed.amountMinor() == null || confirmed.currency() == null) {
            log.error(
                    "The gateway's answer for {} {} of merchant {} has no readable amount: not reported",
                    confirmed.typeName(),
                    id,
                    merchantId);
            return Result.NOT_CONFIRMED;
        }
        warnIfPayloadDiffers(merchantId, notified, confirmed);
        GatewayTransaction payment = null;
        String referenced = confirmed.referencedId();
        for (int hop = 0; referenced != null && hop < MAX_REFERENCE_HOPS; hop++) {
            GatewayTransaction answer = query(gateway, merchantId, referenced);
            if (answer == null) {
                break;
            }
            if (answer.gatewayTransactionId() == null) {
                log.warn(
                        "The payment of {} {} (merchant {}) could not be asked from the gateway ({}): not acknowledged",
                        confirmed.typeName(),
                        id,
                        merchantId,
                        answer.summary());
                return Result.GATEWAY_UNAVAILABLE;
            }
            if (answer.type() != null && answer.type().isInitial()) {
                payment = answer;
                break;
            }
            referenced = answer.referencedId();
        }
        OppTransactionReported report = TransactionReports.of(merchantId, confirmed, payment, clock.instant());
        transactions.executeWithoutResult(
                status -> outbox.append(Topics.OPP_TRANSACTIONS, TransactionReports.key(report), report));
        log.info(
                "Gateway {} {} of {} {} on payment {} (merchant {}, mtid={}) confirmed by the gateway and reported",
                confirmed.typeName(),
                id,
                confirmed.amountMinor(),
                confirmed.currency(),
                payment == null
                        ? "(not found at the gateway) ref " + confirmed.referencedId()
                        : payment.gatewayTransactionId(),
                merchantId,
                confirmed.merchantTransactionId());
        return Result.REPORTED;
    }

    /**
     * The gateway's transaction {@code id} of the merchant; null when the gateway says it holds none (or the id is
     * not one it could hold); a transaction without id when it could not be asked.
     */
    private static GatewayTransaction query(GatewayPort gateway, String merchantId, String id) {
        GatewayTransaction answer;
        try {
            answer = gateway.lookUp(merchantId, id);
        } catch (IllegalArgumentException e) {
            // an id no transaction of this gateway can have (checked before anything is sent)
            return null;
        }
        if (answer.evidence() == Evidence.NOT_RECEIVED) {
            return null;
        }
        return answer;
    }

    private static void warnIfPayloadDiffers(
            String merchantId, GatewayTransaction notified, GatewayTransaction confirmed) {
        if (!Objects.equals(notified.amountMinor(), confirmed.amountMinor())
                || !Objects.equals(notified.currency(), confirmed.currency())
                || !Objects.equals(notified.resultCode(), confirmed.resultCode())) {
            log.warn(
                    "The notification of {} {} (merchant {}) says {} {} {}, the gateway {} {} {}: the gateway's is reported",
                    confirmed.typeName(),
                    confirmed.gatewayTransactionId(),
                    merchantId,
                    notified.amountMinor(),
                    notified.currency(),
                    notified.resultCode(),
                    confirmed.amountMinor(),
                    confirmed.currency(),
                    confirmed.resultCode());
        }
    }
}

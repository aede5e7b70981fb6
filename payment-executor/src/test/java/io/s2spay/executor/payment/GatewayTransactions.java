package io.s2spay.executor.payment;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.CardEcho;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayRedirect;
import io.s2spay.gateway.GatewayTransaction;
import java.time.Instant;
import java.util.List;

/** Gateway answers of each kind, as the port hands them to the executor, for unit tests. */
final class GatewayTransactions {

    static final String GATEWAY_ID = "8ac7a4a1000000000000000000000001";
    static final Instant TIMESTAMP = Instant.parse("2026-01-01T10:00:00.123456Z");

    private GatewayTransactions() {}

    static GatewayTransaction answered(
            GatewayOutcome outcome, String category, String code, long amountMinor, GatewayRedirect redirect) {
        return GatewayTransaction.builder(outcome, Evidence.ANSWER, category)
                .longTermPending(category.equals("PENDING_LONG_TERM"))
                .gatewayTransactionId(GATEWAY_ID)
                .type(TransactionType.DB)
                .result(code, "description of " + code)
                .amount(amountMinor, "EUR")
                .merchantTransactionId("order-1")
                .card(new CardEcho("420000", "0000", null, 12, 2030, "VISA"))
                .redirect(redirect)
                .timestamp(TIMESTAMP)
                .build();
    }

    static GatewayTransaction approved(long amountMinor) {
        return answered(GatewayOutcome.SUCCEEDED, "SUCCESSFUL", "000.100.110", amountMinor, null);
    }

    static GatewayTransaction redirect(long amountMinor) {
        return answered(
                GatewayOutcome.PENDING,
                "PENDING",
                "000.200.000",
                amountMinor,
                new GatewayRedirect(
                        "https://acs.example/3ds",
                        "POST",
                        List.of(
                                new GatewayRedirect.Parameter("PaReq", "abc"),
                                new GatewayRedirect.Parameter("MD", "x"))));
    }

    static GatewayTransaction pendingLongTerm(long amountMinor) {
        return answered(GatewayOutcome.PENDING, "PENDING_LONG_TERM", "800.400.500", amountMinor, null);
    }

    /** A redirect session the answer (e.g. a query's) does not carry the page of. */
    static GatewayTransaction pendingWithoutRedirect(long amountMinor) {
        return answered(GatewayOutcome.PENDING, "PENDING", "000.200.000", amountMinor, null);
    }

    static GatewayTransaction declined(long amountMinor) {
        return answered(GatewayOutcome.DECLINED, "REJECTED_BY_BANK", "800.100.151", amountMinor, null);
    }

    static GatewayTransaction failed(long amountMinor) {
        return answered(GatewayOutcome.FAILED, "SYSTEM_ERROR", "999.999.999", amountMinor, null);
    }

    /** No answer about a transaction: not sent, not received (FAILED, provably), or no usable answer (UNKNOWN). */
    static GatewayTransaction noAnswer(Evidence evidence, String reason) {
        GatewayOutcome outcome = evidence.neverReachedGateway() ? GatewayOutcome.FAILED : GatewayOutcome.UNKNOWN;
        return GatewayTransaction.builder(outcome, evidence, evidence.name())
                .merchantTransactionId("order-1")
                .failureReason(reason)
                .build();
    }
}

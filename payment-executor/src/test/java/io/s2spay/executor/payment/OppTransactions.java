package io.s2spay.executor.payment;

import io.s2spay.connector.opp.OppCardSummary;
import io.s2spay.connector.opp.OppOutcome;
import io.s2spay.connector.opp.OppRedirect;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.connector.opp.ResultCategory;
import java.time.Instant;
import java.util.List;

/** Connector answers of each kind, as unit tests need them. */
final class OppTransactions {

    static final String GATEWAY_ID = "8ac7a4a1000000000000000000000001";
    static final Instant TIMESTAMP = Instant.parse("2026-01-01T10:00:00.123456Z");

    private OppTransactions() {}

    static OppTransaction answered(
            OppOutcome outcome, ResultCategory category, String code, long amountMinor, OppRedirect redirect) {
        return new OppTransaction(
                outcome,
                category,
                GATEWAY_ID,
                "DB",
                code,
                "description of " + code,
                amountMinor,
                "EUR",
                "order-1",
                new OppCardSummary("420000", "0000", null, 12, 2030, "VISA"),
                redirect,
                null,
                TIMESTAMP,
                null);
    }

    static OppTransaction approved(long amountMinor) {
        return answered(OppOutcome.SUCCEEDED, ResultCategory.SUCCESSFUL, "000.100.110", amountMinor, null);
    }

    static OppTransaction redirect(long amountMinor) {
        return answered(
                OppOutcome.PENDING,
                ResultCategory.PENDING,
                "000.200.000",
                amountMinor,
                new OppRedirect(
                        "https://acs.example/3ds",
                        "POST",
                        List.of(new OppRedirect.Parameter("PaReq", "abc"), new OppRedirect.Parameter("MD", "x"))));
    }

    static OppTransaction pendingLongTerm(long amountMinor) {
        return answered(OppOutcome.PENDING, ResultCategory.PENDING_LONG_TERM, "800.400.500", amountMinor, null);
    }

    /** A redirect session the answer (e.g. a query's) does not carry the page of. */
    static OppTransaction pendingWithoutRedirect(long amountMinor) {
        return answered(OppOutcome.PENDING, ResultCategory.PENDING, "000.200.000", amountMinor, null);
    }

    static OppTransaction declined(long amountMinor) {
        return answered(OppOutcome.DECLINED, ResultCategory.REJECTED_BY_BANK, "800.100.151", amountMinor, null);
    }

    static OppTransaction failed(long amountMinor) {
        return answered(OppOutcome.FAILED, ResultCategory.SYSTEM_ERROR, "999.999.999", amountMinor, null);
    }

    static OppTransaction noAnswer(ResultCategory category, String reason) {
        OppOutcome outcome = category.neverReachedGateway() ? OppOutcome.FAILED : OppOutcome.UNKNOWN;
        return new OppTransaction(
                outcome, category, null, null, null, null, null, null, "order-1", null, null, null, null, reason);
    }
}

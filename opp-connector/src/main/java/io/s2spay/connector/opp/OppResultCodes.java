package io.s2spay.connector.opp;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies OPP result codes ({@code ddd.ddd.ddd}) into {@link ResultCategory} with OPP's published regular
 * expressions and says what each code means for the payment ({@link OppOutcome}).
 */
public final class OppResultCodes {

    private static final Pattern CODE_SHAPE = Pattern.compile("\\d{3}\\.\\d{3}\\.\\d{3}");

    /** The query endpoint's answer when it holds no transaction for the given id or merchantTransactionId. */
    public static final String TRANSACTION_NOT_FOUND = "700.400.580";

    /** Deleting a registration: unknown registration, or another merchant's. */
    static final String REGISTRATION_NOT_FOUND = "100.150.200";

    /** Deleting a registration: it was deleted before. */
    static final String REGISTRATION_DELETED_BEFORE = "100.150.202";

    /**
     * Codes whose outcome is more precise than their group's: within the communication-error group some codes
     * say the request was certainly not processed, and one system error says the same transaction is in
     * progress elsewhere (so its outcome is not known from this answer).
     */
    private static final Map<String, OppOutcome> OUTCOME_OVERRIDES = Map.of(
            "900.100.301", OppOutcome.FAILED, // timed out without response from acquirer; it was reversed
            "900.100.310", OppOutcome.FAILED, // request to the acquirer has not been sent
            "900.100.600", OppOutcome.FAILED, // connector/acquirer currently down
            "900.300.600", OppOutcome.DECLINED, // user session timeout
            "800.600.100", OppOutcome.UNKNOWN); // transaction is being already processed

    /**
     * Refusals that may mean "a transaction with this merchantTransactionId already exists" (OPP's duplicate checks,
     * reported in the risk-validation group), after which the existing transaction holds the outcome.
     */
    private static final Set<String> POSSIBLE_DUPLICATE_REFUSALS = Set.of("800.110.100", "800.130.100");

    /**
     * Codes of an asynchronous session that timed out because the shopper never completed it (a bank redirect, a
     * 3-D Secure challenge): for a payment waiting on its redirect that is an expiry, not a decline.
     */
    private static final Set<String> SESSION_TIMEOUTS = Set.of("100.396.103", "100.380.501", "100.395.501");

    private OppResultCodes() {}

    /** True for a code that says the shopper never completed the redirect session. */
    public static boolean isSessionTimeout(String code) {
        return code != null && SESSION_TIMEOUTS.contains(code);
    }

    /** True for a refusal that may only mean that another transaction with the same merchantTransactionId exists. */
    public static boolean isPossibleDuplicateRefusal(String code) {
        return code != null && POSSIBLE_DUPLICATE_REFUSALS.contains(code);
    }

    /** The documented group of {@code code}; {@link ResultCategory#UNCLASSIFIED} for null, malformed or unknown codes. */
    public static ResultCategory classify(String code) {
        if (code == null || !CODE_SHAPE.matcher(code).matches()) {
            return ResultCategory.UNCLASSIFIED;
        }
        for (ResultCategory category : ResultCategory.values()) {
            if (category.isResultCodeGroup() && category.pattern().matcher(code).lookingAt()) {
                return category;
            }
        }
        return ResultCategory.UNCLASSIFIED;
    }

    /**
     * What {@code code} means for the transaction it was returned for. A well-formed code outside every documented
     * group is a refusal when it does not start with {@code 000.} (only the 000 family holds successful and pending
     * codes), and UNKNOWN otherwise: an outcome is never guessed towards success.
     */
    public static OppOutcome outcomeOf(String code) {
        OppOutcome override = code == null ? null : OUTCOME_OVERRIDES.get(code);
        if (override != null) {
            return override;
        }
        ResultCategory category = classify(code);
        if (category == ResultCategory.UNCLASSIFIED
                && code != null
                && CODE_SHAPE.matcher(code).matches()
                && !code.startsWith("000.")) {
            return OppOutcome.DECLINED;
        }
        return category.outcome();
    }

    /** True when OPP says the transaction succeeded (including manual review and recorded chargebacks). */
    public static boolean isSuccessful(String code) {
        return outcomeOf(code) == OppOutcome.SUCCEEDED;
    }
}

package io.s2spay.connector.opp;

import java.util.regex.Pattern;

/**
 * The groups OPP documents for its result codes, each with OPP's published regular expression, plus the few
 * categories the connector itself assigns when no result code could be read (timeout, lost response, 5xx...).
 *
 * <p>The code groups are tried in the order OPP lists them; the published expressions do not overlap.
 */
public enum ResultCategory {
    /** Successfully processed transactions. */
    SUCCESSFUL("^(000\\.000\\.|000\\.100\\.1|000\\.[36]|000\\.400\\.[1][12]0)", OppOutcome.SUCCEEDED),
    /** Successfully processed transactions that should be manually reviewed. */
    SUCCESSFUL_MANUAL_REVIEW("^(000\\.400\\.0[^3]|000\\.400\\.100)", OppOutcome.SUCCEEDED),
    /** Pending: an open session (redirect) that changes status within about half an hour, at the latest to a timeout. */
    PENDING("^(000\\.200)", OppOutcome.PENDING),
    /** Pending long-term: the status may still change after several days (non-instant payments, external risk). */
    PENDING_LONG_TERM("^(800\\.400\\.5|100\\.400\\.500)", OppOutcome.PENDING),
    /** Rejections due to 3-D Secure and Intercard risk checks. */
    REJECTED_3DS_AND_INTERCARD_RISK("^(000\\.400\\.[1][0-9][1-9]|000\\.400\\.2)", OppOutcome.DECLINED),
    /** Rejections by the external bank or similar payment system. */
    REJECTED_BY_BANK("^(800\\.[17]00|800\\.800\\.[123])", OppOutcome.DECLINED),
    /** Rejections due to communication errors; most of them mean the result is uncertain. */
    COMMUNICATION_ERROR("^(900\\.[1234]00|000\\.400\\.030)", OppOutcome.UNKNOWN),
    /** Rejections due to system errors. */
    SYSTEM_ERROR("^(800\\.[56]|999\\.|600\\.1|800\\.800\\.[84])", OppOutcome.FAILED),
    /** Rejections due to errors in the asynchronous workflow (cancelled or timed-out redirects). */
    ASYNC_WORKFLOW_ERROR("^(100\\.39[765])", OppOutcome.DECLINED),
    /** Soft declines: the issuer asks for strong customer authentication; retry with 3-D Secure. */
    SOFT_DECLINE("^(300\\.100\\.100)", OppOutcome.DECLINED),
    /** Rejections due to checks by external risk systems. */
    REJECTED_EXTERNAL_RISK(
            "^(100\\.400\\.[0-3]|100\\.380\\.100|100\\.380\\.11|100\\.380\\.4|100\\.380\\.5)", OppOutcome.DECLINED),
    /** Rejections due to address validation by the risk system. */
    REJECTED_ADDRESS_VALIDATION("^(800\\.400\\.1)", OppOutcome.DECLINED),
    /** Rejections due to 3-D Secure. */
    REJECTED_3DS("^(800\\.400\\.2|100\\.390)", OppOutcome.DECLINED),
    /** Rejections due to blacklist validation. */
    REJECTED_BLACKLIST("^(800\\.[32])", OppOutcome.DECLINED),
    /** Rejections due to risk validation (limits, velocity). */
    REJECTED_RISK_VALIDATION("^(800\\.1[123456]0)", OppOutcome.DECLINED),
    /** Validation: the merchant's channel or payment-method configuration. */
    INVALID_CONFIGURATION("^(600\\.[23]|500\\.[12]|800\\.121)", OppOutcome.FAILED),
    /** Validation: registrations (stored payment data). */
    INVALID_REGISTRATION("^(100\\.[13]50)", OppOutcome.FAILED),
    /** Validation: scheduled jobs. */
    INVALID_JOB("^(100\\.250|100\\.360)", OppOutcome.FAILED),
    /** Validation: the referenced transaction (back-office rules such as capture above the authorized amount). */
    INVALID_REFERENCE("^(700\\.[1345][05]0)", OppOutcome.FAILED),
    /** Validation: request format (missing or malformed parameters, authentication). */
    INVALID_FORMAT("^(200\\.[123]|100\\.[53][07]|800\\.900|100\\.[69]00\\.500)", OppOutcome.FAILED),
    /** Validation: address data. */
    INVALID_ADDRESS("^(100\\.800)", OppOutcome.FAILED),
    /** Validation: contact data. */
    INVALID_CONTACT("^(100\\.700|100\\.900\\.[123467890][00-99])", OppOutcome.FAILED),
    /** Validation: the card or bank account (invalid number, expired card...): the shopper's instrument is refused. */
    INVALID_ACCOUNT("^(100\\.100|100.2[01])", OppOutcome.DECLINED),
    /** Validation: amount and currency. */
    INVALID_AMOUNT("^(100\\.55)", OppOutcome.FAILED),
    /** Validation: the risk-management part of the request. */
    INVALID_RISK_MANAGEMENT("^(100\\.380\\.[23]|100\\.380\\.101)", OppOutcome.FAILED),
    /** Chargeback-related codes: the chargeback is recorded with its reason. */
    CHARGEBACK("^(000\\.100\\.2)", OppOutcome.SUCCEEDED),

    /**
     * A result code no published expression matches: a refusal unless it is in the 000 family (see
     * {@link OppResultCodes#outcomeOf(String)}), UNKNOWN for a missing or malformed code.
     */
    UNCLASSIFIED(null, OppOutcome.UNKNOWN),
    /** No answer: timeout, connection reset, or the response was lost after the request was sent. */
    NO_RESPONSE(null, OppOutcome.UNKNOWN),
    /** The gateway answered with an HTTP 5xx status. */
    GATEWAY_HTTP_ERROR(null, OppOutcome.UNKNOWN),
    /** The gateway answered, but not with an OPP result the connector could read. */
    UNREADABLE_RESPONSE(null, OppOutcome.UNKNOWN),
    /** The status endpoint refused the request: more than two status checks per minute for this transaction. */
    RATE_LIMITED(null, OppOutcome.UNKNOWN),
    /** The connector did not send the request (circuit breaker open, connection refused): nothing reached the gateway. */
    NOT_SENT(null, OppOutcome.FAILED),
    /** The query endpoint knows no transaction with this merchantTransactionId: the gateway never received it. */
    NOT_RECEIVED(null, OppOutcome.FAILED);

    private final Pattern pattern;
    private final OppOutcome outcome;

    ResultCategory(String regex, OppOutcome outcome) {
        this.pattern = regex == null ? null : Pattern.compile(regex);
        this.outcome = outcome;
    }

    /** OPP's published regular expression for this group, or null for the connector's own categories. */
    public Pattern pattern() {
        return pattern;
    }

    /** The outcome a code of this group means, unless {@link OppResultCodes} knows a more precise one for the code. */
    public OppOutcome outcome() {
        return outcome;
    }

    /** True for the categories OPP publishes (those with a regular expression). */
    public boolean isResultCodeGroup() {
        return pattern != null;
    }

    /**
     * True when the gateway provably did not process the request, so it may be sent again with the same
     * merchantTransactionId.
     */
    public boolean neverReachedGateway() {
        return this == NOT_SENT || this == NOT_RECEIVED;
    }
}

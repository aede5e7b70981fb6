package io.s2spay.connector.opp;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What one HTTP exchange with OPP produced, an answer or why there is none, and how each kind of request reads it:
 * a submission, a status request about one transaction, the query by merchantTransactionId.
 */
record OppExchange(int status, String body, ResultCategory failure, String reason) {

    /** Under the client's name, where operators look for the gateway's traffic. */
    private static final Logger log = LoggerFactory.getLogger(OppGatewayClient.class);

    static OppExchange answered(int status, String body) {
        return new OppExchange(status, body, null, null);
    }

    static OppExchange notSent(String reason) {
        return new OppExchange(0, null, ResultCategory.NOT_SENT, reason);
    }

    static OppExchange noAnswer(String reason) {
        return new OppExchange(0, null, ResultCategory.NO_RESPONSE, reason);
    }

    /** For requests that create a transaction: NOT_SENT is safe to resend, everything without an answer is UNKNOWN. */
    OppTransaction toSubmissionResult(String merchantTransactionId) {
        if (failure == ResultCategory.NOT_SENT) {
            return OppTransaction.notSent(merchantTransactionId, reason);
        }
        if (failure != null) {
            return OppTransaction.unknown(failure, merchantTransactionId, reason);
        }
        if (status >= 500) {
            return OppTransaction.unknown(
                    ResultCategory.GATEWAY_HTTP_ERROR, merchantTransactionId, "HTTP " + status + " from the gateway");
        }
        if (status == 429) {
            return OppTransaction.unknown(ResultCategory.RATE_LIMITED, merchantTransactionId, "HTTP 429");
        }
        JsonNode document = OppResponses.parse(body);
        if (document == null || OppResponses.resultCode(document) == null) {
            return OppTransaction.unknown(
                    ResultCategory.UNREADABLE_RESPONSE,
                    merchantTransactionId,
                    "HTTP " + status + " without an OPP result");
        }
        return OppResponses.transaction(document, merchantTransactionId);
    }

    /**
     * For status requests about one transaction: an answer that is not about the transaction (refused request,
     * unknown id, rate limit) tells nothing about the payment, so it is UNKNOWN with the reason.
     */
    OppTransaction toStatusResult(String paymentId) {
        if (failure != null) {
            return OppTransaction.unknown(ResultCategory.NO_RESPONSE, null, reason);
        }
        if (status == 429) {
            JsonNode document = OppResponses.parse(body);
            return OppTransaction.unknown(
                    ResultCategory.RATE_LIMITED,
                    null,
                    "HTTP 429: status of " + paymentId
                            + " asked too often (OPP allows two status requests per minute per transaction)"
                            + (document == null
                                    ? ""
                                    : "; " + OppResponses.resultCode(document) + " "
                                            + OppResponses.resultDescription(document)));
        }
        if (status >= 500) {
            return OppTransaction.unknown(
                    ResultCategory.GATEWAY_HTTP_ERROR, null, "HTTP " + status + " from the gateway");
        }
        JsonNode document = OppResponses.parse(body);
        if (document == null || OppResponses.resultCode(document) == null) {
            return OppTransaction.unknown(
                    ResultCategory.UNREADABLE_RESPONSE, null, "HTTP " + status + " without an OPP result");
        }
        if (status >= 400 || !OppResponses.isTransaction(document)) {
            String code = OppResponses.resultCode(document);
            return new OppTransaction(
                    OppOutcome.UNKNOWN,
                    OppResultCodes.classify(code),
                    null,
                    null,
                    code,
                    OppResponses.resultDescription(document),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "HTTP " + status + ": the status request for " + paymentId + " was refused");
        }
        return OppResponses.transaction(document, null);
    }

    /** For the query by merchantTransactionId: what the gateway holds under the id, or why it could not be asked. */
    OppQueryAnswer toQueryAnswer(String merchantTransactionId) {
        if (failure != null) {
            return unanswered(OppTransaction.unknown(ResultCategory.NO_RESPONSE, merchantTransactionId, reason));
        }
        if (status == 429 || status >= 500) {
            return unanswered(OppTransaction.unknown(
                    status == 429 ? ResultCategory.RATE_LIMITED : ResultCategory.GATEWAY_HTTP_ERROR,
                    merchantTransactionId,
                    "HTTP " + status + " from the gateway"));
        }
        JsonNode document = OppResponses.parse(body);
        if (document == null || OppResponses.resultCode(document) == null) {
            return unanswered(OppTransaction.unknown(
                    ResultCategory.UNREADABLE_RESPONSE,
                    merchantTransactionId,
                    "HTTP " + status + " without an OPP result"));
        }
        String code = OppResponses.resultCode(document);
        String description = OppResponses.resultDescription(document);
        List<OppTransaction> held = OppResponses.transactions(document, merchantTransactionId).stream()
                .filter(t -> merchantTransactionId.equals(t.merchantTransactionId()))
                .toList();
        boolean answered = !held.isEmpty()
                || OppResultCodes.TRANSACTION_NOT_FOUND.equals(code)
                || (status == 200
                        && OppResultCodes.isSuccessful(code)
                        && document.path("payments").isArray());
        if (!answered) {
            return unanswered(new OppTransaction(
                    OppOutcome.UNKNOWN,
                    OppResultCodes.classify(code),
                    null,
                    null,
                    code,
                    description,
                    null,
                    null,
                    merchantTransactionId,
                    null,
                    null,
                    null,
                    null,
                    "HTTP " + status + ": the query was refused"));
        }
        return new OppQueryAnswer(held, null, code, description);
    }

    private static OppQueryAnswer unanswered(OppTransaction transaction) {
        return new OppQueryAnswer(List.of(), transaction, null, null);
    }

    void log(String description, long millis) {
        if (failure != null) {
            log.warn("OPP {} -> no answer after {} ms: {} ({})", description, millis, failure, reason);
        } else {
            JsonNode document = status >= 500 ? null : OppResponses.parse(body);
            String code = document == null ? null : OppResponses.resultCode(document);
            if (status >= 500) {
                log.warn("OPP {} -> HTTP {} after {} ms", description, status, millis);
            } else {
                log.info(
                        "OPP {} -> HTTP {} {} {} in {} ms",
                        description,
                        status,
                        code,
                        document == null ? "" : OppResponses.resultDescription(document),
                        millis);
            }
        }
    }
}

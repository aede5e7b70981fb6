package io.s2spay.connector.opp;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.CardEcho;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayRedirect;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.ResultClassification;

/** OPP's answers in s2spay's words: the one translation from {@link OppTransaction} to {@link GatewayTransaction}. */
final class OppAnswers {

    private OppAnswers() {}

    static GatewayTransaction toPort(OppTransaction t) {
        OppCardSummary card = t.card();
        OppRedirect redirect = t.redirect();
        return GatewayTransaction.builder(
                        outcome(t.outcome()),
                        evidence(t.category()),
                        t.category().name())
                .longTermPending(t.category() == ResultCategory.PENDING_LONG_TERM)
                .sessionExpired(t.outcome() == OppOutcome.DECLINED && OppResultCodes.isSessionTimeout(t.resultCode()))
                .gatewayTransactionId(t.gatewayTransactionId())
                .type(t.type() == null ? null : TransactionType.valueOf(t.type().name()))
                .result(t.resultCode(), t.resultDescription())
                .amount(t.amountMinor(), t.currency())
                .merchantTransactionId(t.merchantTransactionId())
                .card(
                        card == null
                                ? null
                                : new CardEcho(
                                        card.bin(),
                                        card.last4Digits(),
                                        card.holder(),
                                        card.expiryMonth(),
                                        card.expiryYear(),
                                        card.brand()))
                .redirect(
                        redirect == null
                                ? null
                                : new GatewayRedirect(
                                        redirect.url(),
                                        redirect.method(),
                                        redirect.parameters().stream()
                                                .map(p -> new GatewayRedirect.Parameter(p.name(), p.value()))
                                                .toList()))
                .storedCardId(t.registrationId())
                .timestamp(t.timestamp())
                .failureReason(t.failureReason())
                .paymentBrand(t.paymentBrand())
                .referencedId(t.referencedId())
                .initialTransactionId(t.initialTransactionId())
                .build();
    }

    /**
     * The query endpoint's answer to a look-up by id, where "no such transaction" ({@code 700.400.580} without a
     * transaction) says the gateway holds none.
     */
    static GatewayTransaction lookedUp(OppTransaction t) {
        GatewayTransaction answer = toPort(t);
        if (t.gatewayTransactionId() == null && OppResultCodes.TRANSACTION_NOT_FOUND.equals(t.resultCode())) {
            return rebuilt(answer, answer.outcome(), Evidence.NOT_RECEIVED);
        }
        return answer;
    }

    /**
     * The answer to deleting a registration: {@code 100.150.202} (deregistered before) is what was asked, a success;
     * {@code 100.150.200} (unknown registration, or another merchant's) says the gateway holds none.
     */
    static GatewayTransaction deletion(OppTransaction t) {
        GatewayTransaction answer = toPort(t);
        if (OppResultCodes.REGISTRATION_DELETED_BEFORE.equals(t.resultCode())) {
            return rebuilt(answer, GatewayOutcome.SUCCEEDED, Evidence.ANSWER);
        }
        if (OppResultCodes.REGISTRATION_NOT_FOUND.equals(t.resultCode())) {
            return rebuilt(answer, GatewayOutcome.FAILED, Evidence.NOT_RECEIVED);
        }
        return answer;
    }

    private static GatewayTransaction rebuilt(GatewayTransaction t, GatewayOutcome outcome, Evidence evidence) {
        return GatewayTransaction.builder(outcome, evidence, t.category())
                .gatewayTransactionId(t.gatewayTransactionId())
                .result(t.resultCode(), t.resultDescription())
                .storedCardId(t.storedCardId())
                .timestamp(t.timestamp())
                .failureReason(t.failureReason())
                .build();
    }

    static ResultClassification classify(String resultCode) {
        ResultCategory category = OppResultCodes.classify(resultCode);
        return new ResultClassification(
                outcome(OppResultCodes.outcomeOf(resultCode)),
                category.name(),
                category == ResultCategory.PENDING_LONG_TERM);
    }

    static OppPaymentType type(TransactionType type) {
        return type == null ? null : OppPaymentType.valueOf(type.name());
    }

    private static GatewayOutcome outcome(OppOutcome outcome) {
        return GatewayOutcome.valueOf(outcome.name());
    }

    private static Evidence evidence(ResultCategory category) {
        return switch (category) {
            case NOT_SENT -> Evidence.NOT_SENT;
            case NOT_RECEIVED -> Evidence.NOT_RECEIVED;
            case NO_RESPONSE, GATEWAY_HTTP_ERROR, UNREADABLE_RESPONSE, RATE_LIMITED -> Evidence.NO_ANSWER;
            default -> Evidence.ANSWER;
        };
    }
}

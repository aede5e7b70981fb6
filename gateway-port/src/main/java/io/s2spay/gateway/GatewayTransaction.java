package io.s2spay.gateway;

import io.s2spay.domain.lifecycle.TransactionType;
import java.time.Instant;

/**
 * One transaction as a gateway adapter understood it, in s2spay's words: the gateway's answer (id, result code,
 * amount, card echo, redirect, stored card) with its {@link GatewayOutcome} and the {@link Evidence} it rests on, or,
 * when no answer could be read, an UNKNOWN/FAILED outcome saying why in {@code failureReason}.
 *
 * @param category             the adapter's name for the answer's class (e.g. OPP's {@code REJECTED_BY_BANK},
 *                             {@code NO_RESPONSE}): recorded and shown, never switched on by a service
 * @param longTermPending      a pending answer whose status may still change after days (a non-instant transfer
 *                             waiting for the bank's receipt, an external risk check)
 * @param sessionExpired       a refusal that means the shopper never completed the redirect (3-D Secure, bank page)
 * @param gatewayTransactionId the gateway's id; null when its answer was not received
 * @param type                 the transaction's type; null for a type s2spay does not know
 * @param amountMinor          the amount in minor units of {@code currency}, when the gateway returned one
 * @param storedCardId         the stored card's id when the payment created or used one
 * @param failureReason        when the adapter classified the answer itself (timeout, HTTP 503, circuit open, not
 *                             found...): a short reason for operators; null when the gateway answered
 * @param paymentBrand         the brand the gateway names (VISA, MASTER, SOFORTUEBERWEISUNG...)
 * @param referencedId         for an operation, the gateway's id of the transaction it refers to
 * @param initialTransactionId for the INITIAL payment of a series, the id later merchant-initiated payments reference
 */
public record GatewayTransaction(
        GatewayOutcome outcome,
        Evidence evidence,
        String category,
        boolean longTermPending,
        boolean sessionExpired,
        String gatewayTransactionId,
        TransactionType type,
        String resultCode,
        String resultDescription,
        Long amountMinor,
        String currency,
        String merchantTransactionId,
        CardEcho card,
        GatewayRedirect redirect,
        String storedCardId,
        Instant timestamp,
        String failureReason,
        String paymentBrand,
        String referencedId,
        String initialTransactionId) {

    public GatewayTransaction {
        if (outcome == null || evidence == null || category == null || category.isBlank()) {
            throw new IllegalArgumentException("outcome, evidence and category are required");
        }
    }

    /** A transaction to build, from its outcome, its evidence and its category. */
    public static Builder builder(GatewayOutcome outcome, Evidence evidence, String category) {
        return new Builder(outcome, evidence, category);
    }

    /** A copy of this transaction to change. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * This attempt's outcome taken back to UNKNOWN with only its reference, type and time kept (and the gateway's id
     * and amount when {@code keepIdentity}), saying why in {@code reason}: for an answer a service must not believe
     * yet.
     */
    public GatewayTransaction uncertain(String category, String reason, boolean keepIdentity) {
        Builder b = builder(GatewayOutcome.UNKNOWN, Evidence.NO_ANSWER, category)
                .type(type)
                .merchantTransactionId(merchantTransactionId)
                .timestamp(timestamp)
                .failureReason(reason);
        if (keepIdentity) {
            b.gatewayTransactionId(gatewayTransactionId).amount(amountMinor, currency);
        }
        return b.build();
    }

    /** True when the shopper must be redirected to complete the payment. */
    public boolean requiresRedirect() {
        return outcome == GatewayOutcome.PENDING && redirect != null;
    }

    /**
     * True for a long-term pending answer about a real transaction: the shopper approved a non-instant transfer and
     * the money comes with the bank's receipt.
     */
    public boolean awaitingReceipt() {
        return outcome == GatewayOutcome.PENDING && longTermPending && hasResultCode() && gatewayTransactionId != null;
    }

    /**
     * True when the gateway provably never processed this request, so it may be sent again with the same
     * merchantTransactionId without risk of a second charge.
     */
    public boolean safeToResend() {
        return evidence.neverReachedGateway();
    }

    /** True when the gateway gave a result code. */
    public boolean hasResultCode() {
        return resultCode != null && !resultCode.isBlank();
    }

    /** The type's name for logs and metrics ("?" for a type s2spay does not know). */
    public String typeName() {
        return type == null ? "?" : type.name();
    }

    /** The result code and description, or the adapter's reason when the gateway gave none. */
    public String summary() {
        if (hasResultCode()) {
            return resultCode + (resultDescription == null ? "" : " " + resultDescription);
        }
        return failureReason != null ? failureReason : category;
    }

    /** Builds a {@link GatewayTransaction}; every part but outcome, evidence and category may be left out. */
    public static final class Builder {
        private final GatewayOutcome outcome;
        private final Evidence evidence;
        private final String category;
        private boolean longTermPending;
        private boolean sessionExpired;
        private String gatewayTransactionId;
        private TransactionType type;
        private String resultCode;
        private String resultDescription;
        private Long amountMinor;
        private String currency;
        private String merchantTransactionId;
        private CardEcho card;
        private GatewayRedirect redirect;
        private String storedCardId;
        private Instant timestamp;
        private String failureReason;
        private String paymentBrand;
        private String referencedId;
        private String initialTransactionId;

        private Builder(GatewayOutcome outcome, Evidence evidence, String category) {
            this.outcome = outcome;
            this.evidence = evidence;
            this.category = category;
        }

        private Builder(GatewayTransaction t) {
            this(t.outcome, t.evidence, t.category);
            longTermPending = t.longTermPending;
            sessionExpired = t.sessionExpired;
            gatewayTransactionId = t.gatewayTransactionId;
            type = t.type;
            resultCode = t.resultCode;
            resultDescription = t.resultDescription;
            amountMinor = t.amountMinor;
            currency = t.currency;
            merchantTransactionId = t.merchantTransactionId;
            card = t.card;
            redirect = t.redirect;
            storedCardId = t.storedCardId;
            timestamp = t.timestamp;
            failureReason = t.failureReason;
            paymentBrand = t.paymentBrand;
            referencedId = t.referencedId;
            initialTransactionId = t.initialTransactionId;
        }

        public Builder longTermPending(boolean value) {
            this.longTermPending = value;
            return this;
        }

        public Builder sessionExpired(boolean value) {
            this.sessionExpired = value;
            return this;
        }

        public Builder gatewayTransactionId(String value) {
            this.gatewayTransactionId = value;
            return this;
        }

        public Builder type(TransactionType value) {
            this.type = value;
            return this;
        }

        public Builder result(String code, String description) {
            this.resultCode = code;
            this.resultDescription = description;
            return this;
        }

        public Builder amount(Long minor, String currency) {
            this.amountMinor = minor;
            this.currency = currency;
            return this;
        }

        public Builder merchantTransactionId(String value) {
            this.merchantTransactionId = value;
            return this;
        }

        public Builder card(CardEcho value) {
            this.card = value;
            return this;
        }

        public Builder redirect(GatewayRedirect value) {
            this.redirect = value;
            return this;
        }

        public Builder storedCardId(String value) {
            this.storedCardId = value;
            return this;
        }

        public Builder timestamp(Instant value) {
            this.timestamp = value;
            return this;
        }

        public Builder failureReason(String value) {
            this.failureReason = value;
            return this;
        }

        public Builder paymentBrand(String value) {
            this.paymentBrand = value;
            return this;
        }

        public Builder referencedId(String value) {
            this.referencedId = value;
            return this;
        }

        public Builder initialTransactionId(String value) {
            this.initialTransactionId = value;
            return this;
        }

        public GatewayTransaction build() {
            return new GatewayTransaction(
                    outcome,
                    evidence,
                    category,
                    longTermPending,
                    sessionExpired,
                    gatewayTransactionId,
                    type,
                    resultCode,
                    resultDescription,
                    amountMinor,
                    currency,
                    merchantTransactionId,
                    card,
                    redirect,
                    storedCardId,
                    timestamp,
                    failureReason,
                    paymentBrand,
                    referencedId,
                    initialTransactionId);
        }
    }
}

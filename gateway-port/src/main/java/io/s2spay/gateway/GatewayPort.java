package io.s2spay.gateway;

import io.s2spay.domain.lifecycle.TransactionType;

/**
 * What s2spay asks of a payment gateway, in its own words; each gateway family (OPP, ...) is an adapter behind it.
 *
 * <p>Every method is thread-safe and blocking (callers run it on virtual threads), and none throws for a gateway's
 * answer or a transport failure: each returns a {@link GatewayTransaction} whose {@link GatewayOutcome} keeps
 * DECLINED and FAILED (final) apart from UNKNOWN, and whose {@link Evidence} says whether the gateway can have
 * processed the request. Each keeps the deadline {@link #deadlines()} states. A merchant without an account at this
 * gateway is refused with {@link UnknownGatewayAccountException} before anything is sent.
 */
public interface GatewayPort {

    /** The gateway family's name, for logs, metrics and the events ("opp"). */
    String name();

    /** True when this gateway has an account for {@code merchantId}. */
    boolean hasAccount(String merchantId);

    /** What this gateway family can do: its transactions, brands, stored cards and 3-D Secure. */
    GatewayCapabilities capabilities();

    /** The deadlines this adapter keeps with its settings. */
    GatewayDeadlines deadlines();

    /**
     * Sends an initial payment (PA or DB) at most once: when its outcome is UNKNOWN it is resolved through the
     * gateway's look-up before anything is sent again, and it is sent again, with the same merchantTransactionId,
     * only when the gateway provably never received it. UNKNOWN only when the gateway stayed unreachable or
     * uncertain through every look-up.
     */
    GatewayTransaction submitInitial(String merchantId, InitialPaymentRequest request);

    /** Sends an operation on an existing payment (CP RV RF RB CB CR RC) with the guarantees of {@link #submitInitial}. */
    GatewayTransaction submitFollowUp(String merchantId, FollowUpRequest request);

    /**
     * The real outcome of a transaction of {@code type} sent with {@code merchantTransactionId}, asked with the
     * adapter's bounded retries while it stays UNKNOWN; sends nothing. {@link Evidence#NOT_RECEIVED} when the
     * gateway holds no such transaction. With {@code type} null every type is considered, the initial payment
     * preferred.
     */
    GatewayTransaction resolve(String merchantId, String merchantTransactionId, TransactionType type);

    /** Like {@link #resolve}, asked once. */
    GatewayTransaction find(String merchantId, String merchantTransactionId, TransactionType type);

    /**
     * The transaction with the gateway's id {@code gatewayTransactionId}, asked once; {@link Evidence#NOT_RECEIVED}
     * when the gateway holds none. Throws {@link IllegalArgumentException} for an id no transaction of this gateway
     * can have (checked before anything is sent).
     */
    GatewayTransaction lookUp(String merchantId, String gatewayTransactionId);

    /**
     * Deletes a stored card. SUCCEEDED when the gateway deleted it or had deleted it before (what was asked holds);
     * {@link Evidence#NOT_RECEIVED} when the gateway holds no such stored card for this merchant; UNKNOWN or
     * {@link Evidence#NOT_SENT} when nothing is known (deleting is idempotent: it may be asked again); any other
     * outcome is the gateway's refusal.
     */
    GatewayTransaction deleteStoredCard(String merchantId, String storedCardId);

    /**
     * Authenticates and decodes a webhook for {@code merchantId}'s account.
     *
     * @throws InvalidNotificationException   when it is not authentic or cannot be read
     * @throws UnknownGatewayAccountException when the merchant has no account at this gateway
     */
    GatewayNotification decodeNotification(String merchantId, NotificationMessage message);

    /** What a result code of this gateway means (for a transaction reported without the gateway's answer). */
    ResultClassification classify(String resultCode);
}

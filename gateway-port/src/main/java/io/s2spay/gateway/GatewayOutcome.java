package io.s2spay.gateway;

/**
 * What a transaction attempt amounts to, whatever the gateway: final (succeeded, declined, failed), still in progress
 * (pending), or not known (unknown: the request may or may not have been processed, so it must be resolved through
 * the gateway's look-up before anything is sent again).
 */
public enum GatewayOutcome {
    /** Processed successfully (includes "successful, review manually" and recorded chargebacks). */
    SUCCEEDED,
    /** Accepted but not final yet: a redirect (3-D Secure, bank page) or a bank receipt is awaited. */
    PENDING,
    /** Final: the shopper's bank, a risk or 3-D Secure check, or the card/account data refused it. */
    DECLINED,
    /** Final: not processed because of the request, the merchant's configuration or a gateway system error. */
    FAILED,
    /** Not known whether the gateway processed it (timeout, reset, lost response, 5xx, an uncertain result). */
    UNKNOWN;

    /** True for outcomes that will not change any more through this attempt. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == DECLINED || this == FAILED;
    }
}

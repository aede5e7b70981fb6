package io.s2spay.gateway;

/** The shape every gateway family of the seeds accepts for s2spay's own reference of a transaction. */
final class GatewayReferences {

    private GatewayReferences() {}

    static void requireMerchantTransactionId(String merchantTransactionId) {
        if (merchantTransactionId == null || merchantTransactionId.isBlank() || merchantTransactionId.length() > 255) {
            throw new IllegalArgumentException("merchantTransactionId is required (1..255 characters)");
        }
    }
}

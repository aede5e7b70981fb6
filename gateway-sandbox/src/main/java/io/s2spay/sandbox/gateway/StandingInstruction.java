package io.s2spay.sandbox.gateway;

/** A standing instruction as sent by the merchant; for a successful INITIAL one it carries the network's transaction id. */
public record StandingInstruction(String mode, String type, String source, String initialTransactionId) {

    public boolean isInitial() {
        return "INITIAL".equals(mode);
    }

    public boolean isMerchantInitiated() {
        return "MIT".equals(source);
    }

    public StandingInstruction withInitialTransactionId(String id) {
        return new StandingInstruction(mode, type, source, id);
    }
}

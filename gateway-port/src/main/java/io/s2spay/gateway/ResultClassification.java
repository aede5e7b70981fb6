package io.s2spay.gateway;

/**
 * What a gateway's result code means: its outcome and the adapter's name for its class (e.g. OPP's
 * {@code REJECTED_BY_BANK}).
 */
public record ResultClassification(GatewayOutcome outcome, String category, boolean longTermPending) {

    public ResultClassification {
        if (outcome == null || category == null || category.isBlank()) {
            throw new IllegalArgumentException("outcome and category are required");
        }
    }
}

package io.s2spay.sandbox;

import java.util.List;

/**
 * The test credentials of one sandbox merchant, for tests and local runs: the Bearer access token, the entity ids
 * it may use (the first is the default) and the 64-hex secret its webhook notifications are encrypted with.
 */
public record SandboxMerchant(String name, String accessToken, List<String> entityIds, String notificationSecret) {

    public String entityId() {
        return entityIds.get(0);
    }
}

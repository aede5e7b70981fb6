package io.s2spay.sandbox.gateway;

import io.s2spay.sandbox.SandboxProperties;

/** A configured merchant, by name, as the access token identified it. */
public record MerchantAccount(String name, SandboxProperties.Merchant config) {

    /** The code a successful transaction of this merchant gets: test mode answers {@code 000.100.110}. */
    public String successCode() {
        return config.testMode() ? GatewayResultCodes.SUCCESS_TEST_MODE : GatewayResultCodes.SUCCESS;
    }

    public boolean owns(String entityId) {
        return config.owns(entityId);
    }
}

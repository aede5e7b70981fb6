package io.s2spay.sandbox.api;

import io.s2spay.sandbox.SandboxProperties;
import io.s2spay.sandbox.gateway.GatewayResultCodes;
import io.s2spay.sandbox.gateway.MerchantAccount;
import io.s2spay.sandbox.gateway.OppRejection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Checks the Bearer access token (401) and that it may use the requested entity (403), as OPP does. */
@Component
class OppAuthenticator {

    private static final String BEARER = "Bearer ";

    private final SandboxProperties properties;

    OppAuthenticator(SandboxProperties properties) {
        this.properties = properties;
    }

    MerchantAccount merchant(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new OppRejection(401, GatewayResultCodes.INVALID_AUTHENTICATION);
        }
        String token = authorization.substring(BEARER.length()).trim();
        Map.Entry<String, SandboxProperties.Merchant> merchant = properties
                .merchantByToken(token)
                .orElseThrow(() -> new OppRejection(401, GatewayResultCodes.INVALID_AUTHENTICATION));
        return new MerchantAccount(merchant.getKey(), merchant.getValue());
    }

    void checkEntity(MerchantAccount merchant, String entityId) {
        if (entityId == null || entityId.isEmpty()) {
            throw OppRejection.invalidParameter("entityId", null, "may not be empty");
        }
        if (!merchant.owns(entityId)) {
            throw new OppRejection(403, GatewayResultCodes.INSUFFICIENT_RIGHTS);
        }
    }
}

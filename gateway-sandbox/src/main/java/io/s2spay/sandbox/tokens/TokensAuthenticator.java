package io.s2spay.sandbox.tokens;

import org.springframework.stereotype.Component;

/**
 * Who calls the tokens API: {@code Authorization: Bearer <key>}. A missing or unknown key is 401; the publishable key
 * may only create tokens, so anywhere else it is 403.
 */
@Component
class TokensAuthenticator {

    private final TokensSandboxProperties properties;

    TokensAuthenticator(TokensSandboxProperties properties) {
        this.properties = properties;
    }

    /** The account of any of its keys (token creation). */
    String anyKey(String authorization) {
        return owner(authorization).account();
    }

    /** The account of its secret key (everything but token creation). */
    String secretKey(String authorization) {
        TokensSandboxProperties.KeyOwner owner = owner(authorization);
        if (!owner.secret()) {
            throw TokensApiException.forbidden(
                    "The publishable key can only create tokens: use the secret key (sk_test_...) for this request.");
        }
        return owner.account();
    }

    private TokensSandboxProperties.KeyOwner owner(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw TokensApiException.unauthenticated(
                    "missing_api_key", "No API key provided: send Authorization: Bearer <key>.");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw TokensApiException.unauthenticated(
                    "invalid_authorization", "The Authorization header must be Bearer <key>.");
        }
        String key = authorization.substring(7).strip();
        return properties
                .ownerOf(key)
                .orElseThrow(() -> TokensApiException.unauthenticated("invalid_api_key", "Invalid API key provided."));
    }
}

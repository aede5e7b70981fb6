package io.s2spay.connector.tokens;

import io.s2spay.sandbox.GatewaySandbox;
import io.s2spay.sandbox.tokens.TokensSandboxProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/** The connector's configuration for an in-process sandbox: its tokens base URL and its accounts' test keys. */
final class TokensSandbox {

    private TokensSandbox() {}

    static TokensProperties properties(GatewaySandbox sandbox) {
        Map<String, TokensProperties.Account> accounts = new LinkedHashMap<>();
        sandbox.bean(TokensSandboxProperties.class)
                .accounts()
                .forEach((name, account) -> accounts.put(
                        name,
                        new TokensProperties.Account(
                                account.publishableKey(), account.secretKey(), account.webhookSecret())));
        return TokensProperties.of(sandbox.baseUrl() + "tokens-api/", accounts);
    }
}

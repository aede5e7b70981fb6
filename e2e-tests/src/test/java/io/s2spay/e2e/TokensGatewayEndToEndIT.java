package io.s2spay.e2e;

/**
 * The tokens API (seed 004) end to end through the public API: merchant-demo's SEK MASTER payments go to its
 * account {@code tokens:shop-se} (the sandbox's tokens-a); the sandbox's {@code /sandbox/tokens/ledger} proves what
 * was charged. The flows are {@link GatewayFamilyEndToEndTest}'s.
 */
class TokensGatewayEndToEndIT extends GatewayFamilyEndToEndTest {

    @Override
    EndToEndPlatform.GatewayFamily family() {
        return EndToEndPlatform.GatewayFamily.TOKENS;
    }

    @Override
    String challengePath() {
        return "tokens-api/3ds/";
    }
}

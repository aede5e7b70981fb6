package io.s2spay.e2e;

/**
 * The orders/MIT API (seed 003) end to end through the public API: merchant-demo's SEK MASTER payments go to its
 * account {@code orders:shop-se} (the sandbox's merchant-a, terminals TERM-A-SELF and TERM-A-MIT); the sandbox's
 * {@code /sandbox/orders/ledger} proves what was charged. The flows are {@link GatewayFamilyEndToEndTest}'s.
 */
class OrdersGatewayEndToEndIT extends GatewayFamilyEndToEndTest {

    @Override
    EndToEndPlatform.GatewayFamily family() {
        return EndToEndPlatform.GatewayFamily.ORDERS;
    }

    @Override
    String challengePath() {
        return "orders-api/3ds/";
    }
}

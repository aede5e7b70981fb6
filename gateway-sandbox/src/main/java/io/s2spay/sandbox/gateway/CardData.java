package io.s2spay.sandbox.gateway;

/**
 * What the sandbox keeps of a card: the masked summary OPP returns, plus the test-card profile that decides how the
 * simulated issuer answers. The full number and the CVV are never kept.
 */
public record CardData(
        String bin, String last4Digits, String holder, String expiryMonth, String expiryYear, TestCard profile) {}

package io.s2spay.checkout.merchant;

/** The merchant whose secret API key authenticated the current request; controllers take it as a parameter. */
public record AuthenticatedMerchant(String id) {}

package io.s2spay.checkout.web;

/**
 * One thing wrong with one request field, named by its JSON path ({@code card.number}); the message never
 * repeats a card number or security code.
 */
public record FieldError(String field, String message) {}

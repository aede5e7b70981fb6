package io.s2spay.executor.payment;

/** A payment command the executor will not run, and the reason the merchant is told. */
record CommandRejection(PaymentRejectionReason reasonCode, String reason) {}

package io.s2spay.checkout.payment;

import java.util.UUID;

/** Payment ids: {@code pay_} and 32 lower-case hex digits of a random UUID, e.g. {@code pay_3f2a…}. */
final class PaymentIds {

    private PaymentIds() {}

    static String newPaymentId() {
        return "pay_" + UUID.randomUUID().toString().replace("-", "");
    }
}

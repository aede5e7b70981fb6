package io.s2spay.checkout.payment;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids this API makes: payments ({@code pay_} and 32 lower-case hex digits of a random UUID, e.g. {@code pay_3f2a…})
 * and operations ({@code op_…}); and the shape of any id a path or parameter may name (payments started over Kafka
 * carry their producer's ids).
 */
final class PaymentIds {

    private static final Pattern ANY_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,128}");

    private PaymentIds() {}

    static String newOperationId() {
        return "op_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Whether {@code id} can be the id of a payment or operation at all (so it may be looked up or echoed). */
    static boolean isWellFormed(String id) {
        return id != null && ANY_ID.matcher(id).matches();
    }

    static String newPaymentId() {
        return "pay_" + UUID.randomUUID().toString().replace("-", "");
    }
}

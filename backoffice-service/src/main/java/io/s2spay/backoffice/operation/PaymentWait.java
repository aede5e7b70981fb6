package io.s2spay.backoffice.operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting a little, outside any transaction, for this service to learn of a payment from its events, which travel
 * on another topic than the commands and reports about it ({@code s2spay.backoffice.payment-wait}).
 */
final class PaymentWait {

    private PaymentWait() {}

    /** Reads {@code read} every 100 ms until {@code done} holds or {@code wait} has passed; the last reading. */
    static <T> T until(Clock clock, Duration wait, Supplier<T> read, Predicate<T> done) {
        Instant deadline = clock.instant().plus(wait);
        T value = read.get();
        while (!done.test(value) && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = read.get();
        }
        return value;
    }
}

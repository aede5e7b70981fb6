package io.s2spay.sandbox.fault;

import io.s2spay.sandbox.SandboxProperties;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The faults one request meets: added latency and at most one failure. Parsed from the {@code X-Sandbox-Fault}
 * header ({@code latency=2000,lost-response}), scripted by a magic amount, or drawn from the configured rates.
 */
record FaultPlan(Duration latency, Failure failure) {

    static final FaultPlan NONE = new FaultPlan(Duration.ZERO, Failure.NONE);

    /** What goes wrong with the request. */
    enum Failure {
        NONE,
        /** HTTP 500 before anything is processed. */
        HTTP_500,
        /** HTTP 503 before anything is processed. */
        HTTP_503,
        /** The connection is closed before anything is processed. */
        RESET,
        /** The request is held without an answer, then the connection is closed; nothing is processed. */
        TIMEOUT,
        /** The request IS processed (the payment charged, recorded), then the connection is closed unanswered. */
        LOST_RESPONSE
    }

    FaultPlan with(FaultPlan other) {
        Duration combinedLatency = latency.plus(other.latency);
        Failure combinedFailure = failure != Failure.NONE ? failure : other.failure;
        return new FaultPlan(combinedLatency, combinedFailure);
    }

    boolean isNone() {
        return latency.isZero() && failure == Failure.NONE;
    }

    /** Parses the header; unknown tokens are ignored so a typo never breaks a request silently differently. */
    static FaultPlan parseHeader(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        Duration latency = Duration.ZERO;
        Failure failure = Failure.NONE;
        for (String token : header.split(",")) {
            String item = token.trim().toLowerCase(Locale.ROOT);
            if (item.startsWith("latency=")) {
                latency = latency.plusMillis(
                        Long.parseLong(item.substring("latency=".length()).trim()));
            } else {
                Failure parsed = switch (item) {
                    case "http500", "http-500" -> Failure.HTTP_500;
                    case "http503", "http-503" -> Failure.HTTP_503;
                    case "reset" -> Failure.RESET;
                    case "timeout" -> Failure.TIMEOUT;
                    case "lost-response", "lost_response" -> Failure.LOST_RESPONSE;
                    default -> Failure.NONE;
                };
                failure = failure == Failure.NONE ? parsed : failure;
            }
        }
        return new FaultPlan(latency, failure);
    }

    /** Amounts 999.01 to 999.06 (minor units 99901 to 99906) script a fault. */
    static FaultPlan fromAmount(String amount) {
        if (amount == null || amount.length() > 20) {
            return NONE;
        }
        String digits = amount.replace(".", "");
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return NONE;
        }
        try {
            return fromMinorUnits(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return NONE;
        }
    }

    /** Minor units 99901 to 99906 (999.01 to 999.06 in a two-decimal currency) script a fault, in any currency. */
    static FaultPlan fromMinorUnits(Long minor) {
        if (minor == null) {
            return NONE;
        }
        return switch ((int) Math.min(minor - 99_900L, Integer.MAX_VALUE)) {
            case 1 -> new FaultPlan(Duration.ZERO, Failure.LOST_RESPONSE);
            case 2 -> new FaultPlan(Duration.ZERO, Failure.HTTP_500);
            case 3 -> new FaultPlan(Duration.ZERO, Failure.RESET);
            case 4 -> new FaultPlan(Duration.ZERO, Failure.TIMEOUT);
            case 5 -> new FaultPlan(Duration.ofSeconds(2), Failure.NONE);
            case 6 -> new FaultPlan(Duration.ZERO, Failure.HTTP_503);
            default -> NONE;
        };
    }

    /** Draws the global faults: one random failure by the configured rates, and the latency distribution. */
    static FaultPlan draw(SandboxProperties.Faults faults) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Failure failure = Failure.NONE;
        SandboxProperties.Rates rates = faults.rates();
        if (rates.any()) {
            double roll = random.nextDouble();
            double[] thresholds = {
                rates.http500(), rates.http503(), rates.reset(), rates.timeout(), rates.lostResponse()
            };
            Failure[] failures = {
                Failure.HTTP_500, Failure.HTTP_503, Failure.RESET, Failure.TIMEOUT, Failure.LOST_RESPONSE
            };
            double cumulative = 0;
            for (int i = 0; i < thresholds.length; i++) {
                cumulative += thresholds[i];
                if (roll < cumulative) {
                    failure = failures[i];
                    break;
                }
            }
        }
        SandboxProperties.Latency latency = faults.latency();
        Duration added = switch (latency.distribution()) {
            case NONE -> Duration.ZERO;
            case FIXED -> latency.fixed();
            case UNIFORM -> {
                long min = latency.min().toMillis();
                long max = Math.max(min, latency.max().toMillis());
                yield Duration.ofMillis(min == max ? min : random.nextLong(min, max + 1));
            }
            case EXPONENTIAL ->
                Duration.ofMillis(Math.round(
                        -Math.log(1 - random.nextDouble()) * latency.mean().toMillis()));
        };
        return new FaultPlan(added, failure);
    }
}

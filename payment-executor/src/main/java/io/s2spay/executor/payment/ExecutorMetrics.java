package io.s2spay.executor.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.s2spay.gateway.routing.GatewayAccount;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The executor's Micrometer meters: outcomes recorded, commands refused, and the time spent in gateway calls. */
@Component
class ExecutorMetrics {

    private final MeterRegistry registry;
    private final ObservationRegistry observations;

    @Autowired
    ExecutorMetrics(MeterRegistry registry, ObjectProvider<ObservationRegistry> observations) {
        this(registry, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    ExecutorMetrics(MeterRegistry registry, ObservationRegistry observations) {
        this.registry = registry;
        this.observations = observations;
    }

    /**
     * Counts an attempt recorded in {@code state} at {@code account}; {@code path} says whether the live flow or the
     * recovery job did it.
     */
    void outcome(AttemptState state, GatewayAccount account, String path) {
        Counter.builder("s2spay.executor.outcomes")
                .description("Payment attempts whose gateway outcome was recorded")
                .tag("state", state.name())
                .tag("gateway", account.gateway())
                .tag("account", account.account())
                .tag("path", path)
                .register(registry)
                .increment();
    }

    /** Counts a refused command. */
    void rejection(PaymentRejectionReason reason) {
        Counter.builder("s2spay.executor.rejections")
                .description("Payment commands refused with a PaymentCommandRejected event")
                .tag("reason", reason.name())
                .register(registry)
                .increment();
    }

    /** Counts a payment sent on to the next gateway account of its route after {@code from} provably never had it. */
    void failover(GatewayAccount from, GatewayAccount to) {
        Counter.builder("s2spay.executor.failovers")
                .description("Payments sent to the next gateway account after a failure the gateway never processed")
                .tag("from", from.toString())
                .tag("to", to.toString())
                .register(registry)
                .increment();
    }

    /** Times one gateway operation at {@code account} (submission with its resolution, or a resolution alone). */
    GatewayAnswer timeGatewayCall(String operation, GatewayAccount account, Supplier<GatewayAnswer> call) {
        long start = System.nanoTime();
        GatewayAnswer answer = null;
        try {
            // a span of the payment's trace (the command's observation is current)
            answer = Observation.createNotStarted("s2spay.gateway.call", observations)
                    .contextualName(account.gateway() + " " + operation)
                    .lowCardinalityKeyValue("gateway", account.gateway())
                    .lowCardinalityKeyValue("account", account.account())
                    .lowCardinalityKeyValue("operation", operation)
                    .observe(call);
            return answer;
        } finally {
            Timer.builder("s2spay.executor.gateway.calls")
                    .description("Gateway calls made by the executor, including resolution of unknown outcomes")
                    .tag("operation", operation)
                    .tag("gateway", account.gateway())
                    .tag("account", account.account())
                    .tag("outcome", answer == null ? "ERROR" : answer.outcome().name())
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}

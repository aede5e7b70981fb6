package io.s2spay.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context ({@code traceparent}) carried across the outbox: captured from the span current when a
 * row is written, published as the Kafka record's header, and read back by consumers, so that one payment is one
 * trace from the HTTP request through every hop.
 */
public final class TraceContextHeaders {

    /** The W3C Trace Context header, the same name on HTTP and Kafka. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    /** @param tracer null when tracing is off; then nothing is captured */
    public TraceContextHeaders(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** A capture that never finds a span (tracing off). */
    public static TraceContextHeaders none() {
        return new TraceContextHeaders(null, null);
    }

    /** The current span's {@code traceparent}, or null when there is no current span. */
    public String currentTraceparent() {
        if (tracer == null || propagator == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The value of a record's last header {@code name} as text, or null; the getter consumers extract with. */
    public static String header(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

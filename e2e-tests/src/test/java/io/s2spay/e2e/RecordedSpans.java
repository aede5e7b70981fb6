package io.s2spay.e2e;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every span any application of the platform ends, as OpenTelemetry hands it to its span processors (one instance
 * shared by all the applications in this JVM; each span names its service in the resource's {@code service.name}).
 */
final class RecordedSpans implements SpanProcessor {

    static final RecordedSpans INSTANCE = new RecordedSpans();
    static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();

    private RecordedSpans() {}

    /** The ended spans of one trace. */
    List<SpanData> ofTrace(String traceId) {
        return ended.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    static String service(SpanData span) {
        return span.getResource().getAttribute(SERVICE_NAME);
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}

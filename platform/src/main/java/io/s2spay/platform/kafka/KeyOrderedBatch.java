package io.s2spay.platform.kafka;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.s2spay.platform.tracing.TraceContextHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Processes the records of one poll with more of them in flight than there are partitions or consumer threads: the
 * records of one key (a payment) one after the other in their order, different keys at the same time, each key on
 * a virtual thread of its own. For a listener whose records wait on something slow (a gateway call), so that a
 * partition's throughput is no longer one record per round trip.
 *
 * <p>Failures keep the platform's error handling, as for a record listener: when records fail, the batch fails at the
 * first of them ({@link BatchListenerFailedException} with its index), so that the container's error handler commits
 * what came before it, retries it or sends it to the dead-letter topic, and redelivers the rest. A key's records after
 * one of its own that failed are not processed in this batch (they come again, in order); records of other keys
 * after the failed one that succeeded come again too, which the idempotent consumers skip. A record that could not be
 * deserialized fails at its index like any other.
 */
public final class KeyOrderedBatch {

    private static final LogAccessor LOG = new LogAccessor(LogFactory.getLog(KeyOrderedBatch.class));

    private KeyOrderedBatch() {}

    /**
     * Runs {@code handler} on the value of every record, as described above, and returns once all ran.
     *
     * @throws BatchListenerFailedException naming the first record that failed, with its failure as the cause
     */
    public static <V> void process(List<ConsumerRecord<String, V>> records, Consumer<V> handler) {
        process(records, handler, ObservationRegistry.NOOP);
    }

    /**
     * As {@link #process(List, Consumer)}, each record handled in an observation ({@code s2spay.kafka.process})
     * whose parent is the trace context in the record's {@code traceparent} header: a batch listener gets no
     * observation from its container, so without this a payment's trace would end at the topic.
     */
    public static <V> void process(
            List<ConsumerRecord<String, V>> records, Consumer<V> handler, ObservationRegistry observations) {
        Map<String, List<Integer>> indexesByKey = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            indexesByKey
                    .computeIfAbsent(Objects.requireNonNullElse(records.get(i).key(), ""), key -> new ArrayList<>())
                    .add(i);
        }
        ConcurrentSkipListMap<Integer, RuntimeException> failures = new ConcurrentSkipListMap<>();
        AtomicInteger heldBack = new AtomicInteger();
        if (indexesByKey.size() == 1) {
            processKey(records, indexesByKey.values().iterator().next(), handler, observations, failures, heldBack);
        } else {
            try (ExecutorService keys = Executors.newVirtualThreadPerTaskExecutor()) {
                for (List<Integer> indexes : indexesByKey.values()) {
                    keys.execute(() -> processKey(records, indexes, handler, observations, failures, heldBack));
                }
            }
        }
        if (!failures.isEmpty()) {
            Map.Entry<Integer, RuntimeException> first = failures.firstEntry();
            ConsumerRecord<String, V> failed = records.get(first.getKey());
            throw new BatchListenerFailedException(
                    "record " + failed.topic() + "-" + failed.partition() + "@" + failed.offset() + " (key "
                            + failed.key() + ") failed (" + failures.size() + " of " + records.size()
                            + " records failed, " + heldBack.get() + " more held back behind a failure of their key): "
                            + first.getValue().getMessage(),
                    first.getValue(),
                    first.getKey());
        }
    }

    private static Observation observed(ObservationRegistry observations, ConsumerRecord<String, ?> record) {
        ReceiverContext<Headers> context = new ReceiverContext<>(TraceContextHeaders::header);
        context.setCarrier(record.headers());
        context.setRemoteServiceName("kafka");
        return Observation.createNotStarted("s2spay.kafka.process", () -> context, observations)
                .contextualName(record.topic() + " process")
                .lowCardinalityKeyValue("topic", record.topic());
    }

    private static <V> void processKey(
            List<ConsumerRecord<String, V>> records,
            List<Integer> indexes,
            Consumer<V> handler,
            ObservationRegistry observations,
            Map<Integer, RuntimeException> failures,
            AtomicInteger heldBack) {
        for (int position = 0; position < indexes.size(); position++) {
            int index = indexes.get(position);
            ConsumerRecord<String, V> record = records.get(index);
            try {
                DeserializationException undecodable = SerializationUtils.getExceptionFromHeader(
                        record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
                if (undecodable != null) {
                    throw undecodable;
                }
                observed(observations, record).observe(() -> handler.accept(record.value()));
            } catch (RuntimeException failure) {
                // the key's later records must not overtake this one: they are redelivered after it
                failures.put(index, failure);
                heldBack.addAndGet(indexes.size() - position - 1);
                return;
            }
        }
    }
}

package io.s2spay.schema.serde;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;

/**
 * Apicurio's datum provider with its readers and writers cached by schema rather than by the schema's fingerprint:
 * {@link DefaultAvroDatumProvider} caches them too, but computes the key, a fingerprint of the schema's canonical
 * parsing form, on every record, which cost about two thirds of each consumed record's decoding (JFR, measured under
 * load). An Avro {@link Schema} caches its hash code and {@code equals} returns at once for the same instance, which
 * the serde's schema resolver hands over for every record of one schema, so a look-up here costs a map probe. The
 * readers and writers are the ones the default provider makes (specific or generic, as configured).
 *
 * <p>Selected by {@code apicurio.registry.avro-datum-provider} ({@link AvroSerdeProperties}). A topic has a handful
 * of schemas; should a caller hand over ever new ones, each cache is cleared at {@value #MAX_ENTRIES} entries.
 */
public class SchemaCachingDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    static final int MAX_ENTRIES = 512;

    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private final Map<WriterKey, DatumWriter<T>> writers = new ConcurrentHashMap<>();

    /** The provider Apicurio instantiates; {@link #configure} then says whether readers are specific. */
    public SchemaCachingDatumProvider() {}

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        DatumReader<T> reader = readers.get(schema);
        if (reader == null) {
            reader = super.createDatumReader(schema);
            boundedPut(readers, schema, reader);
        }
        return reader;
    }

    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
        WriterKey key = new WriterKey(schema, data == null ? null : data.getClass());
        DatumWriter<T> writer = writers.get(key);
        if (writer == null) {
            writer = super.createDatumWriter(data, schema);
            boundedPut(writers, key, writer);
        }
        return writer;
    }

    /** How many readers and writers are cached (for tests). */
    int cached() {
        return readers.size() + writers.size();
    }

    private static <K, V> void boundedPut(Map<K, V> cache, K key, V value) {
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, value);
    }

    /** A writer depends on the schema and on the class of the data written (specific, generic, reflect). */
    private record WriterKey(Schema schema, Class<?> type) {}
}

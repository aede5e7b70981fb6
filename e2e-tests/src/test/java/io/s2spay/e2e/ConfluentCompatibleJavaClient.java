package io.s2spay.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Java team does without s2spay's code or generated classes: Apache Avro's generic records, the Confluent
 * wire format (magic byte 0, the schema's 4-byte id, the binary encoding) and the registry's Confluent-compatible
 * API ({@code /schemas/ids/{id}}, {@code /subjects/{subject}/versions/latest}).
 */
final class ConfluentCompatibleJavaClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String ccompatUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    ConfluentCompatibleJavaClient(String ccompatUrl) {
        this.ccompatUrl = ccompatUrl;
    }

    /** Decodes a record's value with the writer's schema, fetched by the id the value carries. */
    GenericRecord decode(byte[] value) {
        ByteBuffer buffer = ByteBuffer.wrap(value);
        if (buffer.get() != 0) {
            throw new IllegalArgumentException("not the Confluent wire format: magic byte " + value[0]);
        }
        Schema writer = schemasById.computeIfAbsent(buffer.getInt(), this::schemaById);
        try {
            return new GenericDatumReader<GenericRecord>(writer)
                    .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The subject's latest schema and its id, as a producer that never registers uses them. */
    Latest latest(String subject) {
        JsonNode latest = get("/subjects/" + subject + "/versions/latest");
        return new Latest(
                latest.get("id").asInt(),
                new Schema.Parser().parse(latest.get("schema").asString()));
    }

    /** {@code record} in the wire format, under the schema id {@code schemaId}. */
    static byte[] encode(int schemaId, GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0);
            out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Latest(int id, Schema schema) {}

    private Schema schemaById(int id) {
        return new Schema.Parser().parse(get("/schemas/ids/" + id).get("schema").asString());
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(ccompatUrl + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

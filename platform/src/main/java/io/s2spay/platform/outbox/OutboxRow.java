package io.s2spay.platform.outbox;

import io.s2spay.platform.tracing.TraceContextHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One row of the {@code outbox} table as the relay publishes it: to the topic its {@code aggregatetype} names, keyed by
 * its {@code aggregateid}, with the headers {@code id}, {@code eventType} and (when the writing transaction was traced)
 * {@code traceparent}, the stored payload bytes as the value and its {@code created_at} as the record's timestamp.
 */
record OutboxRow(
        String id, String topic, String key, String type, byte[] payload, String traceparent, Instant createdAt) {

    /** The header naming the payload's record type, e.g. {@code PaymentDebited}. */
    static final String EVENT_TYPE_HEADER = "eventType";

    /** The header carrying the outbox row's id (unique per message). */
    static final String ID_HEADER = "id";

    /** Timestamps as the replication connection prints them ({@code DateStyle=ISO}, {@code TimeZone=UTC}). */
    private static final DateTimeFormatter TIMESTAMPTZ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:mm", "+00")
            .toFormatter();

    ProducerRecord<String, byte[]> toProducerRecord() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ID_HEADER, id.getBytes(StandardCharsets.UTF_8));
        headers.add(EVENT_TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            headers.add(TraceContextHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(
                topic, null, createdAt == null ? null : createdAt.toEpochMilli(), key, payload, headers);
    }

    /** Where the outbox's columns are in the rows of one relation, as its relation message told. */
    record Columns(int id, int topic, int key, int type, int payload, int traceparent, int createdAt) {

        /**
         * The positions of the outbox's columns; a relation without all of them is not an outbox table. The
         * {@code traceparent} column is optional (-1): a table not yet migrated relays its rows untraced.
         */
        static Columns of(PgOutputMessage.Relation relation) {
            List<String> columns = relation.columns();
            return new Columns(
                    index(relation, columns, "id"),
                    index(relation, columns, "aggregatetype"),
                    index(relation, columns, "aggregateid"),
                    index(relation, columns, "type"),
                    index(relation, columns, "payload"),
                    columns.indexOf(TraceContextHeaders.TRACEPARENT),
                    index(relation, columns, "created_at"));
        }

        private static int index(PgOutputMessage.Relation relation, List<String> columns, String name) {
            int index = columns.indexOf(name);
            if (index < 0) {
                throw new IllegalStateException("Relation " + relation.namespace() + "." + relation.name()
                        + " has no column " + name + " (columns: " + columns + "): it is not an outbox table");
            }
            return index;
        }

        /**
         * The outbox row an insert carries.
         *
         * @throws IllegalStateException if a column the table declares not null is null, or the payload is not
         *     PostgreSQL's hex form of a bytea
         */
        OutboxRow row(PgOutputMessage.Insert insert) {
            List<String> values = insert.values();
            String createdAt = value(values, createdAt());
            return new OutboxRow(
                    required(values, id(), "id"),
                    required(values, topic(), "aggregatetype"),
                    required(values, key(), "aggregateid"),
                    required(values, type(), "type"),
                    bytea(required(values, payload(), "payload")),
                    traceparent < 0 ? null : value(values, traceparent),
                    createdAt == null ? null : timestamp(createdAt));
        }

        private static String value(List<String> values, int index) {
            return index < values.size() ? values.get(index) : null;
        }

        private static String required(List<String> values, int index, String name) {
            String value = value(values, index);
            if (value == null) {
                throw new IllegalStateException("An outbox row without " + name + " reached the relay");
            }
            return value;
        }

        /** A bytea in hex form ({@code \x0a1b...}), as the replication connection asks for. */
        static byte[] bytea(String text) {
            if (!text.startsWith("\\x")) {
                throw new IllegalStateException("An outbox payload is not in bytea's hex form (bytea_output=hex)");
            }
            return HexFormat.of().parseHex(text, 2, text.length());
        }

        /** The row's creation time, or null if it cannot be read (it only dates the record and the lag metric). */
        static Instant timestamp(String text) {
            try {
                return OffsetDateTime.parse(text, TIMESTAMPTZ).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}

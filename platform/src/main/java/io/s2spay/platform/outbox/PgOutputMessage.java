package io.s2spay.platform.outbox;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The messages of PostgreSQL's {@code pgoutput} logical decoding protocol, version 1, that the outbox relay reads
 * (see "Logical Replication Message Formats" in PostgreSQL's documentation): a transaction's begin and commit, the
 * description of a relation, an inserted row, and a non-transactional logical message (the relay's heartbeat).
 * Anything else the server may send (origin, type, update, delete, truncate) is {@link Ignored}.
 */
sealed interface PgOutputMessage {

    /** {@code B}: a transaction starts; its rows follow, then its {@link Commit}. */
    record Begin(long finalLsn, int xid) implements PgOutputMessage {}

    /** {@code C}: the transaction committed; {@code endLsn} is the position to confirm once its rows are relayed. */
    record Commit(long commitLsn, long endLsn) implements PgOutputMessage {}

    /** {@code R}: the columns of a relation, sent before its first row in a session and after it changes. */
    record Relation(int relationId, String namespace, String name, List<String> columns) implements PgOutputMessage {}

    /** {@code I}: a row inserted into a relation, its columns in text form (null for SQL null). */
    record Insert(int relationId, List<String> values) implements PgOutputMessage {}

    /** {@code M}: a logical message, emitted with {@code pg_logical_emit_message} (the relay's heartbeat). */
    record LogicalMessage(boolean transactional, long lsn, String prefix) implements PgOutputMessage {}

    /** A message the relay has no use for. */
    record Ignored(char type) implements PgOutputMessage {}

    /**
     * Decodes one message.
     *
     * @throws IllegalArgumentException if the message is cut short or malformed
     */
    static PgOutputMessage decode(ByteBuffer buffer) {
        try {
            char type = (char) buffer.get();
            return switch (type) {
                case 'B' -> {
                    long finalLsn = buffer.getLong();
                    buffer.getLong(); // commit timestamp
                    yield new Begin(finalLsn, buffer.getInt());
                }
                case 'C' -> {
                    buffer.get(); // flags, unused
                    long commitLsn = buffer.getLong();
                    yield new Commit(commitLsn, buffer.getLong());
                }
                case 'R' -> {
                    int relationId = buffer.getInt();
                    String namespace = string(buffer);
                    String name = string(buffer);
                    buffer.get(); // replica identity
                    int count = buffer.getShort();
                    List<String> columns = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        buffer.get(); // flags: part of the key
                        columns.add(string(buffer));
                        buffer.getInt(); // type oid
                        buffer.getInt(); // type modifier
                    }
                    yield new Relation(relationId, namespace, name, Collections.unmodifiableList(columns));
                }
                case 'I' -> {
                    int relationId = buffer.getInt();
                    char kind = (char) buffer.get();
                    if (kind != 'N') {
                        throw new IllegalArgumentException("insert of relation " + relationId + " carries tuple kind '"
                                + kind + "', not a new tuple ('N')");
                    }
                    yield new Insert(relationId, tuple(buffer));
                }
                case 'M' -> {
                    boolean transactional = (buffer.get() & 1) != 0;
                    long lsn = buffer.getLong();
                    yield new LogicalMessage(transactional, lsn, string(buffer));
                }
                default -> new Ignored(type);
            };
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("pgoutput message cut short", e);
        }
    }

    /** TupleData: the number of columns, then each column as null, unchanged TOAST or text. */
    private static List<String> tuple(ByteBuffer buffer) {
        int count = buffer.getShort();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            char kind = (char) buffer.get();
            switch (kind) {
                case 'n' -> values.add(null);
                case 't' -> {
                    int length = buffer.getInt();
                    if (length < 0 || length > buffer.remaining()) {
                        throw new IllegalArgumentException(
                                "column " + i + " claims " + length + " bytes, " + buffer.remaining() + " are left");
                    }
                    byte[] text = new byte[length];
                    buffer.get(text);
                    values.add(new String(text, StandardCharsets.UTF_8));
                }
                case 'u' ->
                    throw new IllegalArgumentException(
                            "column " + i + " is an unchanged TOAST value, which an insert never carries");
                default ->
                    throw new IllegalArgumentException(
                            "column " + i + " has kind '" + kind + "' (binary columns are not asked for)");
            }
        }
        return Collections.unmodifiableList(values);
    }

    /** A null-terminated UTF-8 string. */
    private static String string(ByteBuffer buffer) {
        int start = buffer.position();
        int end = start;
        while (buffer.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        buffer.get(bytes);
        buffer.get(); // the terminator
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

package io.s2spay.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pgoutput messages (protocol version 1) written byte by byte as PostgreSQL's documentation lays them out. */
class PgOutputMessageTest {

    @Test
    void decodesBeginAndCommit() throws IOException {
        PgOutputMessage begin = PgOutputMessage.decode(message(out -> {
            out.writeByte('B');
            out.writeLong(0x16B3748L);
            out.writeLong(123_456_789L);
            out.writeInt(771);
        }));
        PgOutputMessage commit = PgOutputMessage.decode(message(out -> {
            out.writeByte('C');
            out.writeByte(0);
            out.writeLong(0x16B3748L);
            out.writeLong(0x16B3778L);
            out.writeLong(123_456_789L);
        }));

        assertThat(begin).isEqualTo(new PgOutputMessage.Begin(0x16B3748L, 771));
        assertThat(commit).isEqualTo(new PgOutputMessage.Commit(0x16B3748L, 0x16B3778L));
    }

    @Test
    void decodesARelationWithItsColumnNames() throws IOException {
        PgOutputMessage relation = PgOutputMessage.decode(message(out -> {
            out.writeByte('R');
            out.writeInt(16_405);
            string(out, "checkout");
            string(out, "outbox");
            out.writeByte('d');
            out.writeShort(2);
            out.writeByte(1);
            string(out, "id");
            out.writeInt(2950);
            out.writeInt(-1);
            out.writeByte(0);
            string(out, "payload");
            out.writeInt(17);
            out.writeInt(-1);
        }));

        assertThat(relation)
                .isEqualTo(new PgOutputMessage.Relation(16_405, "checkout", "outbox", List.of("id", "payload")));
    }

    @Test
    void decodesAnInsertWithTextAndNullColumns() throws IOException {
        PgOutputMessage insert = PgOutputMessage.decode(message(out -> {
            out.writeByte('I');
            out.writeInt(16_405);
            out.writeByte('N');
            out.writeShort(3);
            text(out, "s2spay.payment.events");
            out.writeByte('n');
            text(out, "Zahlung ✓");
        }));

        assertThat(insert)
                .isEqualTo(
                        new PgOutputMessage.Insert(16_405, Arrays.asList("s2spay.payment.events", null, "Zahlung ✓")));
    }

    @Test
    void decodesANonTransactionalLogicalMessage() throws IOException {
        PgOutputMessage heartbeat = PgOutputMessage.decode(message(out -> {
            out.writeByte('M');
            out.writeByte(0);
            out.writeLong(0x2A0L);
            string(out, OutboxRelay.HEARTBEAT_PREFIX);
            out.writeInt(0);
        }));

        assertThat(heartbeat)
                .isEqualTo(new PgOutputMessage.LogicalMessage(false, 0x2A0L, OutboxRelay.HEARTBEAT_PREFIX));
    }

    @Test
    void ignoresWhatTheRelayHasNoUseFor() throws IOException {
        assertThat(PgOutputMessage.decode(message(out -> {
                    out.writeByte('Y');
                    out.writeInt(25);
                })))
                .isEqualTo(new PgOutputMessage.Ignored('Y'));
    }

    @Test
    void refusesMessagesCutShortOrOfAnUnexpectedShape() throws IOException {
        ByteBuffer cutShort = message(out -> {
            out.writeByte('I');
            out.writeInt(16_405);
            out.writeByte('N');
            out.writeShort(1);
            out.writeByte('t');
            out.writeInt(40);
            out.write("short".getBytes(StandardCharsets.UTF_8));
        });
        ByteBuffer unterminated = message(out -> {
            out.writeByte('R');
            out.writeInt(1);
            out.write("checkout".getBytes(StandardCharsets.UTF_8));
        });
        ByteBuffer updateShaped = message(out -> {
            out.writeByte('I');
            out.writeInt(16_405);
            out.writeByte('K');
        });
        ByteBuffer binaryColumn = message(out -> {
            out.writeByte('I');
            out.writeInt(16_405);
            out.writeByte('N');
            out.writeShort(1);
            out.writeByte('b');
        });

        assertThatThrownBy(() -> PgOutputMessage.decode(cutShort))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claims 40 bytes");
        assertThatThrownBy(() -> PgOutputMessage.decode(unterminated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cut short");
        assertThatThrownBy(() -> PgOutputMessage.decode(updateShaped))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'K'");
        assertThatThrownBy(() -> PgOutputMessage.decode(binaryColumn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind 'b'");
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static ByteBuffer message(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        }
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        out.write(value.getBytes(StandardCharsets.UTF_8));
        out.writeByte(0);
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeByte('t');
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}

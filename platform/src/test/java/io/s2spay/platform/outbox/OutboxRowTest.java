package io.s2spay.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class OutboxRowTest {

    private static final PgOutputMessage.Relation OUTBOX = new PgOutputMessage.Relation(
            7, "checkout", "outbox", List.of("id", "aggregatetype", "aggregateid", "type", "payload", "created_at"));

    @Test
    void readsAnInsertedRowAsTheServerPrintsItAndPublishesItAsStored() {
        OutboxRow.Columns columns = OutboxRow.Columns.of(OUTBOX);

        OutboxRow row = columns.row(new PgOutputMessage.Insert(
                7,
                List.of(
                        "0b8d5c1e-3f39-4f53-a0c5-6ad1b8f0f2aa",
                        "s2spay.payment.commands",
                        "pay_123",
                        "ExecutePayment",
                        "\\x000000002a0102ff",
                        "2026-12-07 15:20:01.123456+00")));
        ProducerRecord<String, byte[]> record = row.toProducerRecord();

        assertThat(record.topic()).isEqualTo("s2spay.payment.commands");
        assertThat(record.key()).isEqualTo("pay_123");
        assertThat(record.value()).containsExactly(0x00, 0x00, 0x00, 0x00, 0x2a, 0x01, 0x02, 0xff);
        assertThat(record.timestamp())
                .isEqualTo(Instant.parse("2026-12-07T15:20:01.123456Z").toEpochMilli());
        assertThat(record.headers().toArray()).extracting(Header::key).containsExactly("id", "eventType");
        assertThat(new String(record.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8))
                .isEqualTo("ExecutePayment");
        assertThat(new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8))
                .isEqualTo("0b8d5c1e-3f39-4f53-a0c5-6ad1b8f0f2aa");
    }

    @Test
    void publishesTheRowsTraceContextAsTheTraceparentHeaderWhenTheTableHasIt() {
        PgOutputMessage.Relation traced = new PgOutputMessage.Relation(
                9,
                "executor",
                "outbox",
                List.of("id", "aggregatetype", "aggregateid", "type", "payload", "traceparent", "created_at"));
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        OutboxRow.Columns columns = OutboxRow.Columns.of(traced);

        ProducerRecord<String, byte[]> record = columns.row(new PgOutputMessage.Insert(
                        9,
                        List.of(
                                "id-1",
                                "topic",
                                "pay_1",
                                "PaymentDebited",
                                "\\x00",
                                traceparent,
                                "2026-12-07 15:20:01+00")))
                .toProducerRecord();
        ProducerRecord<String, byte[]> untraced = columns.row(new PgOutputMessage.Insert(
                        9,
                        java.util.Arrays.asList(
                                "id-2", "topic", "pay_1", "PaymentDebited", "\\x00", null, "2026-12-07 15:20:01+00")))
                .toProducerRecord();

        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(traceparent);
        assertThat(untraced.headers().toArray()).extracting(Header::key).containsExactly("id", "eventType");
    }

    @Test
    void findsTheColumnsWhereverTheTablePutsThem() {
        PgOutputMessage.Relation reordered = new PgOutputMessage.Relation(
                8,
                "executor",
                "outbox",
                List.of("created_at", "payload", "type", "aggregateid", "aggregatetype", "extra", "id"));

        OutboxRow row = OutboxRow.Columns.of(reordered)
                .row(new PgOutputMessage.Insert(
                        8, List.of("2026-12-07 15:20:01+05:30", "\\x00", "T", "k", "topic", "x", "id-1")));

        assertThat(row.id()).isEqualTo("id-1");
        assertThat(row.topic()).isEqualTo("topic");
        assertThat(row.createdAt()).isEqualTo(Instant.parse("2026-12-07T09:50:01Z"));
    }

    @Test
    void refusesARelationThatIsNotAnOutboxAndRowsItCannotPublish() {
        PgOutputMessage.Relation other = new PgOutputMessage.Relation(9, "checkout", "payment", List.of("id"));
        OutboxRow.Columns columns = OutboxRow.Columns.of(OUTBOX);

        assertThatThrownBy(() -> OutboxRow.Columns.of(other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no column aggregatetype");
        assertThatThrownBy(() -> columns.row(new PgOutputMessage.Insert(
                        7, Arrays.asList("id", null, "k", "T", "\\x00", "2026-12-07 15:20:01+00"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without aggregatetype");
        assertThatThrownBy(() -> columns.row(new PgOutputMessage.Insert(
                        7, List.of("id", "topic", "k", "T", "\\000", "2026-12-07 15:20:01+00"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hex form");
    }

    @Test
    void anUnreadableCreationTimeOnlyLosesTheTimestamp() {
        assertThat(OutboxRow.Columns.timestamp("Mon Dec 07 15:20:01 2026 UTC")).isNull();
    }
}

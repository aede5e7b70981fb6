package io.s2spay.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.schema.command.BackofficeCommandEnvelope;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.internal.OppTransactionReported;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each topic's current value schema must read everything written with the committed previous
 * version (the registry's BACKWARD rule). The baselines live in {@code src/test/resources/baseline}:
 * after a release, copy {@code target/current-schemas/*.avsc} over them.
 */
class SchemaCompatibilityTest {

    static Stream<Arguments> topics() {
        return Stream.of(
                Arguments.of(Topics.PAYMENT_COMMANDS, PaymentCommandEnvelope.getClassSchema()),
                Arguments.of(Topics.BACKOFFICE_COMMANDS, BackofficeCommandEnvelope.getClassSchema()),
                Arguments.of(Topics.PAYMENT_EVENTS, PaymentEventEnvelope.getClassSchema()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void currentSchemaReadsDataWrittenWithCommittedPreviousVersion(String topic, Schema current) throws IOException {
        writeCurrent(topic, current);
        Schema previous = baseline(topic);

        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, previous)
                .getResult();

        assertThat(result.getCompatibility())
                .as(
                        "%s: the new schema must read data written with the previous one: %s",
                        Topics.valueSubject(topic), result.getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void internalReportedTransactionsSchemaReadsWhatItsPreviousNamespaceWrote() throws IOException {
        // The message moved from the OPP connector to this module: its alias keeps records written before readable.
        Schema current = OppTransactionReported.getClassSchema();
        writeCurrent(Topics.OPP_TRANSACTIONS, current);

        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, baseline(Topics.OPP_TRANSACTIONS))
                .getResult();

        assertThat(result.getCompatibility())
                .as("%s: %s", Topics.valueSubject(Topics.OPP_TRANSACTIONS), result.getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void removingAPayloadTypeIsDetectedAsIncompatible(String topic, Schema current) throws IOException {
        // Guards the check itself: a schema that drops a union branch cannot read old data.
        Schema envelopeMissingFirstPayloadType = withoutFirstPayloadType(current);

        var result = SchemaCompatibility.checkReaderWriterCompatibility(
                        envelopeMissingFirstPayloadType, baseline(topic))
                .getResult();

        assertThat(result.getCompatibility()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static Schema baseline(String topic) throws IOException {
        String resource = "/baseline/" + Topics.valueSubject(topic) + ".avsc";
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("committed baseline %s", resource).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }

    private static void writeCurrent(String topic, Schema current) throws IOException {
        Path dir = Path.of("target", "current-schemas");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(Topics.valueSubject(topic) + ".avsc"), current.toString(true));
    }

    private static Schema withoutFirstPayloadType(Schema envelope) {
        var fields = envelope.getFields().stream()
                .map(f -> {
                    Schema type = f.schema();
                    if (f.name().equals("payload")) {
                        type = Schema.createUnion(
                                type.getTypes().subList(1, type.getTypes().size()));
                    }
                    return new Schema.Field(f.name(), type, f.doc(), f.defaultVal());
                })
                .toList();
        return Schema.createRecord(envelope.getName(), envelope.getDoc(), envelope.getNamespace(), false, fields);
    }
}

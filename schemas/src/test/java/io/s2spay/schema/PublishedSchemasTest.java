package io.s2spay.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code schemas/published/<topic>-value.avsc} is what another team reads to produce commands or decode events: each
 * contract topic's value schema, self-contained (every named type defined inside it), exactly as the services
 * register it. After a schema change, {@code ./mvnw -pl schemas test -Dtest=PublishedSchemasTest
 * -Ds2spay.schemas.publish=true} writes the files anew.
 */
class PublishedSchemasTest {

    static final Path PUBLISHED = Path.of("published");

    static Stream<Arguments> contractTopics() {
        return Topics.valueTypes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(topic -> Arguments.of(topic.getKey(), schemaOf(topic.getValue())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractTopics")
    void thePublishedFileIsTheSchemaTheServicesRegister(String topic, Schema current) throws IOException {
        Path file = PUBLISHED.resolve(Topics.valueSubject(topic) + ".avsc");
        String expected = current.toString(true) + "\n";
        if (Boolean.getBoolean("s2spay.schemas.publish")) {
            Files.createDirectories(PUBLISHED);
            Files.writeString(file, expected);
        }
        assertThat(file)
                .as("%s is out of date: run with -Ds2spay.schemas.publish=true (see this test's doc)", file)
                .exists();
        assertThat(Files.readString(file))
                .as("%s is out of date: run with -Ds2spay.schemas.publish=true", file)
                .isEqualTo(expected);
        // parsed alone, with no other file and no registry: the file is self-contained
        assertThat(new Schema.Parser().parse(file.toFile())).isEqualTo(current);
    }

    @Test
    void onlyTheContractTopicsArePublished() throws IOException {
        try (Stream<Path> files = Files.list(PUBLISHED)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Topics.valueTypes().keySet().stream()
                            .map(topic -> Topics.valueSubject(topic) + ".avsc")
                            .toList());
        }
    }

    private static Schema schemaOf(Class<?> generated) {
        try {
            return (Schema) generated.getMethod("getClassSchema").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(generated + " is not a generated Avro class", e);
        }
    }
}

package io.s2spay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The README's snippets for other teams are the files the foreign-client tests run, word for word. */
class ClientSnippetsInReadmeTest {

    static final Path README = Path.of("..", "README.md");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"node/produce-command.mjs, js", "python/produce_command.py, python", "python/s2spay_avro.py, python"})
    void theReadmeShowsTheFileTheTestsRun(String file, String language) throws IOException {
        String snippet = Files.readString(ForeignClients.CLIENTS.resolve(file)).stripTrailing();

        assertThat(Files.readString(README))
                .as("README.md shows clients/%s in a ```%s block, exactly as the file is", file, language)
                .contains("```" + language + "\n" + snippet + "\n```\n");
    }
}

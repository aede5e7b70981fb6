package io.s2spay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.sandbox.gateway.TestCard;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's test-card table documents exactly the cards the sandbox knows, with their result codes. */
class ReadmeTest {

    @Test
    void documentsEveryTestCardWithItsBrandAndCode() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        for (TestCard card : TestCard.values()) {
            String row = readme.lines()
                    .filter(line -> line.startsWith("| `" + card.number() + "`"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(card + " is not in the README's table"));
            assertThat(row).as(card.name()).contains("| " + card.brand().name() + " |");
            if (card.resultCode() != null) {
                assertThat(row).as(card.name()).contains(card.resultCode());
            }
        }
    }
}

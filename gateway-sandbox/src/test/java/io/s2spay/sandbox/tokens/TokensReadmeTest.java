package io.s2spay.sandbox.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's tokens-API section documents every special test card with its brand and answer. */
class TokensReadmeTest {

    @Test
    void documentsEveryTokensTestCardWithItsBrandAndCode() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Tokens API (seed 004)"));
        TokensTestCards.CARDS.forEach((number, profile) -> {
            String row = section.lines()
                    .filter(line -> line.startsWith("| `" + number + "`"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(number + " is not in the tokens README table"));
            assertThat(row).contains("| " + TokensTestCards.brand(number) + " |");
            String code = profile.declineCode() != null ? profile.declineCode() : profile.failureCode();
            if (code != null) {
                assertThat(row).contains(code);
            } else {
                assertThat(row).contains("3-D Secure");
            }
        });
    }
}

package io.s2spay.checkout.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSignatureTest {

    static final String SECRET = "whsec_test_secret";
    static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"payment.captured\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyWithTheWholeSecretAsKey() {
        // the README's shell check, run once: printf '%s' '1733400000.<body>' | openssl dgst -sha256 -hmac "$SECRET"
        assertThat(WebhookSignature.header(SECRET, 1733400000L, BODY))
                .isEqualTo("t=1733400000,v1=dc873d4a59c0222f212a21950caa49a4b9244b952897246a56d64bc33e75f2bb");
    }

    @Test
    void theReadmeVerifierAcceptsTheSignatureAndRefusesAChangedBodyOrAnOldTimestamp() {
        String header = WebhookSignature.header(SECRET, 1733400000L, BODY);
        String body = new String(BODY, StandardCharsets.UTF_8);

        assertThat(ReadmeVerifier.verify(SECRET, header, body, 1733400000L + 60))
                .isTrue();
        assertThat(ReadmeVerifier.verify(SECRET, header, body.replace("captured", "refunded"), 1733400000L))
                .isFalse();
        assertThat(ReadmeVerifier.verify("whsec_other", header, body, 1733400000L))
                .isFalse();
        assertThat(ReadmeVerifier.verify(SECRET, header, body, 1733400000L + 301))
                .isFalse();
        assertThat(ReadmeVerifier.verify(SECRET, "t=1733400000", body, 1733400000L))
                .isFalse();
    }

    @Test
    void theReadmeShowsTheVerifierTheTestsRun() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/s2spay/checkout/webhook/ReadmeVerifier.java"));
        String snippet = source.substring(
                source.indexOf("// --- README snippet starts\n") + 29,
                source.indexOf("    // --- README snippet ends"));
        String unindented = snippet.lines()
                .map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(readme()).contains("```java\n" + unindented + "```");
    }

    @Test
    void theReadmeShellSnippetAcceptsOurSignatureAndRefusesAnother(@TempDir Path dir) throws Exception {
        assumeThat(runs(List.of("openssl", "version"))).as("openssl installed").isTrue();
        // the README's verification snippet: its shell block that runs openssl
        Matcher block = Pattern.compile("```sh\n((?:(?!```).)*?openssl dgst(?:(?!```).)*?)```", Pattern.DOTALL)
                .matcher(readme());
        assertThat(block.find()).isTrue();
        Path script = Files.writeString(dir.resolve("verify.sh"), block.group(1));
        Path body = Files.write(
                dir.resolve("body.json"),
                "{\"id\":\"e-1\",\"payment\":{\"amount\":\"92.00\",\"descriptor\":\"caf\u00e9 it's\"}}"
                        .getBytes(StandardCharsets.UTF_8));
        String signature = WebhookSignature.header(SECRET, 1733400000L, Files.readAllBytes(body));

        assertThat(shell(script, SECRET, signature, body)).isEqualTo("valid");
        assertThat(shell(script, "whsec_other", signature, body)).isEqualTo("invalid");
        assertThat(shell(script, SECRET, signature.replace("t=1733400000", "t=1733400001"), body))
                .isEqualTo("invalid");
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    private static boolean runs(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String shell(Path script, String secret, String signature, Path body) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
        builder.environment().put("SECRET", secret);
        builder.environment().put("SIGNATURE", signature);
        builder.environment().put("BODY_FILE", body.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}

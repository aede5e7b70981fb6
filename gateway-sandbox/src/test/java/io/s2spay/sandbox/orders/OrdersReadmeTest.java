package io.s2spay.sandbox.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's orders API section documents every orders test card with its brand and failure code. */
class OrdersReadmeTest {

    @Test
    void documentsEveryOrdersTestCard() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Orders API (seed 003)"));

        for (OrdersTestCards card : OrdersTestCards.values()) {
            String row = section.lines()
                    .filter(line -> line.startsWith("| ") && line.contains("`" + card.number() + "`"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(card + " is not in the orders API's table"));
            assertThat(row).as(card.name()).contains(card.brand());
            if (card.failure() != null) {
                assertThat(row).as(card.name()).contains("`" + card.failure().name() + "`");
            }
        }
        for (OrdersTestCards.Failure failure : OrdersTestCards.Failure.values()) {
            assertThat(section).as(failure.name()).contains("`" + failure.name() + "`");
        }
    }
}

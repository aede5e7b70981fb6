package io.s2spay.connector.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectorSettingsTest {

    private static final String PROPERTY = "s2spay.any.base-url";

    private static void refuses(String baseUrl, String message) {
        assertThatThrownBy(() -> ConnectorSettings.requireBaseUrl(
                        baseUrl, PROPERTY, "http://127.0.0.1:8090/any/", "the API's paths are appended to it"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(PROPERTY + " " + message);
    }

    @Test
    void acceptsAnAbsoluteHttpUrlEndingInASlash() {
        assertThat(ConnectorSettings.requireBaseUrl(
                                "https://gateway.example/api/", PROPERTY, "x", "paths are appended to it")
                        .resolve("v1/payments")
                        .toString())
                .isEqualTo("https://gateway.example/api/v1/payments");
    }

    @Test
    void refusesAWrongBaseUrlNamingTheProperty() {
        refuses(null, "is required, e.g. http://127.0.0.1:8090/any/");
        refuses(" ", "is required");
        refuses("http://exa mple/", "is not a valid URL");
        refuses("ftp://host/", "must be an absolute http(s) URL, was: ftp://host/");
        refuses("/relative/", "must be an absolute http(s) URL");
        refuses(
                "http://host/api",
                "must end in \"/\" (the API's paths are appended to it), e.g. http://host/api/ instead of"
                        + " http://host/api");
        refuses("http://host/api/?a=/", "must not have a query or fragment");
    }

    @Test
    void defaultsAMissingDurationAndRefusesZeroOrNegativeOnes() {
        assertThat(ConnectorSettings.positiveOrDefault(null, Duration.ofSeconds(2), "p.connect-timeout"))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(ConnectorSettings.positiveOrDefault(Duration.ofMillis(5), Duration.ofSeconds(2), "p"))
                .isEqualTo(Duration.ofMillis(5));
        assertThatThrownBy(() -> ConnectorSettings.positiveOrDefault(Duration.ZERO, Duration.ofSeconds(2), "p.read"))
                .hasMessage("p.read must be positive, was PT0S");
        assertThatThrownBy(() -> ConnectorSettings.positiveOrDefault(Duration.ofSeconds(-1), null, "p.read"))
                .hasMessageStartingWith("p.read must be positive");
    }

    @Test
    void requiresText() {
        ConnectorSettings.requireText("x", "p.key");
        assertThatThrownBy(() -> ConnectorSettings.requireText(" ", "p.key")).hasMessage("p.key is required");
        assertThatThrownBy(() -> ConnectorSettings.requireText(null, "p.key")).hasMessage("p.key is required");
    }
}

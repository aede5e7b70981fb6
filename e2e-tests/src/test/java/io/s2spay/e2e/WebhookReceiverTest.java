package io.s2spay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test's webhook receiver accepts only correctly signed, fresh deliveries, and its outage modes are real. */
class WebhookReceiverTest {

    static final String SECRET = "whsec_test_0123456789abcdef";
    static final String BODY = "{\"id\":\"evt-1\",\"type\":\"payment.captured\",\"created\":\"2026-12-05T10:00:00Z\","
            + "\"payment\":{\"id\":\"pay_1\",\"status\":\"partially_captured\"}}";

    final HttpClient http = HttpClient.newHttpClient();
    WebhookReceiver receiver;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start();
        receiver.secret(SECRET);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void acceptsACorrectSignatureAndRecordsTheEvent() throws Exception {
        long t = Instant.now().getEpochSecond();

        assertThat(deliver("t=" + t + ",v1=" + sign(SECRET, t, BODY), BODY)).isEqualTo(200);

        assertThat(receiver.refusedSignatures()).isEmpty();
        assertThat(receiver.accepted("pay_1")).singleElement().satisfies(delivery -> {
            assertThat(delivery.eventId()).isEqualTo("evt-1");
            assertThat(delivery.type()).isEqualTo("payment.captured");
            assertThat(delivery.paymentStatus()).isEqualTo("partially_captured");
        });
    }

    @Test
    void refusesAWrongSecretATamperedBodyAStaleTimestampAndNoHeader() throws Exception {
        long t = Instant.now().getEpochSecond();
        long stale = t - WebhookReceiver.TOLERANCE.toSeconds() - 60;

        assertThat(deliver("t=" + t + ",v1=" + sign("whsec_other", t, BODY), BODY))
                .isEqualTo(400);
        assertThat(deliver("t=" + t + ",v1=" + sign(SECRET, t, BODY), BODY.replace("pay_1", "pay_2")))
                .isEqualTo(400);
        assertThat(deliver("t=" + stale + ",v1=" + sign(SECRET, stale, BODY), BODY))
                .isEqualTo(400);
        assertThat(deliver(null, BODY)).isEqualTo(400);

        assertThat(receiver.refusedSignatures()).hasSize(4);
        assertThat(receiver.accepted()).isEmpty();
    }

    @Test
    void answers503WhenUnavailableAndRefusesConnectionsWhenDownThenComesBackOnTheSamePort() throws Exception {
        long t = Instant.now().getEpochSecond();
        String header = "t=" + t + ",v1=" + sign(SECRET, t, BODY);
        String url = receiver.url();

        receiver.unavailable();
        assertThat(deliver(header, BODY)).isEqualTo(503);
        receiver.down();
        assertThat(deliverOrRefused(header)).isEqualTo(-1);
        receiver.up();

        assertThat(receiver.url()).isEqualTo(url);
        assertThat(deliver(header, BODY)).isEqualTo(200);
        assertThat(receiver.accepted()).hasSize(1);
    }

    int deliverOrRefused(String header) throws Exception {
        try {
            return deliver(header, BODY);
        } catch (ConnectException refused) {
            return -1;
        }
    }

    int deliver(String signature, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("S2spay-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static String sign(String secret, long t, String body) {
        return HexFormat.of().formatHex(WebhookReceiver.hmac(secret, t + "." + body));
    }
}

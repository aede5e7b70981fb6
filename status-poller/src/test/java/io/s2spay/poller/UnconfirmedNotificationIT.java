package io.s2spay.poller;

import static io.s2spay.poller.PaymentEvents.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.sandbox.notification.NotificationCipher;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * While the gateway cannot be asked, a notified chargeback is not acknowledged (HTTP 503, so OPP sends it again
 * later) instead of being dropped or reported unconfirmed; notifications that need no confirmation are still
 * acknowledged.
 */
class UnconfirmedNotificationIT {

    /** merchant-demo's webhook secret in status-poller.yml (a test key of the gateway sandbox). */
    private static final String SECRET = "1D13C4B102B27A1EC2A0C401BE717DB882DEAD1F215F119B883229914C4D7C53";

    private static ConfigurableApplicationContext poller;
    private static URI webhook;

    @BeforeAll
    static void start() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        poller = PollerTestApplication.start(Map.of(
                "s2spay.opp.base-url", "http://127.0.0.1:" + closedPort + "/", "s2spay.opp.connect-timeout", "500ms"));
        int port = ((WebServerApplicationContext) poller).getWebServer().getPort();
        webhook = URI.create("http://127.0.0.1:" + port + "/v1/notifications/opp/" + MERCHANT);
    }

    @AfterAll
    static void stop() {
        if (poller != null) {
            poller.close();
        }
    }

    @Test
    void doesNotAcknowledgeAChargebackTheGatewayCannotConfirmNow() throws Exception {
        HttpResponse<String> response = notify("""
                {"type":"PAYMENT","payload":{"id":"8ac7a4a1fd6bfff929f0a969f18e0001","paymentType":"CB",
                "referencedId":"8ac7a4a1fd6bfff929f0a969f18e0000","amount":"92.00","currency":"EUR",
                "result":{"code":"000.100.220","description":"Chargeback"}}}
                """);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("gateway-unavailable", "8ac7a4a1fd6bfff929f0a969f18e0001");
    }

    @Test
    void acknowledgesAPaymentStatusNotificationWithoutAskingTheGateway() throws Exception {
        HttpResponse<String> response = notify("""
                {"type":"PAYMENT","payload":{"id":"8ac7a4a1fd6bfff929f0a969f18e0002","paymentType":"DB",
                "merchantTransactionId":"order-1","amount":"92.00","currency":"EUR",
                "result":{"code":"000.100.110","description":"ok"}}}
                """);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> notify(String plaintext) throws Exception {
        NotificationCipher.Encrypted encrypted =
                NotificationCipher.encrypt(HexFormat.of().parseHex(SECRET), plaintext);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(webhook)
                                .header("Content-Type", "text/plain; charset=UTF-8")
                                .header("X-Initialization-Vector", encrypted.initializationVector())
                                .header("X-Authentication-Tag", encrypted.authenticationTag())
                                .POST(HttpRequest.BodyPublishers.ofString(encrypted.body()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}

package io.s2spay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant's own back end calling s2spay's public API: one merchant's secret key, a fresh Idempotency-Key on
 * every POST unless one is given, JSON in and out; a server error fails the test at once, with what was logged.
 */
final class MerchantApi {

    // TEST KEYS of the local/test merchants (checkout-service.yml)
    static final String DEMO_KEY = "sk_test_s2spay_demo_0001";
    static final String OTHER_KEY = "sk_test_s2spay_other_0002";

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI baseUrl;
    private final String apiKey;
    private final ConsoleCapture console;

    MerchantApi(URI baseUrl, String apiKey, ConsoleCapture console) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.console = console;
    }

    static MerchantApi of(ConfigurableApplicationContext checkout, String apiKey, ConsoleCapture console) {
        return new MerchantApi(EndToEndPlatform.url(checkout, ""), apiKey, console);
    }

    /** The same merchant's API on another checkout instance. */
    MerchantApi on(ConfigurableApplicationContext checkout) {
        return new MerchantApi(EndToEndPlatform.url(checkout, ""), apiKey, console);
    }

    /** Another merchant's key on the same instance. */
    MerchantApi as(String otherApiKey) {
        return new MerchantApi(baseUrl, otherApiKey, console);
    }

    /** One answer of the API. */
    record Answer(int status, HttpResponse<String> response) {
        JsonNode json() {
            return JSON.readTree(response.body());
        }

        String body() {
            return response.body();
        }

        String text(String pointer) {
            return json().at(pointer).asString();
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        /** The {@code code} of a problem+json refusal, after checking it is one. */
        String problemCode() {
            assertThat(header("Content-Type"))
                    .as(body())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            return json().path("code").asString();
        }
    }

    Answer post(String path, String body) {
        return post(path, body, "e2e-" + UUID.randomUUID());
    }

    Answer post(String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** A POST with any content type and raw bytes (a huge body, form data where JSON is expected). */
    Answer postRaw(String path, String contentType, byte[] body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .header("Idempotency-Key", "e2e-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /** The payment view, which must be there. */
    JsonNode payment(String paymentId) {
        Answer answer = get("/v1/payments/" + paymentId);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(EndToEndPlatform.SYNC_WAIT.plusSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json, application/problem+json");
    }

    private Answer send(HttpRequest.Builder request) {
        long logMark = console.mark();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the API did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // no request of these tests may meet a server error: say which exception it was
        assertThat(response.statusCode())
                .as(() -> response.request().method() + " " + response.request().uri() + " → server error "
                        + response.body() + "; the services logged:\n" + console.errorsSince(logMark))
                .isLessThan(500);
        return new Answer(response.statusCode(), response);
    }
}

package io.s2spay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a customer's browser does on the orders API's pages: open a page, fill in its form, press a button. */
final class OrdersBrowser {

    private static final Pattern FORM = Pattern.compile("<form id=\"([^\"]+)\" method=\"POST\" action=\"([^\"]+)\"");

    /** A page or a redirect as the browser got it. */
    record Page(int status, String body, String location) {}

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String root;

    OrdersBrowser(GatewaySandbox sandbox) {
        this.root = sandbox.baseUrl();
    }

    Page open(String url) {
        return send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : root + url.substring(1)))
                .GET()
                .build());
    }

    /** Submits the page's form with {@code fields} and the button {@code action}. */
    Page submit(Page page, Map<String, String> fields, String action) {
        Matcher form = FORM.matcher(page.body());
        assertThat(form.find()).as("the page has a form: " + page.body()).isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("action", action);
        StringJoiner encoded = new StringJoiner("&");
        all.forEach((name, value) -> encoded.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(root + form.group(2).substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded.toString()))
                .build());
    }

    /** Opens the challenge of {@code paymentId} and presses {@code action}: the redirect back to the shop. */
    Page complete(String paymentId, String action) {
        Page challenge = open("/orders-api/3ds/" + paymentId);
        assertThat(challenge.status()).isEqualTo(200);
        return submit(challenge, Map.of(), action);
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

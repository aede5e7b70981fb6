package io.s2spay.connector.opp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the shopper's browser in an asynchronous payment: follows the gateway's redirect, reads the issuer's or
 * bank's HTML page, presses a button, and reports where the browser is sent back to (the shopperResultUrl).
 */
final class ShopperBrowser {

    private static final Pattern FORM =
            Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The page the redirect leads to: an HTML form POST or a GET with the parameters in the query. */
    Page open(OppRedirect redirect) {
        StringJoiner parameters = new StringJoiner("&");
        redirect.parameters().forEach(p -> parameters.add(encode(p.name()) + "=" + encode(p.value())));
        HttpRequest request;
        if ("GET".equals(redirect.method())) {
            String separator = redirect.url().contains("?") ? "&" : "?";
            request = HttpRequest.newBuilder(URI.create(redirect.url() + separator + parameters))
                    .GET()
                    .build();
        } else {
            request = HttpRequest.newBuilder(URI.create(redirect.url()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(parameters.toString()))
                    .build();
        }
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as("redirect page %s", redirect.url()).isEqualTo(200);
        return new Page(URI.create(redirect.url()), response.body());
    }

    /** Presses the button {@code action} (approve, fail, cancel) and returns where the browser is sent. */
    URI press(Page page, String action) {
        Matcher form = FORM.matcher(page.html());
        assertThat(form.find()).as("a form on the page").isTrue();
        StringJoiner body = new StringJoiner("&");
        Matcher hidden = HIDDEN.matcher(form.group(2));
        while (hidden.find()) {
            body.add(encode(hidden.group(1)) + "=" + encode(hidden.group(2)));
        }
        body.add("action=" + encode(action));
        HttpResponse<String> response = send(HttpRequest.newBuilder(page.uri().resolve(form.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        assertThat(response.statusCode()).as("answer to pressing %s", action).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /** The query parameters of the shopper's return URL ({@code id}, {@code resourcePath}). */
    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(
                    URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An HTML page and the address it was loaded from. */
    record Page(URI uri, String html) {}
}

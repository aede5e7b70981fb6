package io.s2spay.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The shopper's browser, as far as the tests need one: it opens the redirect s2spay hands the merchant (GET or a
 * POSTed form), submits the 3-D Secure or bank page's form with the button the shopper pressed, and follows every
 * redirect by hand, so each hop (gateway → s2spay's return URL → the shop) can be checked.
 */
final class ShopperBrowser {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern LINK = Pattern.compile("<a\\b([^>]*)>");

    /** One page the browser got: where from, the HTTP status, the body and the Location of a redirect. */
    record Page(URI uri, int status, String body, URI location) {
        boolean isRedirect() {
            return status >= 300 && status < 400;
        }
    }

    /** Opens the payment view's {@code redirect} ({@code url}, {@code method}, {@code parameters}) as a browser does. */
    Page open(JsonNode redirect) {
        Map<String, String> parameters = new LinkedHashMap<>();
        redirect.path("parameters")
                .properties()
                .forEach(
                        entry -> parameters.put(entry.getKey(), entry.getValue().asString()));
        URI url = URI.create(redirect.path("url").asString());
        if ("GET".equalsIgnoreCase(redirect.path("method").asString("POST"))) {
            String query = form(parameters);
            String separator = url.toString().contains("?") ? "&" : "?";
            return get(query.isEmpty() ? url : URI.create(url + separator + query));
        }
        return postForm(url, parameters);
    }

    /** Presses the button {@code action} (approve, fail, cancel) of the page's form {@code formId}. */
    Page press(Page page, String formId, String action) {
        Matcher form = FORM.matcher(page.body());
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group(1));
            if (!formId.equals(attributes.get("id"))) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                Map<String, String> inputAttributes = attributes(input.group(1));
                if ("hidden".equals(inputAttributes.get("type"))) {
                    fields.put(inputAttributes.get("name"), inputAttributes.getOrDefault("value", ""));
                }
            }
            if (!form.group(2).contains("name=\"action\" value=\"" + action + "\"")) {
                throw new AssertionError("the form #" + formId + " has no button " + action + ": " + page.body());
            }
            fields.put("action", action);
            URI target = page.uri().resolve(attributes.getOrDefault("action", ""));
            return "GET".equalsIgnoreCase(attributes.getOrDefault("method", "GET"))
                    ? get(URI.create(target + "?" + form(fields)))
                    : postForm(target, fields);
        }
        throw new AssertionError(
                "no form #" + formId + " on " + page.uri() + " (HTTP " + page.status() + "): " + page.body());
    }

    /** Follows the link {@code id} of the page (the "return to the shop" link of a finished or timed-out session). */
    Page click(Page page, String id) {
        Matcher link = LINK.matcher(page.body());
        while (link.find()) {
            Map<String, String> attributes = attributes(link.group(1));
            if (id.equals(attributes.get("id"))) {
                return get(page.uri().resolve(attributes.get("href")));
            }
        }
        throw new AssertionError("no link #" + id + " on " + page.uri() + ": " + page.body());
    }

    /** Follows redirects from {@code first} by hand (GET, as browsers do after 302/303) and returns every page, first included. */
    List<Page> follow(Page first) {
        List<Page> pages = new ArrayList<>(List.of(first));
        Page current = first;
        while (current.isRedirect()) {
            if (pages.size() > 10) {
                throw new AssertionError("redirect loop: " + pages);
            }
            current = get(current.location());
            pages.add(current);
        }
        return pages;
    }

    Page get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private Page postForm(URI uri, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    private static Page send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html")
                    .build();
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            URI location = response.headers()
                    .firstValue("Location")
                    .map(built.uri()::resolve)
                    .orElse(null);
            return new Page(built.uri(), response.statusCode(), response.body(), location);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.put(attribute.group(1), HtmlUtils.htmlUnescape(attribute.group(2)));
        }
        return attributes;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.s2spay.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real debit through the public API once the services are up, on the second test merchant's account: it
 * proves the whole path works (command, executor, sandbox, outcome event, read model) and warms it, so that the
 * user's first payment is answered at once instead of paying for class loading, schema registration and the
 * first connections.
 */
final class WarmUpDebit {

    // TEST KEY of merchant-other (checkout-service.yml) and the sandbox's approved VISA test card (its README)
    private static final String API_KEY = "sk_test_s2spay_other_0002";
    private static final String CARD = "4200000000000000";
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z_]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RESULT_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([0-9.]+)\"");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private WarmUpDebit() {}

    /** Runs the debit and describes its outcome in one line, e.g. {@code succeeded (000.100.110) in 2.1 s}. */
    static String run(URI checkout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String body = """
                {"paymentType":"DB","amount":"1.00","currency":"EUR","paymentBrand":"VISA",\
                "merchantTransactionId":"local-stack-warm-up-%s","shopperResultUrl":"https://shop.example/return","card":{"number":"%s","holder":"Local Stack",\
                "expiryMonth":"12","expiryYear":"%d","cvv":"123"}}""".formatted(UUID.randomUUID(), CARD, Year.now().getValue() + 3);
        long begin = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(checkout.resolve("/v1/payments"))
                            .timeout(PATIENCE)
                            .header("Authorization", "Bearer " + API_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && response.statusCode() != 202) {
                return "refused: HTTP " + response.statusCode() + " " + response.body();
            }
            String answer = response.body();
            String id = find(ID, answer);
            // 202: the outcome was not there within checkout's wait (a cold start); follow the payment
            while ("pending".equals(find(STATUS, answer)) && System.nanoTime() - begin < PATIENCE.toNanos()) {
                Thread.sleep(250);
                answer = http.send(
                                HttpRequest.newBuilder(checkout.resolve("/v1/payments/" + id))
                                        .header("Authorization", "Bearer " + API_KEY)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
            }
            return String.format(
                    java.util.Locale.ROOT,
                    "%s (%s) in %.1f s",
                    find(STATUS, answer),
                    find(RESULT_CODE, answer),
                    (System.nanoTime() - begin) / 1e9);
        } catch (IOException e) {
            return "failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String find(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        return matcher.find() ? matcher.group(1) : "?";
    }
}

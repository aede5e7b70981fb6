package io.s2spay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** Request bodies of the merchant API and waiting for a payment or an operation to reach a status. */
final class Payments {

    // test cards of the gateway sandbox (its README)
    static final String APPROVED_VISA = "4200000000000000";
    static final String THREE_DS_VISA = "4711100000000000";
    static final String CVV = "739";
    static final String EXPIRY_YEAR = Integer.toString(Year.now().getValue() + 4);
    /** Longest wait for an outcome the platform reaches by itself (poller checks, expiry, retries). */
    static final Duration OUTCOME_WAIT = Duration.ofSeconds(90);

    /** Statuses a payment never leaves. */
    static final List<String> TERMINAL_FAILURES = List.of("declined", "failed", "expired");

    private Payments() {}

    static String order() {
        return "order-" + UUID.randomUUID();
    }

    /** A card payment with the sandbox's approved VISA. */
    static String card(String paymentType, String amount, String merchantTransactionId, String shopperResultUrl) {
        return card(paymentType, amount, merchantTransactionId, APPROVED_VISA, shopperResultUrl, "");
    }

    /** A card payment; {@code extra} is more JSON members (with a leading comma) or empty. */
    static String card(
            String paymentType,
            String amount,
            String merchantTransactionId,
            String number,
            String shopperResultUrl,
            String extra) {
        return """
                {"paymentType":"%s","amount":"%s","currency":"EUR","paymentBrand":"VISA","merchantTransactionId":"%s",\
                "shopperResultUrl":"%s","card":{"number":"%s","holder":"Jane Jones","expiryMonth":"05",\
                "expiryYear":"%s","cvv":"%s"}%s}""".formatted(
                        paymentType, amount, merchantTransactionId, shopperResultUrl, number, EXPIRY_YEAR, CVV, extra);
    }

    /** A bank-transfer payment (no card data). */
    static String bank(
            String paymentType, String amount, String merchantTransactionId, String brand, String shopperResultUrl) {
        return """
                {"paymentType":"%s","amount":"%s","currency":"EUR","paymentBrand":"%s","merchantTransactionId":"%s",\
                "shopperResultUrl":"%s"}""".formatted(paymentType, amount, brand, merchantTransactionId, shopperResultUrl);
    }

    /** A merchant-initiated charge of a stored card: no card data, no shopperResultUrl. */
    static String storedCardCharge(String amount, String merchantTransactionId, String storedCredentialId) {
        return """
                {"paymentType":"DB","amount":"%s","currency":"EUR","paymentBrand":"VISA","merchantTransactionId":"%s",\
                "storedCredentialId":"%s"}""".formatted(amount, merchantTransactionId, storedCredentialId);
    }

    /** Creates a payment that must come out {@code status} (201 or 202, then waiting); returns its view. */
    static JsonNode create(MerchantApi api, String body, String status) {
        MerchantApi.Answer answer = api.post("/v1/payments", body);
        assertThat(answer.status()).as(answer.body()).isIn(201, 202);
        assertThat(answer.header("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/v1/payments/" + answer.text("/id")));
        return awaitStatus(api, answer.text("/id"), status);
    }

    /** Waits until GET /v1/payments/{id} shows {@code status} (or one of several, separated by "|"). */
    static JsonNode awaitStatus(MerchantApi api, String paymentId, String status) {
        List<String> wanted = List.of(status.split("\\|"));
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await("payment " + paymentId + " " + status)
                .atMost(OUTCOME_WAIT)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode payment = api.payment(paymentId);
                    last.set(payment);
                    String current = payment.path("status").asString();
                    if (TERMINAL_FAILURES.contains(current) && !wanted.contains(current)) {
                        // nothing leaves these: say so now instead of after the whole wait
                        throw new IllegalStateException(
                                "payment " + paymentId + " ended " + current + ", expected " + status + ": " + payment);
                    }
                    assertThat(current).as(payment.toString()).isIn(wanted);
                });
        return last.get();
    }

    /**
     * Waits until GET /v1/payments/{id} shows {@code status} and {@code settled} holds of the view: for a state
     * that two events reach in either order (the initial payment's outcome and an operation's), where the status
     * alone does not say both arrived.
     */
    static JsonNode awaitPayment(MerchantApi api, String paymentId, String status, Consumer<JsonNode> settled) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await("payment " + paymentId + " " + status + " and settled")
                .atMost(OUTCOME_WAIT)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode payment = awaitStatus(api, paymentId, status);
                    last.set(payment);
                    settled.accept(payment);
                });
        return last.get();
    }

    /**
     * Posts an operation ({@code captures}, {@code refunds}…) that must succeed: 201 with status succeeded, or 202
     * pending and then succeeded; returns the operation view.
     */
    static JsonNode operate(MerchantApi api, String paymentId, String operations, String body) {
        MerchantApi.Answer answer = api.post("/v1/payments/" + paymentId + "/" + operations, body);
        assertThat(answer.status()).as(answer.body()).isIn(201, 202);
        JsonNode operation = answer.json();
        assertThat(operation.path("id").asString()).startsWith("op_");
        assertThat(operation.path("paymentId").asString()).isEqualTo(paymentId);
        assertThat(answer.header("Location"))
                .hasValueSatisfying(location -> assertThat(location)
                        .endsWith("/v1/payments/" + paymentId + "/operations/"
                                + operation.path("id").asString()));
        if (answer.status() == 201) {
            assertThat(operation.path("status").asString()).as(answer.body()).isEqualTo("succeeded");
            return operation;
        }
        assertThat(operation.path("status").asString()).as(answer.body()).isEqualTo("pending");
        return awaitOperation(api, paymentId, operation.path("id").asString(), "succeeded");
    }

    static JsonNode awaitOperation(MerchantApi api, String paymentId, String operationId, String status) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await("operation " + operationId + " " + status)
                .atMost(OUTCOME_WAIT)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    MerchantApi.Answer answer = api.get("/v1/payments/" + paymentId + "/operations/" + operationId);
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    last.set(answer.json());
                    assertThat(answer.text("/status")).as(answer.body()).isEqualTo(status);
                });
        return last.get();
    }

    /** The operations of a payment view as "type:status:amount", in the view's order. */
    static List<String> operations(JsonNode payment) {
        return payment.path("operations")
                .valueStream()
                .map(operation -> operation.path("type").asString() + ":"
                        + operation.path("status").asString() + ":"
                        + operation.path("amount").asString())
                .toList();
    }

    /** The succeeded operations only, as "type:amount". */
    static List<String> succeededOperations(JsonNode payment) {
        return payment.path("operations")
                .valueStream()
                .filter(operation -> operation.path("status").asString().equals("succeeded"))
                .map(operation -> operation.path("type").asString() + ":"
                        + operation.path("amount").asString())
                .toList();
    }

    /** Asserts the view's amounts: authorized, captured, refunded, chargedBack, net. */
    static void assertAmounts(
            JsonNode payment, String authorized, String captured, String refunded, String chargedBack, String net) {
        JsonNode amounts = payment.path("amounts");
        assertThat(List.of(
                        amounts.path("authorized").asString(),
                        amounts.path("captured").asString(),
                        amounts.path("refunded").asString(),
                        amounts.path("chargedBack").asString(),
                        amounts.path("net").asString()))
                .as("authorized, captured, refunded, chargedBack, net of " + payment)
                .containsExactly(authorized, captured, refunded, chargedBack, net);
    }

    /** Asserts one of the view's amounts ({@code captured}, {@code net}…). */
    static void assertAmount(JsonNode payment, String name, String value) {
        assertThat(payment.path("amounts").path(name).asString())
                .as(name + " of " + payment)
                .isEqualTo(value);
    }
}

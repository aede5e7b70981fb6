package io.s2spay.e2e;

import static io.s2spay.e2e.Payments.assertAmount;
import static io.s2spay.e2e.Payments.assertAmounts;
import static io.s2spay.e2e.Payments.awaitStatus;
import static io.s2spay.e2e.Payments.card;
import static io.s2spay.e2e.Payments.create;
import static io.s2spay.e2e.Payments.operate;
import static io.s2spay.e2e.Payments.order;
import static io.s2spay.e2e.Payments.storedCardCharge;
import static io.s2spay.e2e.Payments.succeededOperations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * A merchant's operations on its payments end to end through the public API only — captures, refunds,
 * reversals, chargebacks and their reversals, stored cards and merchant-initiated charges — each checked against
 * the API's views and the gateway sandbox's ledger of what was really charged; and every new endpoint's answer
 * to bad input, with nothing written and nothing sent to the gateway.
 */
class MerchantOperationsEndToEndIT {

    static final String SHOP = "https://shop.example/return";
    static final String UNKNOWN_PAYMENT = "pay_00000000000000000000000000";

    static EndToEndRun run;
    static MerchantApi demo;

    @BeforeAll
    static void startThePlatform() {
        run = EndToEndRun.start("merchant-operations", new EndToEndPlatform.Settings());
        demo = run.demo;
    }

    @AfterAll
    static void stopThePlatform() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void partialCaptureThenThreePartialRefundsUseUpTheCapturedAmountAndAFourthRefundIsRefused() {
        String order = order();
        JsonNode payment = create(demo, card("PA", "92.00", order, SHOP), "authorized");
        String id = payment.path("id").asString();
        assertAmounts(payment, "92.00", "0.00", "0.00", "0.00", "0.00");
        assertThat(run.ledger.of(order).count("PA")).isEqualTo(1);

        JsonNode capture =
                operate(demo, id, "captures", "{\"amount\":\"50.00\",\"currency\":\"EUR\",\"reference\":\"ship-1\"}");
        assertThat(capture.path("type").asString()).isEqualTo("capture");
        assertThat(capture.path("amount").asString()).isEqualTo("50.00");
        assertThat(capture.path("reference").asString()).isEqualTo("ship-1");
        assertThat(capture.path("origin").asString()).isEqualTo("api");
        payment = awaitStatus(demo, id, "partially_captured");
        assertAmounts(payment, "92.00", "50.00", "0.00", "0.00", "50.00");
        assertThat(run.ledger.of(order).count("CP")).isEqualTo(1);
        assertThat(run.ledger.of(order).total("EUR", "captured")).isEqualTo(5000);

        String[][] refunds = {
            {"20.00", "partially_refunded", "20.00", "30.00"},
            {"20.00", "partially_refunded", "40.00", "10.00"},
            {"10.00", "refunded", "50.00", "0.00"}
        };
        for (int i = 0; i < refunds.length; i++) {
            JsonNode refund = operate(
                    demo, id, "refunds", "{\"amount\":\"" + refunds[i][0] + "\",\"reference\":\"rf-" + i + "\"}");
            assertThat(refund.path("type").asString()).isEqualTo("refund");
            payment = awaitStatus(demo, id, refunds[i][1]);
            assertAmount(payment, "refunded", refunds[i][2]);
            assertAmount(payment, "net", refunds[i][3]);
            assertThat(run.ledger.of(order).count("RF")).isEqualTo(i + 1);
        }
        assertThat(succeededOperations(payment))
                .containsExactly("capture:50.00", "refund:20.00", "refund:20.00", "refund:10.00");
        assertThat(run.ledger.of(order).total("EUR", "refunded")).isEqualTo(5000);
        assertThat(run.ledger.of(order).total("EUR", "net")).isZero();

        int ledgerBefore = run.ledger.allTransactions();
        MerchantApi.Answer fourth = demo.post("/v1/payments/" + id + "/refunds", "{\"amount\":\"1.00\"}");

        assertRefusal(fourth, id, 422, "amount_exceeds_refundable", 409, "nothing_to_refund");
        assertThat(run.ledger.allTransactions())
                .as("nothing sent to the gateway")
                .isEqualTo(ledgerBefore);
        assertThat(run.ledger.of(order).count("RF")).isEqualTo(3);
        JsonNode after = demo.payment(id);
        assertThat(after.path("status").asString()).isEqualTo("refunded");
        assertThat(succeededOperations(after))
                .containsExactly("capture:50.00", "refund:20.00", "refund:20.00", "refund:10.00");
    }

    @Test
    void debitIsChargedBackAndTheChargebackReversed() {
        String order = order();
        JsonNode payment = create(demo, card("DB", "92.00", order, SHOP), "succeeded");
        String id = payment.path("id").asString();
        assertAmount(payment, "captured", "92.00");
        assertAmount(payment, "net", "92.00");

        JsonNode chargeback = operate(demo, id, "chargebacks", "{\"amount\":\"92.00\",\"currency\":\"EUR\"}");
        assertThat(chargeback.path("type").asString()).isEqualTo("chargeback");
        payment = awaitStatus(demo, id, "charged_back");
        assertAmount(payment, "chargedBack", "92.00");
        assertAmount(payment, "net", "0.00");
        assertThat(run.ledger.of(order).count("CB")).isEqualTo(1);
        assertThat(run.ledger.of(order).total("EUR", "net")).isZero();

        int ledgerBefore = run.ledger.allTransactions();
        assertRefusal(
                demo.post("/v1/payments/" + id + "/refunds", "{\"amount\":\"1.00\"}"),
                id,
                409,
                "chargeback_open",
                409,
                "chargeback_open");
        assertThat(run.ledger.allTransactions())
                .as("nothing sent to the gateway")
                .isEqualTo(ledgerBefore);

        JsonNode reversal = operate(demo, id, "chargeback-reversals", "{\"amount\":\"92.00\"}");
        assertThat(reversal.path("type").asString()).isEqualTo("chargeback_reversal");
        payment = awaitStatus(demo, id, "succeeded");
        assertAmount(payment, "net", "92.00");
        assertThat(succeededOperations(payment)).containsExactly("chargeback:92.00", "chargeback_reversal:92.00");
        assertThat(run.ledger.of(order).count("CR")).isEqualTo(1);
        assertThat(run.ledger.of(order).total("EUR", "net")).isEqualTo(9200);

        assertRefusal(
                demo.post("/v1/payments/" + id + "/chargeback-reversals", "{}"),
                id,
                409,
                "no_chargeback",
                409,
                "no_chargeback");
        assertThat(run.ledger.of(order).count("CR")).isEqualTo(1);
    }

    @Test
    void reversedPreauthorizationRefusesACapture() {
        String order = order();
        String id = create(demo, card("PA", "92.00", order, SHOP), "authorized")
                .path("id")
                .asString();

        JsonNode reversal = operate(demo, id, "reversals", "{}");
        assertThat(reversal.path("type").asString()).isEqualTo("reversal");
        assertThat(reversal.path("amount").asString()).isEqualTo("92.00");
        JsonNode payment = awaitStatus(demo, id, "reversed");
        assertThat(run.ledger.of(order).count("RV")).isEqualTo(1);

        int ledgerBefore = run.ledger.allTransactions();
        assertRefusal(
                demo.post("/v1/payments/" + id + "/captures", "{\"amount\":\"10.00\"}"),
                id,
                409,
                "already_reversed",
                409,
                "already_reversed");
        assertThat(run.ledger.allTransactions())
                .as("nothing sent to the gateway")
                .isEqualTo(ledgerBefore);
        assertThat(run.ledger.of(order).count("CP")).isZero();
        JsonNode after = demo.payment(id);
        assertThat(after.path("status").asString()).isEqualTo("reversed");
        assertThat(succeededOperations(after))
                .isEqualTo(succeededOperations(payment))
                .containsExactly("reversal:92.00");
    }

    @Test
    void storedCardIsChargedThreeTimesByTheMerchantThenDeletedAndRefused() {
        String order = order();
        JsonNode first = create(
                demo,
                card(
                        "DB",
                        "19.99",
                        order,
                        Payments.APPROVED_VISA,
                        SHOP,
                        ",\"storeCard\":true,\"storedCredentialType\":\"RECURRING\""),
                "succeeded");
        String credential = first.path("storedCredential").path("id").asString();
        assertThat(credential).as(first.toString()).isNotBlank();
        assertThat(first.path("storedCredential").path("type").asString()).isEqualTo("RECURRING");
        assertThat(run.ledger.of(order).count("DB")).isEqualTo(1);

        MerchantApi.Answer stored = demo.get("/v1/stored-credentials/" + credential);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.text("/status")).isEqualTo("active");
        assertThat(stored.text("/type")).isEqualTo("RECURRING");
        assertThat(stored.text("/paymentId")).isEqualTo(first.path("id").asString());
        assertThat(stored.text("/card/last4Digits")).isEqualTo("0000");
        assertThat(stored.body()).doesNotContain(Payments.APPROVED_VISA, "\"" + Payments.CVV + "\"");
        assertThat(run.other.get("/v1/stored-credentials/" + credential).status())
                .as("another merchant's")
                .isEqualTo(404);

        List<String> charges = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String chargeOrder = order();
            JsonNode charge = create(demo, storedCardCharge("9.99", chargeOrder, credential), "succeeded");
            assertThat(charge.path("storedCredential").path("id").asString()).isEqualTo(credential);
            assertThat(charge.path("card").path("last4Digits").asString()).isEqualTo("0000");
            assertAmount(charge, "captured", "9.99");
            assertThat(run.ledger.of(chargeOrder).count("DB"))
                    .as("charged once: " + chargeOrder)
                    .isEqualTo(1);
            assertThat(run.ledger.of(chargeOrder).total("EUR", "debited")).isEqualTo(999);
            charges.add(charge.path("id").asString());
        }
        assertThat(charges)
                .doesNotHaveDuplicates()
                .doesNotContain(first.path("id").asString());

        int ledgerBeforeForeign = run.ledger.allTransactions();
        MerchantApi.Answer foreign = run.other.post("/v1/payments", storedCardCharge("9.99", order(), credential));
        assertThat(foreign.status())
                .as("another merchant's stored card: " + foreign.body())
                .isIn(400, 404, 422);
        assertThat(run.ledger.allTransactions()).isEqualTo(ledgerBeforeForeign);
        assertThat(run.other.delete("/v1/stored-credentials/" + credential).status())
                .as("another merchant's")
                .isEqualTo(404);

        MerchantApi.Answer deleted = demo.delete("/v1/stored-credentials/" + credential);
        assertThat(deleted.status()).as(deleted.body()).isIn(200, 202);
        assertThat(deleted.text("/status")).isEqualTo(deleted.status() == 200 ? "deleted" : "deleting");
        await("stored credential deleted")
                .atMost(Payments.OUTCOME_WAIT)
                .untilAsserted(() -> assertThat(
                                demo.get("/v1/stored-credentials/" + credential).text("/status"))
                        .isEqualTo("deleted"));

        String refusedOrder = order();
        MerchantApi.Answer refused = demo.post("/v1/payments", storedCardCharge("9.99", refusedOrder, credential));
        if (refused.status() / 100 == 2) {
            // accepted for processing: then the gateway's refusal of the deleted registration must be its outcome
            await("charge of a deleted stored card")
                    .atMost(Payments.OUTCOME_WAIT)
                    .untilAsserted(() -> assertThat(demo.payment(refused.text("/id"))
                                    .path("status")
                                    .asString())
                            .isIn("declined", "failed"));
        } else {
            assertThat(refused.status()).as(refused.body()).isIn(404, 409, 422);
            assertThat(refused.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(run.ledger.of(refusedOrder).count("DB"))
                .as("nothing charged")
                .isZero();
    }

    // --- bad input on every new endpoint: a specific 4xx, the operations unchanged, nothing sent to the gateway

    static final List<String> OPERATIONS =
            List.of("captures", "refunds", "reversals", "rebills", "chargebacks", "chargeback-reversals", "receipts");

    /** The state refusals (409): a state rule may be checked before an amount rule, and is as specific. */
    static final List<String> STATE_CODES = List.of(
            "already_captured",
            "already_reversed",
            "chargeback_open",
            "not_captured",
            "payment_not_completed",
            "not_a_preauthorization",
            "nothing_to_refund",
            "no_chargeback",
            "no_pending_receipt");

    /**
     * A rejected input: the body sent, the field a 400 must name (null: any problem), and the 422 code that may
     * answer it instead when it is an amount rule rather than a shape error (null: only 400 is right).
     */
    record Bad(String what, String body, String field, String ruleCode) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Arguments> badOperationInput() {
        List<Bad> bads = List.of(
                new Bad("amount as a JSON number", "{\"amount\":10}", "amount", null),
                new Bad("amount with three decimals for EUR", "{\"amount\":\"10.001\"}", "amount", "invalid_amount"),
                new Bad("amount with one decimal for EUR", "{\"amount\":\"10.5\"}", "amount", "invalid_amount"),
                new Bad("negative amount", "{\"amount\":\"-10.00\"}", "amount", "invalid_amount"),
                new Bad("zero amount", "{\"amount\":\"0.00\"}", "amount", "invalid_amount"),
                new Bad(
                        "another currency",
                        "{\"amount\":\"10.00\",\"currency\":\"USD\"}",
                        "currency",
                        "currency_mismatch"),
                new Bad("not a currency", "{\"amount\":\"10.00\",\"currency\":\"euro\"}", "currency", null),
                new Bad("unknown field", "{\"amount\":\"10.00\",\"amout\":\"10.00\"}", "amout", null),
                new Bad("reference as a JSON object", "{\"reference\":{\"a\":1}}", "reference", null),
                new Bad("an array instead of an object", "[{\"amount\":\"10.00\"}]", null, null),
                new Bad("not JSON", "{\"amount\":", null, null));
        List<Arguments> arguments = new ArrayList<>();
        for (String operation : OPERATIONS) {
            for (Bad bad : bads) {
                arguments.add(Arguments.of(operation, bad));
            }
        }
        return arguments.stream();
    }

    /** A payment with something to capture, refund, reverse and charge back, shared by the bad-input tests. */
    static String target;

    static String targetOrder;

    static synchronized String target() {
        if (target == null) {
            targetOrder = order();
            target = create(demo, card("DB", "92.00", targetOrder, SHOP), "succeeded")
                    .path("id")
                    .asString();
        }
        return target;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badOperationInput")
    void badOperationInputIsRefusedSpecificallyAndNothingIsWritten(String operation, Bad bad) {
        String id = target();
        JsonNode before = demo.payment(id);
        int ledgerBefore = run.ledger.allTransactions();

        MerchantApi.Answer answer = demo.post("/v1/payments/" + id + "/" + operation, bad.body());

        if (bad.ruleCode() == null) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        } else {
            assertThat(answer.status()).as(answer.body()).isIn(400, 409, 422);
        }
        assertSpecific(
                answer,
                switch (answer.status()) {
                    case 400 -> bad.field();
                    case 422 -> bad.ruleCode();
                    default -> null;
                });
        if (answer.status() == 409) {
            assertThat(answer.problemCode()).as(answer.body()).isIn(STATE_CODES);
        }
        if (answer.status() != 400
                && !answer.json().path("operationId").asString().isEmpty()) {
            // a rule refusal is kept as a rejected operation (its id in the problem); nothing else may change
            assertThat(rejectedOperations(demo.payment(id)))
                    .contains(answer.json().path("operationId").asString());
            assertNothingWritten(id, withoutRejected(before), ledgerBefore, true);
            return;
        }
        assertNothingWritten(id, before, ledgerBefore);
    }

    static Stream<String> operations() {
        return OPERATIONS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void operationOnAnotherMerchantsOrAnUnknownPaymentIsNotFound(String operation) {
        String id = target();
        JsonNode before = demo.payment(id);
        int ledgerBefore = run.ledger.allTransactions();
        String body = operation.equals("rebills") ? "{\"amount\":\"1.00\"}" : "{}";

        MerchantApi.Answer foreign = run.other.post("/v1/payments/" + id + "/" + operation, body);
        MerchantApi.Answer unknown = demo.post("/v1/payments/" + UNKNOWN_PAYMENT + "/" + operation, body);

        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(targetOrder);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(foreign.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertNothingWritten(id, before, ledgerBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void hugeBodyIsRefusedAndNothingIsWritten(String operation) {
        String id = target();
        JsonNode before = demo.payment(id);
        int ledgerBefore = run.ledger.allTransactions();
        String huge = "{\"amount\":\"1.00\",\"reference\":\"" + "x".repeat(70 * 1024) + "\"}";

        MerchantApi.Answer answer = demo.postRaw(
                "/v1/payments/" + id + "/" + operation, "application/json", huge.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.body()).isIn(400, 413);
        assertNothingWritten(id, before, ledgerBefore);
    }

    @Test
    void rebillWithoutAnAmountAndAReceiptOfACardPaymentAreRefusedByTheRules() {
        String id = target();
        JsonNode before = demo.payment(id);
        int ledgerBefore = run.ledger.allTransactions();

        assertRefusal(demo.post("/v1/payments/" + id + "/rebills", "{}"), id, 422, "amount_required", 400, "amount");
        assertRefusal(
                demo.post("/v1/payments/" + id + "/receipts", "{}"),
                id,
                409,
                "no_pending_receipt",
                409,
                "no_pending_receipt");
        assertRefusal(
                demo.post("/v1/payments/" + id + "/refunds", "{\"amount\":\"92.01\"}"),
                id,
                422,
                "amount_exceeds_refundable",
                422,
                "amount_exceeds_refundable");
        assertRefusal(
                demo.post("/v1/payments/" + id + "/captures", "{}"),
                id,
                409,
                "not_a_preauthorization",
                409,
                "already_captured");

        assertThat(succeededOperations(demo.payment(id))).isEqualTo(succeededOperations(before));
        assertThat(run.ledger.allTransactions())
                .as("nothing sent to the gateway")
                .isEqualTo(ledgerBefore);
    }

    @Test
    void operationsAndStoredCredentialsOfAnotherMerchantAreNotFound() {
        String id = target();
        String operationId = demo.payment(id)
                .path("operations")
                .valueStream()
                .findFirst()
                .map(operation -> operation.path("id").asString())
                .orElse("op_00000000000000000000000000");

        assertThat(run.other.get("/v1/payments/" + id).status()).isEqualTo(404);
        assertThat(run.other
                        .get("/v1/payments/" + id + "/operations/" + operationId)
                        .status())
                .isEqualTo(404);
        assertThat(demo.get("/v1/payments/" + id + "/operations/op_00000000000000000000000000")
                        .status())
                .isEqualTo(404);
        assertThat(demo.get("/v1/stored-credentials/sc_00000000000000000000000000")
                        .status())
                .isEqualTo(404);
        assertThat(demo.delete("/v1/stored-credentials/sc_00000000000000000000000000")
                        .status())
                .isEqualTo(404);
        MerchantApi.Answer list = run.other.get("/v1/payments?merchantTransactionId=" + targetOrder);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().path("data").isEmpty())
                .as("another merchant's list: " + list.body())
                .isTrue();
    }

    @Test
    void webhookEndpointBadInputIsRefusedAndNothingIsRegistered() {
        MerchantApi.Answer before = demo.get("/v1/webhook-endpoints");
        assertThat(before.status()).as(before.body()).isEqualTo(200);

        List<MerchantApi.Answer> answers = List.of(
                demo.post("/v1/webhook-endpoints", "{\"url\":\"http://example.com/hooks\"}"),
                demo.post("/v1/webhook-endpoints", "{\"url\":\"ftp://example.com/hooks\"}"),
                demo.post("/v1/webhook-endpoints", "{\"url\":42}"),
                demo.post("/v1/webhook-endpoints", "{\"url\":\"https://example.com/hooks\",\"secret\":\"mine\"}"),
                demo.post("/v1/webhook-endpoints", "{}"));
        List<String> fields = List.of("url", "url", "url", "secret", "url");

        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).status()).as(answers.get(i).body()).isEqualTo(400);
            assertSpecific(answers.get(i), fields.get(i));
        }
        MerchantApi.Answer huge = demo.postRaw(
                "/v1/webhook-endpoints",
                "application/json",
                ("{\"url\":\"https://example.com/hooks\",\"description\":\"" + "x".repeat(70 * 1024) + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(huge.status()).as(huge.body()).isIn(400, 413);
        assertThat(run.other
                        .get("/v1/webhook-endpoints/we_00000000000000000000000000")
                        .status())
                .isEqualTo(404);
        assertThat(demo.get("/v1/webhook-endpoints").json())
                .as("nothing registered")
                .isEqualTo(before.json());
    }

    @Test
    void captureRepeatedWithItsIdempotencyKeyIsReplayedAndSentToTheGatewayOnce() {
        String order = order();
        String id = create(demo, card("PA", "92.00", order, SHOP), "authorized")
                .path("id")
                .asString();
        String key = "capture-" + java.util.UUID.randomUUID();
        String body = "{\"amount\":\"30.00\"}";

        MerchantApi.Answer first = demo.post("/v1/payments/" + id + "/captures", body, key);
        MerchantApi.Answer replay =
                demo.on(run.platform.checkoutWorker).post("/v1/payments/" + id + "/captures", body, key);

        assertThat(first.status()).as(first.body()).isIn(201, 202);
        assertThat(replay.status()).as(replay.body()).isEqualTo(first.status());
        assertThat(replay.text("/id")).isEqualTo(first.text("/id"));
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        JsonNode payment = awaitStatus(demo, id, "partially_captured");
        assertThat(succeededOperations(payment)).containsExactly("capture:30.00");
        assertThat(run.ledger.of(order).count("CP")).isEqualTo(1);

        MerchantApi.Answer otherBody = demo.post("/v1/payments/" + id + "/captures", "{\"amount\":\"31.00\"}", key);
        assertThat(otherBody.status())
                .as("same key, another request: " + otherBody.body())
                .isEqualTo(422);
        assertThat(run.ledger.of(order).count("CP")).isEqualTo(1);
    }

    // --- helpers

    static List<String> rejectedOperations(JsonNode payment) {
        return payment.path("operations")
                .valueStream()
                .filter(operation -> operation.path("status").asString().equals("rejected"))
                .map(operation -> operation.path("id").asString())
                .toList();
    }

    /** The view without its rejected operations (rule refusals, which are recorded but change nothing). */
    static JsonNode withoutRejected(JsonNode payment) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) payment.deepCopy();
        tools.jackson.databind.node.ArrayNode kept = copy.putArray("operations");
        payment.path("operations")
                .valueStream()
                .filter(operation -> !operation.path("status").asString().equals("rejected"))
                .forEach(kept::add);
        return copy;
    }

    /** A rule refusal: one of the two (status, code) pairs, problem+json, its code and the payment's id in it. */
    static void assertRefusal(
            MerchantApi.Answer answer, String paymentId, int status, String code, int altStatus, String altCode) {
        assertThat(answer.status()).as(answer.body()).isIn(status, altStatus);
        String expected = answer.status() == status ? code : altCode;
        if (answer.status() == 400) {
            assertSpecific(answer, expected);
            return;
        }
        assertThat(answer.problemCode()).as(answer.body()).isIn(code, altCode);
        assertThat(answer.json().path("code").asString()).isIn(code, altCode);
        String operationId = answer.json().path("operationId").asString();
        if (!operationId.isEmpty()) {
            // the refusal is kept as a rejected operation of the payment, never sent to the gateway
            MerchantApi.Answer operation = run.demo.get("/v1/payments/" + paymentId + "/operations/" + operationId);
            assertThat(operation.status()).as(operation.body()).isEqualTo(200);
            assertThat(operation.text("/status")).isEqualTo("rejected");
            assertThat(operation.text("/rejection/code")).isIn(code, altCode);
        }
    }

    /** A 400 names the field in {@code errors[].field}; a 409/422 carries the code; null: problem+json is enough. */
    static void assertSpecific(MerchantApi.Answer answer, String fieldOrCode) {
        assertThat(answer.header("Content-Type"))
                .as(answer.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.json().path("status").asInt()).isEqualTo(answer.status());
        if (fieldOrCode == null) {
            return;
        }
        if (answer.status() == 400) {
            assertThat(answer.json()
                            .path("errors")
                            .valueStream()
                            .map(error -> error.path("field").asString())
                            .toList())
                    .as(answer.body())
                    .anySatisfy(field -> assertThat(field).startsWith(fieldOrCode));
        } else {
            assertThat(answer.json().path("code").asString()).as(answer.body()).isEqualTo(fieldOrCode);
        }
    }

    /** The payment's view (status, amounts, operations) and the gateway's ledger are as they were. */
    static void assertNothingWritten(String paymentId, JsonNode before, int ledgerBefore) {
        assertNothingWritten(paymentId, before, ledgerBefore, false);
    }

    static void assertNothingWritten(String paymentId, JsonNode before, int ledgerBefore, boolean ignoreRejected) {
        JsonNode after = ignoreRejected ? withoutRejected(demo.payment(paymentId)) : demo.payment(paymentId);
        assertThat(after.path("operations")).as("operations").isEqualTo(before.path("operations"));
        assertThat(after.path("amounts")).isEqualTo(before.path("amounts"));
        assertThat(after.path("status")).isEqualTo(before.path("status"));
        assertThat(run.ledger.allTransactions())
                .as("nothing sent to the gateway")
                .isEqualTo(ledgerBefore);
    }
}

package io.s2spay.executor.routing;

import static org.awaitility.Awaitility.await;

import io.s2spay.sandbox.GatewaySandbox;
import io.s2spay.sandbox.tokens.TokensSandboxProperties;
import io.s2spay.schema.CardReference;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.Money;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.AuthorizePayment;
import io.s2spay.schema.command.DebitPayment;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.event.PaymentCommandRejected;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.testkit.KafkaTopicReader;
import io.s2spay.testkit.TestInfrastructure;
import io.s2spay.vault.CardDetails;
import io.s2spay.vault.CardVault;
import io.s2spay.vault.VaultedCard;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the routing tests share: merchant-demo's routing over two gateway families of the sandbox (OPP and the tokens
 * API), debit commands on vaulted cards, the outcome events and both ledgers.
 */
final class RoutedPayments {

    static final String MERCHANT = "merchant-demo";
    static final String OPP_ACCOUNT = "opp:merchant-demo";
    static final String TOKENS_ACCOUNT = "tokens:shop-se";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final CardVault vault;
    private final TransactionTemplate transactions;
    private final KafkaTopicReader topics = KafkaTopicReader.of(TestInfrastructure.get());
    private final GatewaySandbox sandbox;

    RoutedPayments(
            KafkaTemplate<String, SpecificRecord> kafka,
            CardVault vault,
            TransactionTemplate transactions,
            GatewaySandbox sandbox) {
        this.kafka = kafka;
        this.vault = vault;
        this.transactions = transactions;
        this.sandbox = sandbox;
    }

    /**
     * merchant-demo: EUR VISA to its OPP account; SEK MASTER to its tokens account, then to OPP should the tokens
     * account provably not have processed it; NOK to the tokens account alone; anything else to OPP.
     */
    static void register(DynamicPropertyRegistry registry, GatewaySandbox sandbox, String tokensBaseUrl) {
        // payment-executor.yml's OPP account merchant-demo holds the sandbox's merchant-a test keys
        registry.add("s2spay.opp.base-url", sandbox::baseUrl);
        TokensSandboxProperties.Account tokens =
                sandbox.bean(TokensSandboxProperties.class).accounts().get("tokens-a");
        registry.add("s2spay.tokens.base-url", () -> tokensBaseUrl);
        registry.add("s2spay.tokens.accounts.shop-se.publishable-key", tokens::publishableKey);
        registry.add("s2spay.tokens.accounts.shop-se.secret-key", tokens::secretKey);
        registry.add("s2spay.tokens.accounts.shop-se.webhook-secret", tokens::webhookSecret);
        String rules = "s2spay.routing.merchants." + MERCHANT + ".";
        registry.add(rules + "rules[0].brands[0]", () -> "VISA");
        registry.add(rules + "rules[0].currencies[0]", () -> "EUR");
        registry.add(rules + "rules[0].accounts[0]", () -> OPP_ACCOUNT);
        registry.add(rules + "rules[1].brands[0]", () -> "MASTER");
        registry.add(rules + "rules[1].currencies[0]", () -> "SEK");
        registry.add(rules + "rules[1].accounts[0]", () -> TOKENS_ACCOUNT);
        registry.add(rules + "rules[1].accounts[1]", () -> OPP_ACCOUNT);
        registry.add(rules + "rules[2].currencies[0]", () -> "NOK");
        registry.add(rules + "rules[2].accounts[0]", () -> TOKENS_ACCOUNT);
        registry.add(rules + "default-accounts[0]", () -> OPP_ACCOUNT);
    }

    /** A debit of {@code amountMinor} on a newly vaulted card. */
    PaymentCommandEnvelope debit(String cardNumber, long amountMinor, String currency) {
        return command(cardNumber, amountMinor, currency, false);
    }

    /** A pre-authorization of {@code amountMinor} on a newly vaulted card. */
    PaymentCommandEnvelope authorize(String cardNumber, long amountMinor, String currency) {
        return command(cardNumber, amountMinor, currency, true);
    }

    private PaymentCommandEnvelope command(String cardNumber, long amountMinor, String currency, boolean authorize) {
        VaultedCard card = transactions.execute(
                status -> vault.store(MERCHANT, new CardDetails(cardNumber, "Jane Doe", 12, 2030, "123")));
        Money amount = new Money(amountMinor, currency);
        String merchantTransactionId = "order-" + UUID.randomUUID();
        CardReference reference = new CardReference(
                card.vaultId(),
                new CardSummary(card.bin(), card.last4Digits(), card.brand(), card.expiryMonth(), card.expiryYear()));
        Object payload = authorize
                ? AuthorizePayment.newBuilder()
                        .setAmount(amount)
                        .setPaymentBrand(card.brand())
                        .setMerchantTransactionId(merchantTransactionId)
                        .setCard(reference)
                        .build()
                : DebitPayment.newBuilder()
                        .setAmount(amount)
                        .setPaymentBrand(card.brand())
                        .setMerchantTransactionId(merchantTransactionId)
                        .setCard(reference)
                        .build();
        return PaymentCommandEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId("pay_" + UUID.randomUUID().toString().replace("-", ""))
                .setMerchantId(MERCHANT)
                .setOccurredAt(Instant.now())
                .setCorrelationId("corr-" + UUID.randomUUID())
                .setPayload(payload)
                .build();
    }

    void send(PaymentCommandEnvelope command) {
        kafka.send(Topics.PAYMENT_COMMANDS, command.getPaymentId(), command).join();
    }

    /** The payment's first event: its outcome, or its rejection. */
    PaymentEventEnvelope awaitOutcome(String paymentId) {
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> topics.readValues(Topics.PAYMENT_EVENTS, PaymentEventEnvelope.class).stream()
                                .filter(event -> event.getPaymentId().equals(paymentId))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    static boolean isRejection(PaymentEventEnvelope event) {
        return event.getPayload() instanceof PaymentCommandRejected;
    }

    static String merchantTransactionId(PaymentCommandEnvelope command) {
        return command.getPayload() instanceof AuthorizePayment pa
                ? pa.getMerchantTransactionId()
                : ((DebitPayment) command.getPayload()).getMerchantTransactionId();
    }

    /** Successful OPP transactions under the reference (the sandbox's OPP ledger). */
    int oppCharges(String merchantTransactionId) {
        JsonNode ledger = get("sandbox/ledger?merchantTransactionId="
                + URLEncoder.encode(merchantTransactionId, StandardCharsets.UTF_8));
        int count = 0;
        for (JsonNode entity : ledger.path("entities")) {
            count += entity.path("transactions").size();
        }
        return count;
    }

    /** Succeeded payments under the reference at the tokens API (its ledger). */
    int tokensCharges(String reference) {
        JsonNode ledger =
                get("sandbox/tokens/ledger?reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8));
        int count = 0;
        for (JsonNode account : ledger.path("accounts")) {
            count += account.path("payments").size();
        }
        return count;
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

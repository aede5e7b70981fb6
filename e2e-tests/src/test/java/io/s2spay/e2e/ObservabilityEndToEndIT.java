package io.s2spay.e2e;

import static io.s2spay.e2e.Payments.card;
import static io.s2spay.e2e.Payments.create;
import static io.s2spay.e2e.Payments.operate;
import static io.s2spay.e2e.Payments.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.schema.Topics;
import io.s2spay.testkit.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard ({@code observability/grafana/dashboards/s2spay.json}) shows what the services really
 * export: after payments, a back-office operation, a merchant webhook, a refused command and a dead letter, every
 * metric its queries name is on some service's {@code /actuator/prometheus}, with every label the queries group by.
 */
class ObservabilityEndToEndIT {

    static final Path DASHBOARD = Path.of("..", "observability", "grafana", "dashboards", "s2spay.json");
    /** Labels Prometheus adds when it scrapes (prometheus.yml's job per service), not the services. */
    static final Set<String> SCRAPE_LABELS = Set.of("job", "instance");

    static final Pattern METRIC = Pattern.compile("\\b((?:s2spay|kafka|http)_[a-z0-9_]+)\\b");
    static final Pattern GROUPING = Pattern.compile("\\bby \\(([^)]*)\\)");
    static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)})? ", Pattern.MULTILINE);
    static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    static EndToEndRun run;
    static WebhookReceiver receiver;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startThePlatform() {
        receiver = WebhookReceiver.start();
        run = EndToEndRun.start(
                "observability",
                new EndToEndPlatform.Settings().merchantWebhooks(Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stopThePlatform() {
        if (run != null) {
            run.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void everyMetricAndLabelTheDashboardQueriesIsExportedByTheServices() throws Exception {
        MerchantApi.Answer endpoint = run.demo.post("/v1/webhook-endpoints", "{\"url\":\"" + receiver.url() + "\"}");
        assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
        create(run.demo, card("DB", "12.00", order(), "https://shop.example/return"), "succeeded");
        String authorized = create(run.demo, card("PA", "30.00", order(), "https://shop.example/return"), "authorized")
                .path("id")
                .asString();
        operate(run.demo, authorized, "captures", "{\"amount\":\"30.00\",\"currency\":\"EUR\"}");
        commandForAMerchantWithNoGatewayAccount();
        recordThatCannotBeDecoded(Topics.BACKOFFICE_COMMANDS);

        Map<String, List<String>> queried = dashboardQueries();
        assertThat(queried).as("metrics the dashboard queries").isNotEmpty();
        await("every metric the dashboard queries exported")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Set<String>> exported = exportedLabelsByMetric();
                    queried.forEach((metric, groupedBy) -> {
                        assertThat(exported)
                                .as("%s, which the dashboard queries", metric)
                                .containsKey(metric);
                        assertThat(exported.get(metric))
                                .as("labels of %s the dashboard groups by", metric)
                                .containsAll(groupedBy.stream()
                                        .filter(label -> !SCRAPE_LABELS.contains(label))
                                        .toList());
                    });
                });
    }

    /** Each query's metric and the labels its {@code by (...)} names. */
    static Map<String, List<String>> dashboardQueries() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        Map<String, List<String>> queried = new LinkedHashMap<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asString();
                List<String> groupedBy = new ArrayList<>();
                Matcher grouping = GROUPING.matcher(expr);
                while (grouping.find()) {
                    for (String label : grouping.group(1).split(",")) {
                        groupedBy.add(label.strip());
                    }
                }
                Matcher metric = METRIC.matcher(expr);
                while (metric.find()) {
                    queried.computeIfAbsent(metric.group(1), name -> new ArrayList<>())
                            .addAll(groupedBy);
                }
            }
        }
        return queried;
    }

    /** Every series name on the services' scrape pages, with the labels it has anywhere. */
    private Map<String, Set<String>> exportedLabelsByMetric() throws Exception {
        Map<String, Set<String>> exported = new LinkedHashMap<>();
        for (ConfigurableApplicationContext service : List.of(
                run.platform.checkoutApi,
                run.platform.checkoutWorker,
                run.platform.executor,
                run.platform.poller,
                run.platform.backoffice)) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode())
                    .as(service.getId() + " /actuator/prometheus")
                    .isEqualTo(200);
            Matcher series = SERIES.matcher(page.body());
            while (series.find()) {
                Set<String> labels = exported.computeIfAbsent(series.group(1), name -> new LinkedHashSet<>());
                if (series.group(2) != null) {
                    Matcher label = LABEL.matcher(series.group(2));
                    while (label.find()) {
                        labels.add(label.group(1));
                    }
                }
            }
        }
        return exported;
    }

    /** A debit command whose merchant has no gateway account: the executor refuses it (PaymentCommandRejected). */
    private static void commandForAMerchantWithNoGatewayAccount() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        ConfluentCompatibleJavaClient.Latest latest = new ConfluentCompatibleJavaClient(
                        infrastructure.registryCompatUrl())
                .latest(Topics.valueSubject(Topics.PAYMENT_COMMANDS));
        org.apache.avro.Schema envelope = latest.schema();
        org.apache.avro.Schema debit = envelope.getField("payload").schema().getTypes().stream()
                .filter(type -> type.getName().equals("DebitPayment"))
                .findFirst()
                .orElseThrow();
        org.apache.avro.generic.GenericRecord money = new org.apache.avro.generic.GenericData.Record(
                debit.getField("amount").schema());
        money.put("amountMinor", 1200L);
        money.put("currency", "EUR");
        org.apache.avro.generic.GenericRecord payload = new org.apache.avro.generic.GenericData.Record(debit);
        payload.put("amount", money);
        payload.put("paymentBrand", "VISA");
        payload.put("merchantTransactionId", "observability-" + java.util.UUID.randomUUID());
        payload.put("registrationId", "8a82944a00000000000000000000000");
        payload.put("createRegistration", false);
        org.apache.avro.generic.GenericRecord command = new org.apache.avro.generic.GenericData.Record(envelope);
        String paymentId =
                "pay_observability_" + java.util.UUID.randomUUID().toString().replace("-", "");
        command.put("messageId", java.util.UUID.randomUUID().toString());
        command.put("paymentId", paymentId);
        command.put("merchantId", "merchant-without-accounts");
        command.put("occurredAt", System.currentTimeMillis());
        command.put("correlationId", java.util.UUID.randomUUID().toString());
        command.put("payload", payload);
        send(Topics.PAYMENT_COMMANDS, paymentId, ConfluentCompatibleJavaClient.encode(latest.id(), command));
    }

    /** Bytes that are not the Confluent wire format: the consumer dead-letters them. */
    private static void recordThatCannotBeDecoded(String topic) throws Exception {
        send(topic, "pay_observability_poison", "not avro".getBytes(StandardCharsets.UTF_8));
    }

    private static void send(String topic, String key, byte[] value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }
}

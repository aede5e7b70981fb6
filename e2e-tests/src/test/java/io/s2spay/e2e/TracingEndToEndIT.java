package io.s2spay.e2e;

import static io.s2spay.e2e.Payments.awaitStatus;
import static io.s2spay.e2e.Payments.card;
import static io.s2spay.e2e.Payments.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.s2spay.schema.Topics;
import io.s2spay.testkit.KafkaTopicReader;
import io.s2spay.testkit.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * One payment is one trace: the merchant's HTTP request (with its own W3C {@code traceparent}), the command through
 * checkout's outbox to Kafka, the executor's handling and its gateway call, the outcome event through the executor's
 * outbox, and checkout's read model consuming it, all in the trace the merchant started.
 */
class TracingEndToEndIT {

    static EndToEndRun run;

    @BeforeAll
    static void startThePlatform() {
        run = EndToEndRun.start("tracing", new EndToEndPlatform.Settings());
    }

    @AfterAll
    static void stopThePlatform() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void aDebitIsOneTraceFromTheMerchantsRequestThroughTheOutboxHopsToTheReadModel() throws Exception {
        String traceId = randomHex(16);
        int port = ((WebServerApplicationContext) run.platform.checkoutApi)
                .getWebServer()
                .getPort();
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/payments"))
                                .header("Authorization", "Bearer " + MerchantApi.DEMO_KEY)
                                .header("Content-Type", "application/json")
                                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        card("DB", "21.00", order(), "https://shop.example/return")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isIn(201, 202);
        String paymentId =
                JsonMapper.builder().build().readTree(created.body()).get("id").asString();
        awaitStatus(run.demo, paymentId, "succeeded");

        await("the payment's spans in trace " + traceId)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<SpanData> trace = RecordedSpans.INSTANCE.ofTrace(traceId);
                    List<String> seen = trace.stream()
                            .map(span -> RecordedSpans.service(span) + " " + span.getKind() + " " + span.getName())
                            .toList();
                    assertThat(trace).as("checkout's HTTP request in %s", seen).anySatisfy(span -> {
                        assertThat(RecordedSpans.service(span)).isEqualTo("checkout-service");
                        assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                    });
                    assertThat(trace)
                            .as("the executor's handling of the command in %s", seen)
                            .anySatisfy(span -> {
                                assertThat(RecordedSpans.service(span)).isEqualTo("payment-executor");
                                assertThat(span.getName()).isEqualTo(Topics.PAYMENT_COMMANDS + " process");
                            });
                    assertThat(trace)
                            .as("the executor's gateway call in %s", seen)
                            .anySatisfy(span -> {
                                assertThat(RecordedSpans.service(span)).isEqualTo("payment-executor");
                                assertThat(span.getName()).isEqualTo("opp submit");
                            });
                    assertThat(trace)
                            .as("checkout's read model consuming the outcome in %s", seen)
                            .anySatisfy(span -> {
                                assertThat(RecordedSpans.service(span)).isEqualTo("checkout-service");
                                assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                                assertThat(span.getName()).contains(Topics.PAYMENT_EVENTS);
                            });
                });

        List<ConsumerRecord<String, byte[]>> hops = new java.util.ArrayList<>();
        KafkaTopicReader reader = KafkaTopicReader.of(TestInfrastructure.get());
        for (String topic : List.of(Topics.PAYMENT_COMMANDS, Topics.PAYMENT_EVENTS)) {
            for (ConsumerRecord<byte[], byte[]> record : reader.readRaw(topic)) {
                if (paymentId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                    hops.add(new ConsumerRecord<>(
                            topic, record.partition(), record.offset(), paymentId, record.value()));
                    hops.getLast().headers().add(record.headers().lastHeader("traceparent"));
                }
            }
        }
        assertThat(hops).as("the payment's command and events").hasSizeGreaterThanOrEqualTo(3);
        assertThat(hops).allSatisfy(record -> {
            Header traceparent = record.headers().lastHeader("traceparent");
            assertThat(traceparent)
                    .as("traceparent of %s@%s", record.topic(), record.offset())
                    .isNotNull();
            assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).contains("-" + traceId + "-");
        });
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

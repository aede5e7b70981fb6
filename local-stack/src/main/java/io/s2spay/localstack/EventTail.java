package io.s2spay.localstack;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.s2spay.schema.Topics;
import io.s2spay.schema.serde.AvroSerdeProperties;
import io.s2spay.schema.serde.RegistryLookups;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./s2spay events [topic...] [--all]}: prints the records of s2spay topics from the beginning and follows them,
 * values decoded through the registry (Avro → JSON); undecodable values (dead letters) are shown with their reason.
 */
final class EventTail {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final List<String> SHOWN_HEADERS =
            List.of("eventType", "kafka_dlt-exception-fqcn", "kafka_dlt-exception-message");

    /** The registry client logs through java.util.logging; kept referenced so its level stays set. */
    private static final java.util.logging.Logger REGISTRY_CLIENT_LOG =
            java.util.logging.Logger.getLogger("io.apicurio");

    private EventTail() {}

    static void main(String[] args) {
        String bootstrap = "127.0.0.1:" + LocalStack.KAFKA_PORT;
        String registry = "http://127.0.0.1:" + LocalStack.REGISTRY_PORT + "/apis/registry/v3";
        List<String> topics = new ArrayList<>();
        boolean all = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--all" -> all = true;
                case "--bootstrap-servers" -> bootstrap = value(args, ++i);
                case "--registry" -> registry = value(args, ++i);
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new LocalStack.LocalStackException(
                                "unknown option " + args[i]
                                        + "; usage: ./s2spay events [topic...] [--all] [--bootstrap-servers H:P] [--registry URL]");
                    }
                    topics.add(args[i]);
                }
            }
        }
        if (topics.isEmpty() && !all) {
            topics.add(Topics.PAYMENT_EVENTS);
        }
        follow(bootstrap, registry, topics, all);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new LocalStack.LocalStackException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static void follow(String bootstrap, String registry, List<String> topics, boolean all) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "s2spay-events-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                5000);
        REGISTRY_CLIENT_LOG.setLevel(java.util.logging.Level.SEVERE);
        AvroKafkaDeserializer<Object> avro = new AvroKafkaDeserializer<>(RegistryLookups.facade(registry));
        avro.configure(new HashMap<>(AvroSerdeProperties.forRegistry(registry)), false);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.wakeup();
            try {
                main.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        if (all) {
            consumer.subscribe(Pattern.compile("s2spay\\..*"));
        } else {
            consumer.subscribe(topics);
        }
        System.err.println("s2spay: following " + (all ? "every s2spay.* topic" : String.join(", ", topics)) + " on "
                + bootstrap + " from the beginning (Ctrl-C to stop)");
        try (consumer) {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    System.out.println(describe(record, avro));
                }
                System.out.flush();
            }
        } catch (WakeupException stopping) {
            // Ctrl-C
        } finally {
            avro.close();
        }
    }

    static String describe(ConsumerRecord<String, byte[]> record, AvroKafkaDeserializer<Object> avro) {
        StringBuilder line = new StringBuilder()
                .append(TIME.format(Instant.ofEpochMilli(record.timestamp())))
                .append(' ')
                .append(record.topic())
                .append('[')
                .append(record.partition())
                .append("]@")
                .append(record.offset())
                .append(" key=")
                .append(record.key());
        for (Header header : record.headers()) {
            if (SHOWN_HEADERS.contains(header.key()) && header.value() != null) {
                line.append(' ')
                        .append(header.key())
                        .append('=')
                        .append(new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        byte[] value = record.value();
        if (value == null) {
            return line.append(" (tombstone)").toString();
        }
        try {
            return line.append(' ')
                    .append(avro.deserialize(record.topic(), value))
                    .toString();
        } catch (RuntimeException e) {
            return line.append(" <")
                    .append(value.length)
                    .append(" bytes, not decodable: ")
                    .append(e.getMessage())
                    .append('>')
                    .toString();
        }
    }
}

package io.s2spay.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker on fixed ports, run as a child JVM from the Kafka jars on this program's class
 * path: storage formatted with {@code kafka.tools.StorageTool}, then {@code kafka.Kafka server.properties}.
 */
final class KafkaBroker {

    private static final Pattern STARTED = Pattern.compile("Kafka Server started");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private KafkaBroker() {}

    /** The broker's configuration: one combined broker/controller node, every internal topic with one replica. */
    static Map<String, String> serverProperties(int port, int controllerPort, Path logDirectory, int partitions) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.put("log.dirs", logDirectory.toAbsolutePath().toString());
        properties.put("num.partitions", Integer.toString(partitions));
        properties.put("auto.create.topics.enable", "true");
        properties.put("offsets.topic.replication.factor", "1");
        // fewer internal partitions: the first consumer groups form in milliseconds, not seconds
        properties.put("offsets.topic.num.partitions", "10");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "10");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    /**
     * Formats a new storage directory under {@code directory} and starts the broker; returns once it is started.
     * Every process is handed to {@code started} as soon as it exists, so that whoever stops the stack can stop it.
     */
    static ChildProcess start(
            Path java,
            String classPath,
            Path directory,
            Path logFile,
            int port,
            int controllerPort,
            List<String> jvmOptions,
            Consumer<ChildProcess> started) {
        try {
            Files.createDirectories(directory);
            Path properties = directory.resolve("server.properties");
            Files.writeString(
                    properties,
                    serverProperties(port, controllerPort, directory.resolve("data"), 3).entrySet().stream()
                            .map(entry -> entry.getKey() + "=" + entry.getValue())
                            .collect(Collectors.joining("\n", "# written by the s2spay local stack\n", "\n")));
            Path log4j = directory.resolve("log4j2.properties");
            Files.writeString(log4j, """
                    status = warn
                    appender.out.type = Console
                    appender.out.name = out
                    appender.out.layout.type = PatternLayout
                    appender.out.layout.pattern = [%d] %p %m (%c)%n
                    rootLogger.level = info
                    rootLogger.appenderRef.out.ref = out
                    logger.controller.name = org.apache.kafka.controller
                    logger.controller.level = warn
                    logger.coordinator.name = org.apache.kafka.coordinator
                    logger.coordinator.level = warn
                    """);
            List<String> jvm = new ArrayList<>(
                    List.of(java.toString(), "-cp", classPath, "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath()));
            jvm.addAll(jvmOptions);

            List<String> format = new ArrayList<>(jvm);
            format.addAll(List.of(
                    "kafka.tools.StorageTool",
                    "format",
                    "-t",
                    Uuid.randomUuid().toString(),
                    "-c",
                    properties.toString(),
                    "--ignore-formatted"));
            ChildProcess formatter = ChildProcess.start(
                    "kafka-storage-format",
                    format,
                    directory,
                    Map.of(),
                    logFile.resolveSibling("kafka-storage-format.log"),
                    null);
            started.accept(formatter);
            int exit = formatter.awaitExit(Duration.ofSeconds(60));
            if (exit != 0) {
                throw new IllegalStateException(
                        "formatting Kafka's storage failed with exit code " + exit + ":\n" + formatter.tail());
            }

            List<String> server = new ArrayList<>(jvm);
            server.addAll(List.of("-Xms256m", "-Xmx512m", "kafka.Kafka", properties.toString()));
            ChildProcess broker = ChildProcess.start("kafka", server, directory, Map.of(), logFile, STARTED);
            started.accept(broker);
            broker.awaitReadyLine(START_TIMEOUT);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka broker in " + directory, e);
        }
    }
}

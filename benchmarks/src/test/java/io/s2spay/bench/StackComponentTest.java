package io.s2spay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command lines as ./s2spay up starts them (taken from a running local stack, shortened). */
class StackComponentTest {

    static final String JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";
    static final String AGENT = "-javaagent:/work/main/.local/run/s2spay-parent-watchdog-3793f82b27f09fa9.jar=16889";

    static List<String> service(String module) {
        return List.of(
                JAVA,
                "-XX:+UseSerialGC",
                "-Xms64m",
                "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError",
                AGENT,
                "-jar",
                "/work/main/" + module + "/target/" + module + "-0.1.0-SNAPSHOT-exec.jar",
                "--spring.profiles.active=local");
    }

    static final List<String> LAUNCHER = List.of(
            JAVA, "-XX:+UseSerialGC", "-Xmx256m", "-jar", "local-stack/target/local-stack-0.1.0-SNAPSHOT.jar", "up");

    static final List<String> KAFKA = List.of(
            JAVA,
            "-cp",
            "/work/main/local-stack/target/local-stack-0.1.0-SNAPSHOT.jar:/root/.m2/repository/org/apache/kafka/kafka_2.13/4.1.0/kafka_2.13-4.1.0.jar",
            "-Dlog4j2.configurationFile=/work/main/.local/run/kafka/log4j2.properties",
            "-XX:+UseSerialGC",
            AGENT,
            "-Xms256m",
            "-Xmx512m",
            "kafka.Kafka",
            "/work/main/.local/run/kafka/server.properties");

    static final List<String> REGISTRY = List.of(
            JAVA,
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xmx192m",
            "-Dquarkus.http.port=18080",
            "-Dapicurio.datasource.url=jdbc:postgresql://127.0.0.1:54329/registry",
            "-jar",
            "/root/.cache/s2spay/apicurio-registry-3.3.3/quarkus-run.jar");

    static final List<String> POSTMASTER = List.of(
            "/tmp/embedded-pg/PG-59e8d331a924ec3d78c088ab74e1aede/bin/postgres",
            "-D",
            "/work/main/.local/run/postgres",
            "-p",
            "54329");

    static final List<String> POSTGRES_REAPER = List.of(
            "/bin/sh",
            "-c",
            "jvm=$1; data=$2\nwhile kill -0 \"$jvm\"; do sleep 1; done\nkill -INT $(head -n 1 \"$data/postmaster.pid\")",
            "s2spay-postgres-reaper",
            "16889",
            "/work/main/.local/run/postgres",
            "keep");

    @Test
    void recognisesTheFourServicesAndTheSandboxByTheirExecJars() {
        assertThat(StackComponent.recognise(service("checkout-service"))).isEqualTo(StackComponent.CHECKOUT_SERVICE);
        assertThat(StackComponent.recognise(service("payment-executor"))).isEqualTo(StackComponent.PAYMENT_EXECUTOR);
        assertThat(StackComponent.recognise(service("status-poller"))).isEqualTo(StackComponent.STATUS_POLLER);
        assertThat(StackComponent.recognise(service("backoffice-service")))
                .isEqualTo(StackComponent.BACKOFFICE_SERVICE);
        assertThat(StackComponent.recognise(service("gateway-sandbox"))).isEqualTo(StackComponent.GATEWAY_SANDBOX);
    }

    @Test
    void theBrokerIsKafkaThoughItRunsFromTheLaunchersJar() {
        assertThat(StackComponent.recognise(KAFKA)).isEqualTo(StackComponent.KAFKA);
        assertThat(StackComponent.recognise(LAUNCHER)).isEqualTo(StackComponent.LOCAL_STACK);
    }

    @Test
    void recognisesTheRegistryAndThePostgresProcesses() {
        assertThat(StackComponent.recognise(REGISTRY)).isEqualTo(StackComponent.REGISTRY);
        assertThat(StackComponent.recognise(POSTMASTER)).isEqualTo(StackComponent.POSTGRES);
        assertThat(StackComponent.recognise(List.of("postgres: io worker 0"))).isEqualTo(StackComponent.POSTGRES);
        assertThat(StackComponent.recognise(List.of("postgres: s2spay s2spay 127.0.0.1(50412) idle")))
                .isEqualTo(StackComponent.POSTGRES);
    }

    @Test
    void otherProcessesAreNoneOfThem() {
        // the reaper's script names the postmaster, but it is a shell: it belongs to its parent, the launcher
        assertThat(StackComponent.recognise(POSTGRES_REAPER)).isNull();
        assertThat(StackComponent.recognise(List.of("/bin/sh", "./s2spay", "up")))
                .isNull();
        assertThat(StackComponent.recognise(
                        List.of(JAVA, "-jar", "local-stack/target/local-stack-0.1.0-SNAPSHOT.jar", "events")))
                .isNull();
        assertThat(StackComponent.recognise(List.of(JAVA, "-jar", "/opt/other/quarkus-run.jar")))
                .isNull();
        assertThat(StackComponent.recognise(List.of(JAVA, "-jar", "checkout-service-0.1.0-SNAPSHOT.jar")))
                .isNull();
        assertThat(StackComponent.recognise(List.of())).isNull();
    }
}

package io.s2spay.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Main class of a child JVM that starts the test infrastructure and says where it runs; then either exits with
 * a Spring context open (that uses PostgreSQL and Kafka while closing, as an outbox relay does) or waits to be killed.
 */
final class InfrastructureChild {

    private InfrastructureChild() {}

    public static void main(String[] args) throws InterruptedException {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        System.out.println("JDBC=" + infrastructure.jdbcUrl());
        System.out.println("REGISTRY=" + infrastructure.registryUrl());
        if (args.length > 0 && args[0].equals("exit")) {
            GenericApplicationContext context = new GenericApplicationContext();
            context.registerBean(SlowClosingClient.class, () -> new SlowClosingClient(infrastructure));
            context.refresh();
            context.registerShutdownHook();
            System.out.println("READY");
            System.out.flush();
            awaitGoFromParent();
            System.exit(0);
        }
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static void awaitGoFromParent() {
        try {
            new java.io.BufferedReader(
                            new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                    .readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Closes slowly and needs the database and the broker to do it, like a relay flushing its last batch. */
    static final class SlowClosingClient implements DisposableBean {

        private final TestInfrastructure infrastructure;

        SlowClosingClient(TestInfrastructure infrastructure) {
            this.infrastructure = infrastructure;
        }

        @Override
        public void destroy() throws Exception {
            Thread.sleep(1_000); // a slow close: the servers' own shutdown would win any race in this time
            try (Connection connection = DriverManager.getConnection(
                            infrastructure.jdbcUrl(), infrastructure.jdbcUsername(), infrastructure.jdbcPassword());
                    Statement statement = connection.createStatement();
                    Admin admin = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                            infrastructure.kafkaBootstrapServers(),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                            3_000,
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                            3_000))) {
                statement.execute("SELECT 1");
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                System.out.println("CLOSED-WITH-INFRASTRUCTURE");
            } catch (Exception e) {
                System.out.println("CLOSED-WITHOUT-INFRASTRUCTURE " + e);
            }
            System.out.flush();
        }
    }
}

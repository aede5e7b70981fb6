package io.s2spay.localstack;

import io.s2spay.testkit.ApicurioRegistryServer;
import io.s2spay.testkit.EmbeddedPostgresServer;
import io.s2spay.testkit.ParentWatchdogAgent;
import io.s2spay.testkit.RegistryStorage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole platform on this machine without Docker, on the ports the services' configuration defaults to:
 * PostgreSQL and the registry started as the tests start them (test kit), a KRaft broker, the gateway sandbox and
 * the four services as child JVMs. State lives in {@code .local/run} (thrown away at the next start), logs in
 * {@code .local/logs}. A shutdown hook stops everything, applications first, on Ctrl-C or SIGTERM; the child JVMs
 * also end by themselves if this JVM is killed.
 */
final class LocalStack {

    static final String VERSION = "0.1.0-SNAPSHOT";
    static final int POSTGRES_PORT = 54329;
    static final int KAFKA_PORT = 19092;
    static final int KAFKA_CONTROLLER_PORT = 19093;
    static final int REGISTRY_PORT = 18080;
    static final int SANDBOX_PORT = 8090;
    // TEST CREDENTIALS — the local stack's database account, the default of every service's configuration
    static final String DATABASE_USER = "s2spay";
    static final String DATABASE_PASSWORD = "s2spay";
    /** The registry's own database on the same PostgreSQL server. */
    static final String REGISTRY_DATABASE = "registry";

    /** A Spring Boot application of the project, run from its executable jar. */
    record Application(String module, int port, String what) {

        Path jar(Path root) {
            return root.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
        }

        URI health() {
            return URI.create("http://127.0.0.1:" + port + "/actuator/health");
        }
    }

    /** The Spring profile every application runs with here (and in docker-compose.yml): {@code <module>-local.yml}. */
    static final String PROFILE = "local";

    static final Application SANDBOX = new Application(
            "gateway-sandbox", SANDBOX_PORT, "OPP, orders and tokens APIs' simulation, ledger at /sandbox/ledger");
    static final List<Application> SERVICES = List.of(
            new Application("checkout-service", 8080, "public API POST/GET /v1/payments, OpenAPI /v3/api-docs"),
            new Application("payment-executor", 8081, "runs payment commands against the gateway"),
            new Application("status-poller", 8082, "resolves payments whose outcome is not final"),
            new Application("backoffice-service", 8083, "captures, refunds, reversals, balances"));

    private static final Duration APPLICATION_START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration APPLICATION_STOP_GRACE = Duration.ofSeconds(30);

    private final Path root;
    private final Path run;
    private final Path logs;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final List<ChildProcess> applications = Collections.synchronizedList(new ArrayList<>());
    private final List<ChildProcess> infrastructure = Collections.synchronizedList(new ArrayList<>());
    private volatile EmbeddedPostgresServer postgres;
    private volatile ApicurioRegistryServer registry;
    private volatile boolean stopping;
    private final boolean infrastructureOnly;
    private Path watchdogAgent;
    private final AotCache aotCache;

    /** {@code infrastructureOnly}: PostgreSQL, Kafka, the registry and the sandbox, for services run from an IDE. */
    LocalStack(Path root, boolean infrastructureOnly) {
        this.infrastructureOnly = infrastructureOnly;
        this.root = root.toAbsolutePath().normalize();
        this.run = this.root.resolve(".local").resolve("run");
        this.logs = this.root.resolve(".local").resolve("logs");
        this.aotCache = new AotCache(java, this.root.resolve(".local").resolve("aot"));
    }

    /** Starts everything, prints where each part listens, and returns; the shutdown hook stops it all. */
    void start() {
        long begin = System.nanoTime();
        checkJarsAreBuilt();
        stopOrphanedPostgres();
        checkPortsAreFree();
        prepareDirectories();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "s2spay-local-stack-stop"));
        watchdogAgent = ParentWatchdogAgent.agentJar(run);

        say("starting PostgreSQL, Kafka, the registry and the gateway sandbox ...");
        try (ExecutorService starters = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().daemon().name("start-", 1).factory())) {
            CompletableFuture<String> database = timed(starters, "PostgreSQL", this::startPostgres);
            List<CompletableFuture<String>> infra = List.of(
                    database,
                    timed(starters, "Kafka", this::startKafka),
                    // the registry keeps its schemas in PostgreSQL, as in docker-compose.yml
                    database.thenCompose(started -> timed(starters, "registry", this::startRegistry)),
                    timed(starters, SANDBOX.module(), () -> startApplication(SANDBOX)));
            say(joinAll(infra));
            if (infrastructureOnly) {
                printSummary(Duration.ofNanos(System.nanoTime() - begin));
                watchForUnexpectedExits();
                return;
            }
            say("starting "
                    + String.join(
                            ", ", SERVICES.stream().map(Application::module).toList()) + " ...");
            say(joinAll(SERVICES.stream()
                    .map(service -> timed(starters, service.module(), () -> startApplication(service)))
                    .toList()));
        }
        String warmUp = WarmUpDebit.run(
                URI.create("http://127.0.0.1:" + SERVICES.getFirst().port()));
        say("end-to-end check, a debit on merchant-other's account: " + warmUp);
        if (!warmUp.startsWith("succeeded")) {
            say("the platform is running but a payment did not succeed: see " + root.relativize(logs) + "/*.log");
        }
        printSummary(Duration.ofNanos(System.nanoTime() - begin));
        watchForUnexpectedExits();
    }

    private List<Application> applicationsToRun() {
        return infrastructureOnly
                ? List.of(SANDBOX)
                : Stream.concat(Stream.of(SANDBOX), SERVICES.stream()).toList();
    }

    private void checkJarsAreBuilt() {
        List<Path> missing = applicationsToRun().stream()
                .map(app -> app.jar(root))
                .filter(jar -> !Files.isRegularFile(jar))
                .toList();
        if (!missing.isEmpty()) {
            throw new LocalStackException(
                    "not built yet: " + missing.stream().map(root::relativize).toList()
                            + ". Run ./s2spay up (it builds what is missing) or ./mvnw -DskipTests install.");
        }
    }

    private void checkPortsAreFree() {
        List<String> busy = new ArrayList<>();
        Stream.concat(
                        Stream.of(POSTGRES_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, REGISTRY_PORT),
                        applicationsToRun().stream().map(Application::port))
                .forEach(port -> {
                    try (ServerSocket socket = new ServerSocket()) {
                        socket.bind(new InetSocketAddress("127.0.0.1", port));
                    } catch (IOException e) {
                        busy.add(Integer.toString(port));
                    }
                });
        if (!busy.isEmpty()) {
            throw new LocalStackException(
                    "port(s) " + String.join(", ", busy) + " on 127.0.0.1 are in use: is a local stack "
                            + "or docker compose already running? Stop it first.");
        }
    }

    /**
     * A PostgreSQL server left by a previous local stack killed with SIGKILL keeps its port: stop it through the
     * pid its data directory records (the other child JVMs end by themselves).
     */
    private void stopOrphanedPostgres() {
        Path pidFile = run.resolve("postgres").resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            ProcessHandle.of(pid)
                    .filter(process -> process.info()
                            .command()
                            .map(command -> command.contains("postgres"))
                            .orElse(false))
                    .ifPresent(process -> {
                        say("stopping the PostgreSQL server (pid " + pid + ") a previous local stack left running");
                        process.destroy();
                        try {
                            process.onExit().get(15, TimeUnit.SECONDS);
                        } catch (TimeoutException | ExecutionException e) {
                            process.destroyForcibly();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
        } catch (IOException | RuntimeException e) {
            say("could not check " + pidFile + " for a PostgreSQL server left running: " + e.getMessage());
        }
    }

    private void prepareDirectories() {
        try {
            deleteRecursively(run);
            Files.createDirectories(run);
            Files.createDirectories(logs);
            try (Stream<Path> old = Files.list(logs)) {
                for (Path log :
                        old.filter(path -> path.toString().endsWith(".log")).toList()) {
                    Files.delete(log);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + run + " and " + logs, e);
        }
    }

    private void startPostgres() {
        // pg_stat_statements: what each statement costs (./s2spay bench prints the top ones per payment)
        postgres = EmbeddedPostgresServer.start(
                POSTGRES_PORT,
                run.resolve("postgres"),
                logs.resolve("postgres.log"),
                Map.of("shared_preload_libraries", "pg_stat_statements"));
        if (stopping) {
            postgres.close();
            return;
        }
        // the services' configuration defaults to the account s2spay/s2spay; superuser for replication slots
        try (Connection connection =
                        DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + DATABASE_USER + "') THEN "
                            + "CREATE ROLE " + DATABASE_USER + " LOGIN SUPERUSER REPLICATION PASSWORD '"
                            + DATABASE_PASSWORD + "'; "
                            + "END IF; END $$");
            statement.execute("ALTER DATABASE " + EmbeddedPostgresServer.DATABASE + " OWNER TO " + DATABASE_USER);
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database account " + DATABASE_USER, e);
        }
    }

    private void startKafka() {
        // the broker runs in its own directory: the class path must not be relative to this one's
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        KafkaBroker.start(
                java,
                classPath,
                run.resolve("kafka"),
                logs.resolve("kafka.log"),
                KAFKA_PORT,
                KAFKA_CONTROLLER_PORT,
                List.of(
                        "-XX:+UseSerialGC",
                        "-javaagent:" + watchdogAgent + "="
                                + ProcessHandle.current().pid()),
                this::registerInfrastructure);
    }

    private void startRegistry() {
        if (stopping) {
            return;
        }
        registry = ApicurioRegistryServer.start(
                REGISTRY_PORT,
                0,
                RegistryStorage.postgres(postgres.jdbcUrl(), DATABASE_USER, DATABASE_PASSWORD, REGISTRY_DATABASE),
                logs.resolve("registry.log"));
        if (stopping) {
            registry.close();
        }
    }

    private void startApplication(Application application) {
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-XX:+UseSerialGC",
                "-Xms64m",
                "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError",
                "-javaagent:" + watchdogAgent + "=" + ProcessHandle.current().pid()));
        if (AotCache.supported()) {
            command.addAll(aotCache.launch(application.module(), application.jar(root)));
        } else {
            command.addAll(List.of("-jar", application.jar(root).toString()));
        }
        command.addAll(List.of(
                // <module>-local.yml: merchant-demo's accounts on the sandbox's tokens and orders APIs and its
                // routing rules; the sandbox's webhooks of those accounts to the poller
                "--spring.profiles.active=" + PROFILE));
        if (application == SANDBOX) {
            command.add("--sandbox.data-dir=" + run.resolve("gateway-sandbox"));
        }
        ChildProcess child = ChildProcess.start(
                application.module(), command, root, Map.of(), logs.resolve(application.module() + ".log"), null);
        registerApplication(child);
        child.awaitHttpOk(application.health(), APPLICATION_START_TIMEOUT);
    }

    private void registerApplication(ChildProcess child) {
        applications.add(child);
        if (stopping) {
            child.stop(Duration.ZERO);
        }
    }

    private void registerInfrastructure(ChildProcess child) {
        infrastructure.add(child);
        if (stopping) {
            child.stop(Duration.ZERO);
        }
    }

    private void printSummary(Duration took) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder(nl);
        out.append(String.format(Locale.ROOT, "s2spay local stack is up (%.1f s):%n", took.toMillis() / 1000.0));
        out.append(String.format(
                "  %-20s jdbc:postgresql://127.0.0.1:%d/%s  (user %s, password %s)%n",
                "PostgreSQL", POSTGRES_PORT, EmbeddedPostgresServer.DATABASE, DATABASE_USER, DATABASE_PASSWORD));
        out.append(String.format("  %-20s 127.0.0.1:%d  (KRaft)%n", "Kafka", KAFKA_PORT));
        out.append(String.format(
                "  %-20s http://127.0.0.1:%d/apis/registry/v3  (Confluent API /apis/ccompat/v7)%n",
                "Registry", REGISTRY_PORT));
        for (Application application : applicationsToRun()) {
            out.append(String.format(
                    "  %-20s http://127.0.0.1:%d/  %s%n",
                    application.module(), application.port(), application.what()));
        }
        out.append("  logs: ")
                .append(root.relativize(logs))
                .append("/*.log   events: ./s2spay events   stop: Ctrl-C")
                .append(nl);
        if (infrastructureOnly) {
            out.append(nl)
                    .append("Infrastructure only: run the services from your IDE with the profile \"" + PROFILE
                            + "\" (--spring.profiles.active=" + PROFILE + ").")
                    .append(nl);
            System.out.print(out);
            System.out.flush();
            return;
        }
        out.append(nl)
                .append("Try a debit (merchant-demo's TEST key, the sandbox's approved VISA test card):")
                .append(nl);
        out.append("""
                  curl -s http://127.0.0.1:8080/v1/payments -H 'Authorization: Bearer sk_test_s2spay_demo_0001' \\
                    -H 'Content-Type: application/json' -d '{"paymentType":"DB","amount":"92.00","currency":"EUR",
                    "paymentBrand":"VISA","merchantTransactionId":"order-1","shopperResultUrl":"https://shop.example/return",
                    "card":{"number":"4200000000000000",
                    "holder":"Jane Jones","expiryMonth":"05","expiryYear":"2034","cvv":"123"}}'
                """);
        out.append("""
                merchant-demo's SEK MASTER payments go to the tokens API (account tokens:shop-se), its DKK payments to the
                orders API (orders:shop-dk), the rest to OPP: try "currency":"SEK","paymentBrand":"MASTER" with the card
                5454545454545454 (payment-executor-local.yml; ledgers /sandbox/tokens/ledger, /sandbox/orders/ledger).
                """);
        System.out.print(out);
        System.out.flush();
    }

    private void watchForUnexpectedExits() {
        List<ChildProcess> all = new ArrayList<>(applications);
        all.addAll(infrastructure);
        for (ChildProcess child : all) {
            child.onExit().thenAccept(process -> {
                if (!stopping && !child.name().equals("kafka-storage-format")) {
                    say(child.name() + " exited unexpectedly with code " + process.exitValue() + "; see "
                            + root.relativize(child.logFile()));
                }
            });
        }
    }

    /** Stops the applications, then the infrastructure they use; runs as the JVM's shutdown hook. */
    void stop() {
        stopping = true;
        long begin = System.nanoTime();
        say("stopping ...");
        stopAll(
                new ArrayList<>(applications)
                        .stream()
                                .filter(child -> !child.name().equals(SANDBOX.module()))
                                .toList(),
                APPLICATION_STOP_GRACE);
        stopAll(new ArrayList<>(applications), Duration.ofSeconds(10));
        List<Thread> infra = new ArrayList<>();
        infra.add(Thread.ofPlatform().start(() -> stopAll(new ArrayList<>(infrastructure), Duration.ofSeconds(30))));
        if (registry != null) {
            infra.add(Thread.ofPlatform().start(registry::close));
        }
        infra.forEach(LocalStack::joinQuietly);
        if (postgres != null) {
            try {
                postgres.close();
            } catch (RuntimeException e) {
                say("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        say(String.format(Locale.ROOT, "stopped (%.1f s)", (System.nanoTime() - begin) / 1e9));
    }

    private static void stopAll(List<ChildProcess> children, Duration grace) {
        List<Thread> stoppers = children.stream()
                .filter(ChildProcess::isAlive)
                .map(child -> Thread.ofPlatform().name("stop-" + child.name()).start(() -> child.stop(grace)))
                .toList();
        stoppers.forEach(LocalStack::joinQuietly);
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<String> timed(ExecutorService executor, String what, Runnable start) {
        return CompletableFuture.supplyAsync(
                (Supplier<String>) () -> {
                    long begin = System.nanoTime();
                    start.run();
                    return String.format(Locale.ROOT, "%s %.1f s", what, (System.nanoTime() - begin) / 1e9);
                },
                executor);
    }

    /** Waits for all; the first failure is thrown once every start has ended (the shutdown hook cleans up). */
    private static String joinAll(List<CompletableFuture<String>> starts) {
        List<String> done = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<String> start : starts) {
            try {
                done.add(start.join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return "started: " + String.join(", ", done);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void say(String message) {
        System.out.println("s2spay: " + message);
        System.out.flush();
    }

    /** A problem the user can fix, reported without a stack trace. */
    static final class LocalStackException extends RuntimeException {
        LocalStackException(String message) {
            super(message);
        }
    }
}

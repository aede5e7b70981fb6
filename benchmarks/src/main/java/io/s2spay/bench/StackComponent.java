package io.s2spay.bench;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The processes of a local stack ({@code ./s2spay up}) whose CPU the benchmark measures, recognised by their command
 * lines as local-stack's LocalStack, KafkaBroker and the test kit start them.
 */
enum StackComponent {
    CHECKOUT_SERVICE("checkout-service"),
    PAYMENT_EXECUTOR("payment-executor"),
    STATUS_POLLER("status-poller"),
    BACKOFFICE_SERVICE("backoffice-service"),
    GATEWAY_SANDBOX("gateway-sandbox"),
    KAFKA("kafka"),
    REGISTRY("registry"),
    POSTGRES("postgres"),
    LOCAL_STACK("local-stack"),
    /** This load generator's own JVM: measured, but not part of the stack's total. */
    BENCHMARK("benchmark");

    /** {@code java ... -jar <module>/target/<module>-<version>-exec.jar}. */
    private static final Pattern EXEC_JAR = Pattern.compile(
            "(checkout-service|payment-executor|status-poller|backoffice-service|gateway-sandbox)-.*-exec\\.jar");

    private static final Pattern LOCAL_STACK_JAR = Pattern.compile("local-stack-.*\\.jar");

    final String label;

    StackComponent(String label) {
        this.label = label;
    }

    boolean partOfStack() {
        return this != BENCHMARK;
    }

    /**
     * The component a process belongs to by its own command line ({@code /proc/<pid>/cmdline}, split at its NULs),
     * or null when it is none of them (it may still belong to one through its parent: see {@link ProcessTable}).
     */
    static StackComponent recognise(List<String> commandLine) {
        if (commandLine.isEmpty()) return null;
        String program = commandLine.getFirst();
        // the postmaster runs as .../bin/postgres; its children rewrite their command line as "postgres: <role>"
        if (fileName(program).equals("postgres") || program.startsWith("postgres:")) return POSTGRES;
        // the broker runs from local-stack's class path (-cp local-stack-<version>.jar): its main class decides
        if (commandLine.contains("kafka.Kafka") || commandLine.contains("kafka.tools.StorageTool")) return KAFKA;
        for (int i = 0; i < commandLine.size(); i++) {
            String name = fileName(commandLine.get(i));
            var execJar = EXEC_JAR.matcher(name);
            if (execJar.matches()) return byLabel(execJar.group(1));
            if (name.equals("quarkus-run.jar")
                    && String.join(" ", commandLine).toLowerCase(Locale.ROOT).contains("apicurio")) return REGISTRY;
            boolean launcher = i > 0
                    && commandLine.get(i - 1).equals("-jar")
                    && LOCAL_STACK_JAR.matcher(name).matches();
            // the same jar's "events" command follows a topic; it is a tool, not part of the stack
            if (launcher
                    && !(i + 1 < commandLine.size() && commandLine.get(i + 1).equals("events"))) return LOCAL_STACK;
        }
        return null;
    }

    private static StackComponent byLabel(String label) {
        for (StackComponent component : values()) {
            if (component.label.equals(label)) return component;
        }
        throw new IllegalArgumentException(label);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}

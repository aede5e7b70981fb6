package io.s2spay.localstack;

import java.nio.file.Path;
import java.util.Arrays;

/** Entry point of the local-stack jar: {@code up} (default) starts the platform, {@code events} follows a topic. */
public final class LocalStackCommand {

    private LocalStackCommand() {}

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "up" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (command) {
                case "up" -> {
                    boolean infrastructureOnly = rest.length == 1 && rest[0].equals("--infra");
                    if (rest.length > 0 && !infrastructureOnly) {
                        throw new LocalStack.LocalStackException(
                                "up takes only --infra (PostgreSQL, Kafka, the registry and the "
                                        + "sandbox, without the four services), got " + Arrays.toString(rest));
                    }
                    new LocalStack(Path.of(""), infrastructureOnly).start();
                    // runs until Ctrl-C or SIGTERM: the shutdown hook stops everything
                    Thread.currentThread().join();
                }
                case "events" -> EventTail.main(rest);
                default ->
                    throw new LocalStack.LocalStackException("unknown command '" + command + "': use up or events");
            }
        } catch (LocalStack.LocalStackException e) {
            System.err.println("s2spay: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("s2spay: the local stack could not start: " + e.getMessage());
            System.err.println("s2spay: logs are in .local/logs/");
            System.exit(1);
        }
    }
}

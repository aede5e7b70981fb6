package io.s2spay.sandbox;

import java.util.Map;

/** One sandbox with the default configuration shared by the integration tests of a JVM. */
final class TestSandbox {

    private static GatewaySandbox shared;

    private TestSandbox() {}

    static synchronized GatewaySandbox shared() {
        if (shared == null) {
            shared = GatewaySandbox.start(Map.of(
                    "sandbox.rules.late-acquirer-answer", "1s",
                    "sandbox.notifications.initial-backoff", "200ms",
                    "sandbox.notifications.max-backoff", "1s"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }
}

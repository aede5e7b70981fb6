package io.s2spay.e2e;

import java.nio.file.Path;

/**
 * One started platform for one test class, with what its tests use: the console capture (for the server errors a
 * failing request shows), both merchants' API clients, the sandbox's ledger and the shopper's browser.
 */
final class EndToEndRun implements AutoCloseable {

    final ConsoleCapture console;
    final EndToEndPlatform platform;
    final MerchantApi demo;
    final MerchantApi other;
    final Ledger ledger;
    final ShopperBrowser browser = new ShopperBrowser();

    private EndToEndRun(ConsoleCapture console, EndToEndPlatform platform) {
        this.console = console;
        this.platform = platform;
        this.demo = MerchantApi.of(platform.checkoutApi, MerchantApi.DEMO_KEY, console);
        this.other = MerchantApi.of(platform.checkoutApi, MerchantApi.OTHER_KEY, console);
        this.ledger = Ledger.of(platform);
    }

    /** Starts the platform with {@code settings} and waits until every service is healthy. */
    static EndToEndRun start(String name, EndToEndPlatform.Settings settings) {
        ConsoleCapture console = ConsoleCapture.start(Path.of("target", name + "-console.log"));
        EndToEndPlatform platform;
        try {
            platform = EndToEndPlatform.start(settings);
        } catch (RuntimeException | Error e) {
            console.close();
            throw e;
        }
        EndToEndRun run = new EndToEndRun(console, platform);
        try {
            platform.awaitHealthy();
        } catch (RuntimeException | Error e) {
            // a platform left running would consume the next class's commands from the shared topics
            run.close();
            throw e;
        }
        return run;
    }

    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            console.close();
        }
    }
}

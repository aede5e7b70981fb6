package io.s2spay.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the gateway sandbox in-process, for tests and the local stack:
 * <pre>
 * try (GatewaySandbox sandbox = GatewaySandbox.start(Map.of())) {
 *     String baseUrl = sandbox.baseUrl();              // "http://127.0.0.1:PORT/"
 *     SandboxMerchant merchant = sandbox.merchant();   // access token, entity ids, notification secret
 * }
 * </pre>
 * Defaults: a free port on 127.0.0.1 and a fresh temporary data directory; any {@code sandbox.*}, {@code server.*}
 * property can be given (e.g. {@code sandbox.data-dir} to keep state across restarts).
 */
public final class GatewaySandbox implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;
    private final Path dataDir;
    private final List<SandboxMerchant> merchants;

    private GatewaySandbox(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        SandboxProperties properties = context.getBean(SandboxProperties.class);
        this.dataDir = properties.dataDir();
        List<SandboxMerchant> list = new ArrayList<>();
        properties
                .merchants()
                .forEach((name, merchant) -> list.add(new SandboxMerchant(
                        name, merchant.accessToken(), merchant.entityIds(), merchant.notificationSecret())));
        this.merchants = List.copyOf(list);
    }

    /** Starts a sandbox with the defaults. */
    public static GatewaySandbox start() {
        return start(Map.of());
    }

    /** Starts a sandbox; the given properties win over {@code gateway-sandbox.yml} and the defaults above. */
    public static GatewaySandbox start(Map<String, String> properties) {
        Map<String, String> effective = new LinkedHashMap<>();
        // as an argument it wins over a spring.config.name system property another application may have set
        effective.put("spring.config.name", "gateway-sandbox");
        effective.put("server.port", "0");
        effective.put("server.address", "127.0.0.1");
        if (!properties.containsKey("sandbox.data-dir")) {
            try {
                effective.put(
                        "sandbox.data-dir",
                        Files.createTempDirectory("gateway-sandbox-").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        effective.putAll(properties);
        List<String> args = new ArrayList<>();
        effective.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new GatewaySandbox(GatewaySandboxApplication.application().run(args.toArray(String[]::new)));
    }

    /** The OPP base URL, ending in "/" as OPP's does: append "v1/payments". */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Every configured merchant's test credentials. */
    public List<SandboxMerchant> merchants() {
        return merchants;
    }

    /** The first configured merchant (merchant-a with the default configuration). */
    public SandboxMerchant merchant() {
        return merchants.get(0);
    }

    public SandboxMerchant merchant(String name) {
        return merchants.stream()
                .filter(merchant -> merchant.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sandbox merchant " + name));
    }

    /** A bean of the running sandbox (e.g. another simulated API's properties, for its test credentials). */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Stops the server and flushes the journal; a sandbox started again on the same data-dir continues from here. */
    @Override
    public void close() {
        context.close();
    }
}

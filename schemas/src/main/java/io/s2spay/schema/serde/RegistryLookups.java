package io.s2spay.schema.serde;

import com.microsoft.kiota.RequestInformation;
import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryClientFacadeImpl;
import io.apicurio.registry.rest.client.RegistryClient;
import io.kiota.http.jdk.JDKRequestAdapter;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The registry client every s2spay serializer and deserializer uses: the one the Apicurio serde builds from its
 * properties sets a connect timeout but none on the request, so a lookup whose answer never comes blocks its caller
 * for good (a consumer's partition, or an HTTP request writing the outbox). Here every request gives up after
 * {@link #REQUEST_TIMEOUT}. The serde's resolver retries only an answer the registry gave (its cache gives up on a
 * timeout at once, "after 0 retries"), so a lookup that timed out is sent again here, up to {@link #ATTEMPTS} times
 * in all: a lookup is a read, and one slow answer must not send a consumer's record to the dead-letter topic.
 */
public final class RegistryLookups {

    /** How long one registry request may take, answer included, before it fails. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** How many times a lookup is sent before its time-out is reported. */
    public static final int ATTEMPTS = 3;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private RegistryLookups() {}

    /** A client of the registry's v3 API at {@code registryUrl} whose requests time out. */
    public static RegistryClientFacade facade(String registryUrl) {
        return facade(registryUrl, REQUEST_TIMEOUT);
    }

    static RegistryClientFacade facade(String registryUrl, Duration requestTimeout) {
        TimeLimitedAdapter adapter = new TimeLimitedAdapter(requestTimeout);
        adapter.setBaseUrl(registryUrl);
        return new RegistryClientFacadeImpl(new RegistryClient(adapter));
    }

    /**
     * A facade for a serde that Kafka creates by its class name, before it knows the registry's address: give the
     * facade to the serde's constructor, then {@link Unbound#bind} the address in its {@code configure}.
     */
    public static Unbound unbound() {
        return unbound(REQUEST_TIMEOUT);
    }

    static Unbound unbound(Duration requestTimeout) {
        return new Unbound(new TimeLimitedAdapter(requestTimeout));
    }

    /** A facade whose registry address comes later, from the serde's configuration. */
    public static final class Unbound {

        private final TimeLimitedAdapter adapter;
        private final RegistryClientFacade facade;

        private Unbound(TimeLimitedAdapter adapter) {
            this.adapter = adapter;
            this.facade = new RegistryClientFacadeImpl(new RegistryClient(adapter));
        }

        public RegistryClientFacade facade() {
            return facade;
        }

        /** Points the facade at the registry named by {@code apicurio.registry.url} in the serde's properties. */
        public void bind(Map<String, ?> serdeProperties) {
            Object url = serdeProperties.get("apicurio.registry.url");
            if (url == null || url.toString().isBlank()) {
                throw new IllegalArgumentException(
                        "apicurio.registry.url is not set: no registry to look schemas up in");
            }
            adapter.setBaseUrl(url.toString());
        }
    }

    /** The JDK adapter, with the timeout set on every request it sends. */
    static final class TimeLimitedAdapter extends JDKRequestAdapter {

        private final Duration timeout;

        TimeLimitedAdapter(Duration timeout) {
            super(new RetryingLookups(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .build()));
            this.timeout = timeout;
        }

        @Override
        public HttpRequest convertToNativeRequest(RequestInformation request) {
            HttpRequest built = super.convertToNativeRequest(request);
            return HttpRequest.newBuilder(built, (name, value) -> true)
                    .timeout(timeout)
                    .build();
        }
    }

    /** The HTTP client the adapter sends through: a {@code GET} that timed out is sent again, up to ATTEMPTS times. */
    static final class RetryingLookups extends HttpClient {

        private final HttpClient client;

        RetryingLookups(HttpClient client) {
            this.client = client;
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            for (int attempt = 1; ; attempt++) {
                try {
                    return client.send(request, handler);
                } catch (HttpTimeoutException timedOut) {
                    if (!"GET".equals(request.method()) || attempt >= ATTEMPTS) {
                        throw timedOut;
                    }
                }
            }
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(
                HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            return client.sendAsync(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(
                HttpRequest request,
                HttpResponse.BodyHandler<T> handler,
                HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
            return client.sendAsync(request, handler, pushPromiseHandler);
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return client.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return client.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return client.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return client.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return client.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return client.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return client.authenticator();
        }

        @Override
        public Version version() {
            return client.version();
        }

        @Override
        public Optional<Executor> executor() {
            return client.executor();
        }
    }
}

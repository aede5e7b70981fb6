package io.s2spay.connector.opp;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.s2spay.connector.support.GatewayHttpTransport;
import io.s2spay.connector.support.HttpExchangeResult;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP exchange with OPP: the account's bearer token, forms and the entity in the query, sent through the shared
 * {@link GatewayHttpTransport} (timeouts of the headers and of the whole exchange body included, the circuit breaker,
 * a request never sent told apart from one whose answer was lost). Every call returns an {@link OppExchange}; none
 * throws for a transport failure.
 */
final class OppTransport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OppGatewayClient.class);

    private final GatewayHttpTransport transport;
    private final Consumer<HttpRequest.Builder> requestCustomizer;

    OppTransport(
            OppProperties properties, CircuitBreaker circuitBreaker, Consumer<HttpRequest.Builder> requestCustomizer) {
        this.transport = new GatewayHttpTransport(
                URI.create(properties.baseUrl()),
                properties.connectTimeout(),
                properties.readTimeout(),
                circuitBreaker,
                "the gateway");
        this.requestCustomizer = Objects.requireNonNull(requestCustomizer);
    }

    CircuitBreaker circuitBreaker() {
        return transport.circuitBreaker();
    }

    /** {@code POST} of a form to {@code path} (the entity id travels in the form). */
    OppExchange post(OppProperties.Account account, String path, OppForm form, String description) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path, null, null))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form.encode(), StandardCharsets.UTF_8));
        if (log.isDebugEnabled()) {
            log.debug("OPP POST {} {}", path, form);
        }
        return exchange(builder, account, "POST " + description);
    }

    /** {@code GET} of {@code path} for the account's entity (and a merchantTransactionId, if given). */
    OppExchange get(OppProperties.Account account, String path, String merchantTransactionId, String description) {
        return exchange(
                HttpRequest.newBuilder(uri(path, account.entityId(), merchantTransactionId))
                        .GET(),
                account,
                description);
    }

    /** {@code DELETE} of {@code path} for the account's entity. */
    OppExchange delete(OppProperties.Account account, String path, String description) {
        return exchange(
                HttpRequest.newBuilder(uri(path, account.entityId(), null)).DELETE(), account, description);
    }

    private URI uri(String relativePath, String entityId, String merchantTransactionId) {
        StringBuilder uri = new StringBuilder(relativePath);
        if (entityId != null) {
            uri.append("?entityId=").append(URLEncoder.encode(entityId, StandardCharsets.UTF_8));
            if (merchantTransactionId != null) {
                uri.append("&merchantTransactionId=")
                        .append(URLEncoder.encode(merchantTransactionId, StandardCharsets.UTF_8));
            }
        }
        return transport.uri(uri.toString());
    }

    private OppExchange exchange(HttpRequest.Builder builder, OppProperties.Account account, String description) {
        builder.header("Authorization", "Bearer " + account.accessToken()).header("Accept", "application/json");
        requestCustomizer.accept(builder);
        HttpExchangeResult result = transport.send(builder);
        OppExchange exchange = switch (result.kind()) {
            case ANSWERED -> OppExchange.answered(result.status(), result.body());
            case NOT_SENT -> OppExchange.notSent(result.reason());
            case NO_ANSWER -> OppExchange.noAnswer(result.reason());
        };
        exchange.log(description, result.millis());
        return exchange;
    }

    @Override
    public void close() {
        transport.close();
    }
}

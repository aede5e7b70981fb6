package io.s2spay.connector.orders;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.FollowUpRequest;
import io.s2spay.gateway.GatewayCapabilities;
import io.s2spay.gateway.GatewayDeadlines;
import io.s2spay.gateway.GatewayNotification;
import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.InitialPaymentRequest;
import io.s2spay.gateway.NotificationMessage;
import io.s2spay.gateway.ResultClassification;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The orders/MIT API (seed 003) behind s2spay's {@link GatewayPort}. A payment is an order and its one payment: a
 * customer's card on the account's SelfHostedPage terminal (tokenized when the card is to be stored), or a stored
 * token (CTOKEN) on its MerchantInitiated terminal. The API has sales and refunds only, so only DB and RF are
 * accepted. Gateway ids: a payment is its order's id, a refund {@code orderId/refundId}.
 */
public final class OrdersGateway implements GatewayPort, AutoCloseable {

    /** The gateway family's name in logs, metrics and events. */
    public static final String NAME = "orders";

    /** Sales and refunds; the brands of the sandbox's card table; tokens; 3-D Secure challenges. */
    static final GatewayCapabilities CAPABILITIES = new GatewayCapabilities(
            EnumSet.of(TransactionType.DB, TransactionType.RF),
            Set.of("VISA", "MASTER", "AMEX", "DINERS", "DISCOVER", "JCB"),
            true,
            true);

    private final OrdersProperties properties;
    private final OrdersTransport transport;
    private final OrdersSubmission submission;
    private final OrdersNotifications notifications;

    public OrdersGateway(OrdersProperties properties) {
        this(properties, defaultCircuitBreaker(properties), builder -> {}, Clock.systemUTC());
    }

    /**
     * With the application's circuit breaker (e.g. from its registry), a customizer for every request (tests add
     * the sandbox's fault header) and a clock (for the webhooks' timestamps).
     */
    public OrdersGateway(
            OrdersProperties properties,
            CircuitBreaker circuitBreaker,
            Consumer<HttpRequest.Builder> requestCustomizer,
            Clock clock) {
        this.properties = Objects.requireNonNull(properties);
        this.transport = new OrdersTransport(properties, circuitBreaker, requestCustomizer);
        this.submission = new OrdersSubmission(new OrdersCalls(transport), properties.resolution());
        this.notifications = new OrdersNotifications(properties.notificationTolerance(), clock);
    }

    /** A circuit breaker named {@code orders-gateway} with the configured settings. */
    public static CircuitBreaker defaultCircuitBreaker(OrdersProperties properties) {
        return properties.circuitBreaker().circuitBreaker(OrdersTransport.CIRCUIT_BREAKER_NAME);
    }

    /** The circuit breaker's settings, for an application's registry. */
    public static io.github.resilience4j.circuitbreaker.CircuitBreakerConfig circuitBreakerConfig(
            OrdersProperties properties) {
        return properties.circuitBreaker().config();
    }

    public static String circuitBreakerName() {
        return OrdersTransport.CIRCUIT_BREAKER_NAME;
    }

    public CircuitBreaker circuitBreaker() {
        return transport.circuitBreaker();
    }

    public OrdersProperties properties() {
        return properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean hasAccount(String accountId) {
        return accountId != null && properties.accounts().containsKey(accountId);
    }

    @Override
    public GatewayCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public GatewayDeadlines deadlines() {
        return new GatewayDeadlines(
                OrdersDeadlines.longestSubmission(properties),
                OrdersDeadlines.longestResolution(properties),
                OrdersDeadlines.call(properties).multipliedBy(2));
    }

    @Override
    public GatewayTransaction submitInitial(String accountId, InitialPaymentRequest request) {
        OrdersProperties.Account account = properties.account(accountId);
        if (!CAPABILITIES.supports(request.type())) {
            throw new IllegalArgumentException(
                    "the orders API has sales only: " + request.type() + " is not supported (send a DB)");
        }
        if (request.paymentBrand() != null && !CAPABILITIES.accepts(request.paymentBrand())) {
            throw new IllegalArgumentException("the orders API does not accept the brand " + request.paymentBrand());
        }
        if (!OrdersCurrencies.supports(request.currency())) {
            throw new IllegalArgumentException(
                    "the orders connector has no ISO 4217 numeric code for " + request.currency());
        }
        if (request.storedCardId() != null) {
            if (account.mitTerminalId() == null) {
                throw new IllegalArgumentException("account " + accountId + " has no MerchantInitiated terminal"
                        + " (s2spay.orders.accounts." + accountId + ".mit-terminal-id) for a stored-card payment");
            }
            if (request.card() != null) {
                throw new IllegalArgumentException("a payment is on card data or on a stored card, not both");
            }
            OrdersIds.checked(request.storedCardId(), "stored card (token) id");
        } else if (request.card() == null) {
            throw new IllegalArgumentException("the orders API pays with card data or a stored card (token)");
        }
        return submission.submitInitial(account, request);
    }

    @Override
    public GatewayTransaction submitFollowUp(String accountId, FollowUpRequest request) {
        OrdersProperties.Account account = properties.account(accountId);
        if (!CAPABILITIES.supports(request.type())) {
            throw new IllegalArgumentException(
                    "the orders API has refunds only after a payment: " + request.type() + " is not supported");
        }
        if (!OrdersCurrencies.supports(request.currency())) {
            throw new IllegalArgumentException(
                    "the orders connector has no ISO 4217 numeric code for " + request.currency());
        }
        return submission.refund(account, request);
    }

    @Override
    public GatewayTransaction resolve(String accountId, String merchantTransactionId, TransactionType type) {
        return submission.resolve(properties.account(accountId), merchantTransactionId, type);
    }

    @Override
    public GatewayTransaction find(String accountId, String merchantTransactionId, TransactionType type) {
        return submission.find(properties.account(accountId), merchantTransactionId, type);
    }

    @Override
    public GatewayTransaction lookUp(String accountId, String gatewayTransactionId) {
        OrdersProperties.Account account = properties.account(accountId);
        return submission.lookUp(account, gatewayTransactionId);
    }

    @Override
    public GatewayTransaction deleteStoredCard(String accountId, String storedCardId) {
        return submission.deleteToken(properties.account(accountId), storedCardId);
    }

    @Override
    public GatewayNotification decodeNotification(String accountId, NotificationMessage message) {
        return notifications.decode(properties.account(accountId), message);
    }

    @Override
    public ResultClassification classify(String resultCode) {
        return OrdersResultCodes.classify(resultCode);
    }

    @Override
    public void close() {
        transport.close();
    }
}

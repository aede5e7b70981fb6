package io.s2spay.connector.opp;

import io.s2spay.domain.brand.PaymentBrand;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * OPP behind s2spay's {@link GatewayPort}: translates the port's requests into OPP's (payments, registration
 * payments, back-office operations, the query endpoint, registrations, encrypted webhooks) and OPP's answers into
 * {@link GatewayTransaction}s. The work is {@link OppGatewayClient}'s; this class only translates.
 */
public final class OppGateway implements GatewayPort {

    /** The gateway family's name in logs, metrics and events. */
    public static final String NAME = "opp";

    /** OPP knows every transaction and every brand of seed 002; registrations store cards. */
    private static final GatewayCapabilities CAPABILITIES = new GatewayCapabilities(
            EnumSet.allOf(TransactionType.class),
            Arrays.stream(PaymentBrand.values()).map(Enum::name).collect(Collectors.toSet()),
            true,
            true);

    private final OppGatewayClient client;
    private final OppNotificationDecoders decoders;

    public OppGateway(OppGatewayClient client, OppNotificationDecoders decoders) {
        this.client = Objects.requireNonNull(client);
        this.decoders = Objects.requireNonNull(decoders);
    }

    /** An OPP answer as the port hands it to the services (the translation every method of this adapter uses). */
    public static GatewayTransaction answerOf(OppTransaction transaction) {
        return OppAnswers.toPort(transaction);
    }

    /** The client this adapter translates for. */
    public OppGatewayClient client() {
        return client;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean hasAccount(String merchantId) {
        return merchantId != null && client.properties().accounts().containsKey(merchantId);
    }

    @Override
    public GatewayCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public GatewayDeadlines deadlines() {
        return new GatewayDeadlines(
                client.longestSubmission(), client.longestResolution(), OppDeadlines.call(client.properties()));
    }

    @Override
    public GatewayTransaction submitInitial(String merchantId, InitialPaymentRequest request) {
        OppPaymentRequest opp = new OppPaymentRequest(
                OppAnswers.type(request.type()),
                request.amountMinor(),
                request.currency(),
                request.paymentBrand(),
                request.merchantTransactionId(),
                request.card(),
                request.storeCard(),
                request.credentialOnFile(),
                request.shopperResultUrl(),
                request.notificationUrl(),
                request.descriptor());
        OppTransaction answer = request.storedCardId() != null
                ? client.submitRegistrationPaymentSafely(merchantId, request.storedCardId(), opp)
                : client.submitPaymentSafely(merchantId, opp);
        return OppAnswers.toPort(answer);
    }

    @Override
    public GatewayTransaction submitFollowUp(String merchantId, FollowUpRequest request) {
        OppBackOfficeRequest opp = new OppBackOfficeRequest(
                OppAnswers.type(request.type()),
                request.amountMinor(),
                request.amountMinor() == null ? null : request.currency(),
                request.merchantTransactionId());
        return OppAnswers.toPort(client.submitBackOfficeSafely(merchantId, request.gatewayPaymentId(), opp));
    }

    @Override
    public GatewayTransaction resolve(String merchantId, String merchantTransactionId, TransactionType type) {
        return OppAnswers.toPort(client.resolveWithRetries(merchantId, merchantTransactionId, OppAnswers.type(type)));
    }

    @Override
    public GatewayTransaction find(String merchantId, String merchantTransactionId, TransactionType type) {
        OppTransaction answer = type == null
                ? client.resolve(merchantId, merchantTransactionId)
                : client.resolve(merchantId, merchantTransactionId, OppAnswers.type(type));
        return OppAnswers.toPort(answer);
    }

    @Override
    public GatewayTransaction lookUp(String merchantId, String gatewayTransactionId) {
        return OppAnswers.lookedUp(client.queryById(merchantId, gatewayTransactionId));
    }

    @Override
    public GatewayTransaction deleteStoredCard(String merchantId, String storedCardId) {
        OppTransaction answer;
        try {
            answer = client.deleteRegistration(merchantId, storedCardId);
        } catch (OppGatewayException e) {
            answer = e.transaction();
        }
        return OppAnswers.deletion(answer);
    }

    @Override
    public GatewayNotification decodeNotification(String merchantId, NotificationMessage message) {
        OppNotification notification = decoders.forMerchant(merchantId)
                .decode(
                        message.body(),
                        message.header("X-Initialization-Vector"),
                        message.header("X-Authentication-Tag"));
        GatewayNotification.Subject subject = switch (notification.type() == null ? "" : notification.type()) {
            case "PAYMENT" -> GatewayNotification.Subject.PAYMENT;
            case "REGISTRATION" -> GatewayNotification.Subject.STORED_CARD;
            default -> GatewayNotification.Subject.OTHER;
        };
        return new GatewayNotification(
                subject,
                notification.transaction() == null ? null : OppAnswers.toPort(notification.transaction()),
                notification.action());
    }

    @Override
    public ResultClassification classify(String resultCode) {
        return OppAnswers.classify(resultCode);
    }
}

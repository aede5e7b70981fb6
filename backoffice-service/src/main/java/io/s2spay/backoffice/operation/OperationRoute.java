package io.s2spay.backoffice.operation;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.GatewayCapabilities;
import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.UnknownGatewayAccountException;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.gateway.routing.Gateways;
import java.util.stream.Collectors;

/**
 * Where an operation on a payment is sent: the gateway account that processed the payment and its family's adapter,
 * or why it cannot be sent anywhere. Decided before anything is sent, so that an operation the payment's gateway
 * cannot do, or an account this service no longer has, is refused with its reason instead of failing at the gateway.
 */
sealed interface OperationRoute {

    /** The operation goes to {@code account}, through {@code port}, which can do it. */
    record To(GatewayAccount account, GatewayPort port) implements OperationRoute {}

    /**
     * The operation cannot be sent; {@code account} is the one it would have gone to, when it is known (for the
     * operator: the rejection's reason names it too).
     */
    record Refused(OperationRejectionReason reasonCode, String reason, GatewayAccount account)
            implements OperationRoute {}

    /** The account an operation on this route goes or would have gone to; null when none is known. */
    GatewayAccount account();

    /**
     * The route of an operation of {@code type} on a payment of {@code merchantId} whose events named
     * {@code recorded} (null for a payment processed before s2spay routed payments, which goes to the merchant's
     * account keyed by its id, as it always did).
     */
    static OperationRoute of(Gateways gateways, String merchantId, GatewayAccount recorded, TransactionType type) {
        GatewayAccount account;
        try {
            account = gateways.accountOf(merchantId, recorded);
        } catch (UnknownGatewayAccountException e) {
            return recorded == null
                    ? new Refused(
                            OperationRejectionReason.MERCHANT_NOT_CONFIGURED,
                            "no gateway account is configured for merchant " + merchantId,
                            null)
                    : new Refused(
                            OperationRejectionReason.GATEWAY_ACCOUNT_NOT_CONFIGURED,
                            "the payment was processed on gateway account " + recorded
                                    + ", which is not configured here (" + e.getMessage() + "); nothing was sent",
                            recorded);
        }
        GatewayPort port = gateways.portOf(account);
        GatewayCapabilities capabilities = port.capabilities();
        if (!capabilities.supports(type)) {
            return new Refused(
                    OperationRejectionReason.OPERATION_NOT_SUPPORTED_BY_GATEWAY,
                    "gateway account " + account + " does not support " + type + "; of the operations on a payment"
                            + " it supports " + operationsOf(capabilities) + "; nothing was sent",
                    account);
        }
        return new To(account, port);
    }

    private static String operationsOf(GatewayCapabilities capabilities) {
        String operations = capabilities.transactions().stream()
                .filter(type -> !type.isInitial())
                .sorted()
                .map(TransactionType::name)
                .collect(Collectors.joining(", "));
        return operations.isEmpty() ? "none" : operations;
    }
}

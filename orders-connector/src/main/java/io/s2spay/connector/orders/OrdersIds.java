package io.s2spay.connector.orders;

import java.util.regex.Pattern;

/**
 * The ids the connector puts into paths, checked before anything is sent, and its id scheme for the port: a
 * payment's gateway id is its order's id (one payment per order), a refund's is {@code orderId/refundId} (the API
 * reads a refund through its order), so {@link OrdersGateway#lookUp} can route either.
 */
final class OrdersIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private OrdersIds() {}

    static String refundId(String orderId, String refundId) {
        return orderId + "/" + refundId;
    }

    /** Checks an id put into a path; {@code what} names it in the error. */
    static String checked(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " is not an id of the orders API: " + id);
        }
        return id;
    }

    /** A gateway id as the port knows it: an order, or one of its refunds. */
    record GatewayId(String orderId, String refundId) {

        static GatewayId parse(String gatewayTransactionId) {
            if (gatewayTransactionId == null) {
                throw new IllegalArgumentException("a gateway transaction id is required");
            }
            int slash = gatewayTransactionId.indexOf('/');
            if (slash < 0) {
                return new GatewayId(checked(gatewayTransactionId, "order id"), null);
            }
            return new GatewayId(
                    checked(gatewayTransactionId.substring(0, slash), "order id"),
                    checked(gatewayTransactionId.substring(slash + 1), "refund id"));
        }

        boolean isRefund() {
            return refundId != null;
        }
    }
}

package io.s2spay.connector.orders;

import io.s2spay.connector.support.ConnectorDeadlines;
import io.s2spay.connector.support.ResolutionSettings;
import java.time.Duration;

/**
 * The deadlines the connector keeps with its settings, computed the way {@link OrdersSubmission} times out, backs
 * off and resends: callers ask for them instead of recomputing them.
 */
final class OrdersDeadlines {

    private OrdersDeadlines() {}

    /**
     * A whole submission: the order's creation and the payment (or the refund), each sent up to 1 + max-resends
     * times with a resolution after each, then the stored card's look-up.
     */
    static Duration longestSubmission(OrdersProperties settings) {
        ResolutionSettings resolution = settings.resolution();
        Duration step = call(settings).plus(longestResolution(settings)).multipliedBy(1L + resolution.maxResends());
        return step.multipliedBy(2).plus(longestResolution(settings));
    }

    /** A whole resolution: every look-up, with the backoff between them. */
    static Duration longestResolution(OrdersProperties settings) {
        ResolutionSettings resolution = settings.resolution();
        // a find may read the order and then its tokens: two calls per query
        return ConnectorDeadlines.longestResolution(call(settings), 2, resolution, resolution.maxQueries() - 1);
    }

    /** One call: connecting and reading the answer. */
    static Duration call(OrdersProperties settings) {
        return ConnectorDeadlines.oneCall(settings.connectTimeout(), settings.readTimeout());
    }
}

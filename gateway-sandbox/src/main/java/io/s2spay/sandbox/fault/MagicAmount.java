package io.s2spay.sandbox.fault;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where one simulated API's request carries the amount that may script a fault (minor units 99901 to 99906, see
 * {@link FaultPlan#fromMinorUnits}). Each API registers its own fault filter with one of these through
 * {@link FaultFilters#forJsonApi}.
 */
@FunctionalInterface
public interface MagicAmount {

    /**
     * The amount in minor units the request would move, or null when it moves none (or cannot be read: the API then
     * answers its own validation error).
     *
     * @param body the request's body as sent (empty for a request without one); the API reads it again afterwards
     */
    Long minorUnits(HttpServletRequest request, byte[] body);
}

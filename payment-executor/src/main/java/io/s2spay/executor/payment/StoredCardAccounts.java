package io.s2spay.executor.payment;

import io.s2spay.gateway.routing.GatewayAccount;
import java.util.Optional;

/** Where a stored card lives: a stored card exists at the one gateway account whose payment stored it. */
@FunctionalInterface
interface StoredCardAccounts {

    /** The account on which the merchant's payment created the stored card {@code registrationId}, if s2spay made it. */
    Optional<GatewayAccount> accountOfRegistration(String merchantId, String registrationId);
}

package io.s2spay.connector.opp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The webhook decoder of each merchant's OPP account: the account's own secret, else the global one. */
public final class OppNotificationDecoders {

    private final OppProperties properties;
    private final Map<String, OppNotificationDecoder> bySecret = new ConcurrentHashMap<>();

    public OppNotificationDecoders(OppProperties properties) {
        this.properties = properties;
    }

    /**
     * The decoder for {@code merchantId}'s webhooks.
     *
     * @throws UnknownOppAccountException when the merchant has no OPP account
     * @throws IllegalStateException      when neither the account nor the connector has a notification secret
     */
    public OppNotificationDecoder forMerchant(String merchantId) {
        properties.account(merchantId);
        String secret = properties.notificationSecretFor(merchantId);
        if (secret == null) {
            throw new IllegalStateException("no OPP notification secret for merchant '" + merchantId
                    + "' (s2spay.opp.notification-secret or s2spay.opp.accounts." + merchantId
                    + ".notification-secret)");
        }
        return bySecret.computeIfAbsent(secret, OppNotificationDecoder::new);
    }
}

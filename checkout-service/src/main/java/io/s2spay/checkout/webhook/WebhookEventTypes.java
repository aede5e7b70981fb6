package io.s2spay.checkout.webhook;

import io.s2spay.schema.event.BackofficeCommandRejected;
import io.s2spay.schema.event.ChargebackReversed;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentChargedBack;
import io.s2spay.schema.event.PaymentCommandRejected;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentExpired;
import io.s2spay.schema.event.PaymentFailed;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRebilled;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.schema.event.PaymentRequested;
import io.s2spay.schema.event.PaymentReversed;
import io.s2spay.schema.event.ReceiptConfirmed;
import io.s2spay.schema.event.ShopperReturned;
import io.s2spay.schema.event.StoredCredentialDeleted;
import java.util.Locale;
import java.util.Map;

/** The webhook event type ({@code payment.captured}) of each payload of {@code PaymentEventEnvelope}. */
final class WebhookEventTypes {

    private static final Map<Class<?>, String> TYPES = Map.ofEntries(
            Map.entry(PaymentRequested.class, "payment.requested"),
            Map.entry(PaymentAuthorized.class, "payment.authorized"),
            Map.entry(PaymentDebited.class, "payment.debited"),
            Map.entry(PaymentRedirectRequired.class, "payment.requires_action"),
            Map.entry(PaymentDeclined.class, "payment.declined"),
            Map.entry(PaymentFailed.class, "payment.failed"),
            Map.entry(PaymentOutcomeUnknown.class, "payment.outcome_unknown"),
            Map.entry(PaymentExpired.class, "payment.expired"),
            Map.entry(PaymentCaptured.class, "payment.captured"),
            Map.entry(PaymentReversed.class, "payment.reversed"),
            Map.entry(PaymentRefunded.class, "payment.refunded"),
            Map.entry(PaymentRebilled.class, "payment.rebilled"),
            Map.entry(PaymentChargedBack.class, "payment.charged_back"),
            Map.entry(ChargebackReversed.class, "payment.chargeback_reversed"),
            Map.entry(ReceiptConfirmed.class, "payment.receipt_confirmed"),
            Map.entry(PaymentCommandRejected.class, "payment.command_rejected"),
            Map.entry(BackofficeCommandRejected.class, "payment.operation_rejected"),
            Map.entry(PaymentAwaitingReceipt.class, "payment.awaiting_receipt"),
            Map.entry(ShopperReturned.class, "payment.shopper_returned"),
            Map.entry(StoredCredentialDeleted.class, "stored_credential.deleted"));

    private WebhookEventTypes() {}

    /**
     * The type of {@code payload}; a payload added to the contract after this build still gets a type derived
     * from its name, so that a newer producer never stops the read model.
     */
    static String of(Object payload) {
        String type = TYPES.get(payload.getClass());
        if (type != null) {
            return type;
        }
        String name = payload.getClass().getSimpleName().replaceFirst("^Payment", "");
        return "payment." + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static boolean isMapped(Class<?> payloadType) {
        return TYPES.containsKey(payloadType);
    }
}

package io.s2spay.checkout.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.schema.event.BackofficeCommandRejected;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.ShopperReturned;
import io.s2spay.schema.event.StoredCredentialDeleted;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

class WebhookEventTypesTest {

    @Test
    void mapsEveryPayloadOfTheEventEnvelopeToItsOwnType() throws Exception {
        Schema payload =
                PaymentEventEnvelope.getClassSchema().getField("payload").schema();
        Set<String> types = new HashSet<>();
        for (Schema branch : payload.getTypes()) {
            Class<?> type = SpecificData.get().getClass(branch);
            assertThat(WebhookEventTypes.isMapped(type))
                    .as(branch.getFullName())
                    .isTrue();
            Object instance = type.getDeclaredConstructor().newInstance();
            String name = WebhookEventTypes.of(instance);
            assertThat(name).matches("(payment|stored_credential)\\.[a-z_]+");
            assertThat(types.add(name)).as("unique " + name).isTrue();
        }
        assertThat(types).hasSize(payload.getTypes().size()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void namesTheTypesMerchantsBranchOn() {
        assertThat(WebhookEventTypes.of(new PaymentCaptured())).isEqualTo("payment.captured");
        assertThat(WebhookEventTypes.of(new BackofficeCommandRejected())).isEqualTo("payment.operation_rejected");
        assertThat(WebhookEventTypes.of(new ShopperReturned())).isEqualTo("payment.shopper_returned");
        assertThat(WebhookEventTypes.of(new PaymentAwaitingReceipt())).isEqualTo("payment.awaiting_receipt");
        assertThat(WebhookEventTypes.of(new StoredCredentialDeleted())).isEqualTo("stored_credential.deleted");
    }

    @Test
    void derivesATypeForAPayloadNewerThanThisBuild() {
        assertThat(WebhookEventTypes.of(new PaymentSplitSettled())).isEqualTo("payment.split_settled");
    }

    /** Stands for a payload a newer contract might add. */
    static final class PaymentSplitSettled {}
}

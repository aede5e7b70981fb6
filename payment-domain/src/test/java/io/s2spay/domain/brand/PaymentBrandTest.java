package io.s2spay.domain.brand;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentBrandTest {

    @Test
    void cardBrandsAreSynchronousWithCardData() {
        assertThat(PaymentBrand.of("VISA")).hasValueSatisfying(b -> {
            assertThat(b.isCard()).isTrue();
            assertThat(b.alwaysRedirects()).isFalse();
            assertThat(b.allows("PA")).isTrue();
            assertThat(b.allows("DB")).isTrue();
        });
    }

    @Test
    void sofortRedirectsAndAwaitsTheReceipt() {
        PaymentBrand sofort = PaymentBrand.of("SOFORTUEBERWEISUNG").orElseThrow();
        assertThat(sofort.isCard()).isFalse();
        assertThat(sofort.alwaysRedirects()).isTrue();
        assertThat(sofort.awaitsReceipt()).isTrue();
        assertThat(sofort.allows("PA")).isTrue();
    }

    @Test
    void giropayIsAnInstantDebitOnly() {
        PaymentBrand giropay = PaymentBrand.of("GIROPAY").orElseThrow();
        assertThat(giropay.alwaysRedirects()).isTrue();
        assertThat(giropay.awaitsReceipt()).isFalse();
        assertThat(giropay.allows("DB")).isTrue();
        assertThat(giropay.allows("PA")).isFalse();
    }

    @Test
    void unknownOrWronglyCasedBrandsAreNotAccepted() {
        assertThat(PaymentBrand.of("visa")).isEmpty();
        assertThat(PaymentBrand.of("PAYPAL")).isEmpty();
        assertThat(PaymentBrand.of(null)).isEmpty();
    }

    @Test
    void namesOfAWorkflowAreSorted() {
        assertThat(PaymentBrand.namesOf(
                        PaymentBrand.Workflow.BANK_REDIRECT_INSTANT, PaymentBrand.Workflow.BANK_REDIRECT_WITH_RECEIPT))
                .containsExactly("GIROPAY", "SOFORTUEBERWEISUNG");
    }
}

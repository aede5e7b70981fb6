package io.s2spay.connector.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.gateway.GatewayOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The orders API's vocabulary, classified: every status and code the sandbox documents, and one it does not. */
class OrdersResultCodesTest {

    @ParameterizedTest
    @CsvSource({
        "COMPLETED, SUCCEEDED, SUCCESSFUL",
        "PAYMENT_COMPLETED, SUCCEEDED, SUCCESSFUL",
        "PARTIALLY_REFUNDED, SUCCEEDED, SUCCESSFUL",
        "REFUNDED, SUCCEEDED, SUCCESSFUL",
        "PENDING_3DS, PENDING, PENDING",
        "PAYMENT_PENDING, PENDING, PENDING",
        "CREATED, PENDING, PENDING",
        "INVALID_CARD, DECLINED, DECLINED",
        "DECLINED_BY_ISSUER, DECLINED, DECLINED",
        "INVALID_CVC, DECLINED, DECLINED",
        "INSUFFICIENT_FUNDS, DECLINED, DECLINED",
        "WRONG_EXPIRY_DATE, DECLINED, DECLINED",
        "STOLEN_CARD, DECLINED, DECLINED",
        "LIMIT_EXCEEDED, DECLINED, DECLINED",
        "LOST_CARD, DECLINED, DECLINED",
        "RISK_REJECTED, DECLINED, DECLINED",
        "CARD_BLACKLISTED, DECLINED, DECLINED",
        "AUTHENTICATION_FAILED, DECLINED, DECLINED",
        "CANCELLED_BY_CUSTOMER, DECLINED, DECLINED",
        "SESSION_EXPIRED, DECLINED, SESSION_EXPIRED",
        "INVALID_CARD_NUMBER, DECLINED, CARD_REFUSED",
        "CARD_EXPIRED, DECLINED, CARD_REFUSED",
        "UNKNOWN_TOKEN, DECLINED, CARD_REFUSED",
        "TOKEN_DELETED, DECLINED, CARD_REFUSED",
        "ACQUIRER_TIMEOUT, FAILED, TECHNICAL_FAILURE",
        "ACQUIRER_UNAVAILABLE, FAILED, TECHNICAL_FAILURE",
        "PROCESSING_ERROR, FAILED, TECHNICAL_FAILURE",
        "SYSTEM_UNAVAILABLE, FAILED, TECHNICAL_FAILURE",
        "CANCELLED_BY_MERCHANT, FAILED, REQUEST_REFUSED",
        "REFUND_EXCEEDS_AVAILABLE, FAILED, REQUEST_REFUSED",
        "INVALID_CURRENCY, FAILED, REQUEST_REFUSED",
        "UNKNOWN_TERMINAL, FAILED, REQUEST_REFUSED",
        "UNAUTHORIZED, FAILED, REQUEST_REFUSED",
        "SOMETHING_NEW, UNKNOWN, UNKNOWN_CODE"
    })
    void classifies(String code, GatewayOutcome outcome, String category) {
        assertThat(OrdersResultCodes.classify(code).outcome()).isEqualTo(outcome);
        assertThat(OrdersResultCodes.classify(code).category()).isEqualTo(category);
        assertThat(OrdersResultCodes.classify(code).longTermPending()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aMissingCodeIsUnknown() {
        assertThat(OrdersResultCodes.classify(null).outcome()).isEqualTo(GatewayOutcome.UNKNOWN);
        assertThat(OrdersResultCodes.classify(" ").outcome()).isEqualTo(GatewayOutcome.UNKNOWN);
    }
}

package io.s2spay.executor.payment;

/** Why the executor refused a payment command; the name is the {@code reasonCode} of {@code PaymentCommandRejected}. */
enum PaymentRejectionReason {
    INVALID_AMOUNT,
    INVALID_CURRENCY,
    /** The brand is not one of {@code io.s2spay.domain.brand.PaymentBrand}. */
    INVALID_PAYMENT_BRAND,
    /** The brand does not allow the payment type (GIROPAY is debit only). */
    PAYMENT_TYPE_NOT_ALLOWED_FOR_BRAND,
    INVALID_MERCHANT_TRANSACTION_ID,
    /** A card brand without card or registrationId. */
    MISSING_PAYMENT_INSTRUMENT,
    /** A bank brand with card, registrationId, createRegistration or a standing instruction. */
    INSTRUMENT_NOT_ALLOWED_FOR_BRAND,
    /** A bank brand without shopperResultUrl (the gateway would refuse it with 100.380.305). */
    MISSING_SHOPPER_RESULT_URL,
    /** A shopperResultUrl that is not an absolute http(s) URL. */
    INVALID_SHOPPER_RESULT_URL,
    AMBIGUOUS_PAYMENT_INSTRUMENT,
    INVALID_CARD_REFERENCE,
    UNKNOWN_MERCHANT_ACCOUNT,
    /**
     * None of the merchant's gateway accounts for this payment can do it (its type, brand or stored card): refused
     * before anything is sent, the reason naming what each account lacks.
     */
    NO_GATEWAY_FOR_PAYMENT,
    CARD_NOT_IN_VAULT,
    CARD_UNREADABLE,
    DUPLICATE_PAYMENT,
    DUPLICATE_MERCHANT_TRANSACTION_ID,
    /** DeleteStoredCredential: blank or malformed storedCredentialId. */
    INVALID_STORED_CREDENTIAL_ID,
    /** DeleteStoredCredential: the gateway knows no such registration of the merchant (100.150.200). */
    STORED_CREDENTIAL_NOT_FOUND,
    /** DeleteStoredCredential: the gateway refused the deletion for another reason (its result in the text). */
    STORED_CREDENTIAL_DELETION_REFUSED
}

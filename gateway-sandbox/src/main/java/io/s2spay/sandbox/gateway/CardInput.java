package io.s2spay.sandbox.gateway;

/** Card data as the merchant sent it; lives only for the request and never prints the number or the CVV. */
public record CardInput(String number, String holder, String expiryMonth, String expiryYear, String cvv) {

    public CardData toCardData() {
        return new CardData(
                number.substring(0, 6),
                number.substring(number.length() - 4),
                holder,
                expiryMonth,
                expiryYear,
                TestCard.of(number).orElse(null));
    }

    @Override
    public String toString() {
        return "CardInput[" + number.substring(0, 6) + "******" + number.substring(number.length() - 4) + ", holder="
                + holder + ", expiry=" + expiryMonth + "/" + expiryYear + ", cvv=" + (cvv == null ? "none" : "***")
                + "]";
    }
}

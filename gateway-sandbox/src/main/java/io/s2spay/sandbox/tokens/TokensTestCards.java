package io.s2spay.sandbox.tokens;

import java.util.Map;

/**
 * How the simulated issuer answers a tokens-API payment on a card: the OPP sandbox's test card numbers, in this API's
 * own vocabulary (a {@code decline_code} or a 3-D Secure challenge). Any other valid card number is approved.
 */
final class TokensTestCards {

    /** What the issuer does with a payment on a card. */
    record Profile(Behaviour behaviour, String failureCode, String declineCode) {

        static final Profile APPROVE = new Profile(Behaviour.APPROVE, null, null);
        static final Profile CHALLENGE = new Profile(Behaviour.CHALLENGE, null, null);

        static Profile decline(String declineCode) {
            return new Profile(Behaviour.DECLINE, "card_declined", declineCode);
        }

        static Profile error(String failureCode) {
            return new Profile(Behaviour.DECLINE, failureCode, null);
        }
    }

    /** Approve, challenge with 3-D Secure (customer present only), or refuse. */
    enum Behaviour {
        APPROVE,
        CHALLENGE,
        DECLINE
    }

    static final Map<String, Profile> CARDS = Map.ofEntries(
            Map.entry("4711100000000000", Profile.CHALLENGE),
            Map.entry("5212345678901234", Profile.CHALLENGE),
            Map.entry("4000000000000002", Profile.decline("invalid_account")),
            Map.entry("5200000000000007", Profile.decline("generic_decline")),
            Map.entry("4000000000000127", Profile.decline("incorrect_cvc")),
            Map.entry("4000000000009995", Profile.decline("insufficient_funds")),
            Map.entry("4000000000000069", Profile.decline("expired_card")),
            Map.entry("4000000000009979", Profile.decline("stolen_card")),
            Map.entry("4000000000000903", Profile.decline("card_velocity_exceeded")),
            Map.entry("4000000000009987", Profile.decline("lost_card")),
            Map.entry("4000000000000101", Profile.decline("fraudulent")),
            Map.entry("4000000000000200", Profile.decline("merchant_blacklist")),
            Map.entry("4000000000000705", Profile.error("authentication_failed")),
            Map.entry("4000000000000408", Profile.error("issuer_not_available")),
            Map.entry("4000000000000507", Profile.error("processing_error")),
            Map.entry("4000000000000606", Profile.error("processing_error")));

    private TokensTestCards() {}

    static Profile profile(String number) {
        return CARDS.getOrDefault(number, Profile.APPROVE);
    }

    /** The brand of a card number by its prefix, or null when the API does not accept it. */
    static String brand(String number) {
        if (number.startsWith("4")) {
            return "visa";
        }
        int two = Integer.parseInt(number.substring(0, 2));
        int four = Integer.parseInt(number.substring(0, 4));
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return "mastercard";
        }
        if (two == 34 || two == 37) {
            return "amex";
        }
        if (number.startsWith("6011") || number.startsWith("65")) {
            return "discover";
        }
        if (two == 35) {
            return "jcb";
        }
        if (two == 36 || two == 38 || (four >= 3000 && four <= 3059)) {
            return "diners";
        }
        return null;
    }

    static boolean luhn(String number) {
        int sum = 0;
        boolean twice = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = number.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}

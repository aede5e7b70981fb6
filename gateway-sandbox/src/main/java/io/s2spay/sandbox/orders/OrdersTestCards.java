package io.s2spay.sandbox.orders;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The orders API's test cards: the OPP sandbox's numbers with the same meaning, in this API's own vocabulary
 * (a {@code failureCode} per decline). Any other Luhn-valid number of a known brand is approved. Amounts
 * 99951..99999 script a decline on any card or token, as on OPP.
 */
enum OrdersTestCards {
    VISA_APPROVED("4200000000000000", "VISA", Behaviour.APPROVE, null),
    MASTER_APPROVED("5454545454545454", "MASTER", Behaviour.APPROVE, null),
    AMEX_APPROVED("377777777777770", "AMEX", Behaviour.APPROVE, null),
    DINERS_APPROVED("36148900647913", "DINERS", Behaviour.APPROVE, null),
    DISCOVER_APPROVED("6011111111111117", "DISCOVER", Behaviour.APPROVE, null),
    JCB_APPROVED("3530111333300000", "JCB", Behaviour.APPROVE, null),
    VISA_REVIEW("4000000000000804", "VISA", Behaviour.APPROVE, null),
    VISA_3DS_ENROLLED("4711100000000000", "VISA", Behaviour.CHALLENGE, null),
    MASTER_3DS_ENROLLED("5212345678901234", "MASTER", Behaviour.CHALLENGE, null),
    VISA_INVALID_CARD("4000000000000002", "VISA", Behaviour.DECLINE, Failure.INVALID_CARD),
    MASTER_DECLINED("5200000000000007", "MASTER", Behaviour.DECLINE, Failure.DECLINED_BY_ISSUER),
    VISA_INVALID_CVC("4000000000000127", "VISA", Behaviour.DECLINE, Failure.INVALID_CVC),
    VISA_INSUFFICIENT_FUNDS("4000000000009995", "VISA", Behaviour.DECLINE, Failure.INSUFFICIENT_FUNDS),
    VISA_WRONG_EXPIRY("4000000000000069", "VISA", Behaviour.DECLINE, Failure.WRONG_EXPIRY_DATE),
    VISA_STOLEN("4000000000009979", "VISA", Behaviour.DECLINE, Failure.STOLEN_CARD),
    VISA_LIMIT_EXCEEDED("4000000000000903", "VISA", Behaviour.DECLINE, Failure.LIMIT_EXCEEDED),
    VISA_LOST("4000000000009987", "VISA", Behaviour.DECLINE, Failure.LOST_CARD),
    VISA_RISK_REJECTED("4000000000000101", "VISA", Behaviour.DECLINE, Failure.RISK_REJECTED),
    VISA_BLACKLISTED("4000000000000200", "VISA", Behaviour.DECLINE, Failure.CARD_BLACKLISTED),
    VISA_3DS_ERROR("4000000000000705", "VISA", Behaviour.DECLINE, Failure.AUTHENTICATION_FAILED),
    VISA_ACQUIRER_TIMEOUT("4000000000000309", "VISA", Behaviour.DECLINE, Failure.ACQUIRER_TIMEOUT),
    VISA_ACQUIRER_DOWN("4000000000000408", "VISA", Behaviour.DECLINE, Failure.ACQUIRER_UNAVAILABLE),
    VISA_PROCESSING_ERROR("4000000000000507", "VISA", Behaviour.DECLINE, Failure.PROCESSING_ERROR),
    VISA_SYSTEM_UNAVAILABLE("4000000000000606", "VISA", Behaviour.DECLINE, Failure.SYSTEM_UNAVAILABLE);

    /** How the simulated issuer answers. */
    enum Behaviour {
        APPROVE,
        CHALLENGE,
        DECLINE
    }

    /**
     * The {@code failureCode}s of a FAILED payment and their {@code failureMessage}. Declined: the issuer, risk or
     * authentication refused; technical: the acquirer or the gateway could not process it (nothing was charged).
     */
    enum Failure {
        INVALID_CARD("The card is not valid", false),
        DECLINED_BY_ISSUER("The issuer declined the payment", false),
        INVALID_CVC("The card's security code is wrong", false),
        INSUFFICIENT_FUNDS("Insufficient funds", false),
        WRONG_EXPIRY_DATE("The card's expiry date is wrong", false),
        STOLEN_CARD("The card is reported stolen", false),
        LIMIT_EXCEEDED("The card's limit is exceeded", false),
        LOST_CARD("The card is reported lost", false),
        RISK_REJECTED("Declined by the risk check", false),
        CARD_BLACKLISTED("The card is blacklisted", false),
        AUTHENTICATION_FAILED("3-D Secure authentication failed", false),
        ACQUIRER_TIMEOUT("The acquirer did not answer in time; nothing was charged", true),
        ACQUIRER_UNAVAILABLE("The acquirer is unavailable", true),
        PROCESSING_ERROR("The payment could not be processed", true),
        SYSTEM_UNAVAILABLE("The payment system is unavailable", true);

        private final String message;
        private final boolean technical;

        Failure(String message, boolean technical) {
            this.message = message;
            this.technical = technical;
        }

        String message() {
            return message;
        }

        boolean technical() {
            return technical;
        }
    }

    private static final Map<String, OrdersTestCards> BY_NUMBER =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(OrdersTestCards::number, Function.identity()));

    private final String number;
    private final String brand;
    private final Behaviour behaviour;
    private final Failure failure;

    OrdersTestCards(String number, String brand, Behaviour behaviour, Failure failure) {
        this.number = number;
        this.brand = brand;
        this.behaviour = behaviour;
        this.failure = failure;
    }

    static Optional<OrdersTestCards> of(String number) {
        return Optional.ofNullable(BY_NUMBER.get(number));
    }

    /** The decline a magic amount scripts (99951..99979 by OPP's last two digits, 99998, 99999), if any. */
    static Optional<Failure> scriptedByAmount(long amount) {
        return Optional.ofNullable(
                switch ((int) Math.max(-1, Math.min(amount - 99_900L, 1000))) {
                    case 51 -> Failure.INVALID_CARD;
                    case 52 -> Failure.DECLINED_BY_ISSUER;
                    case 53 -> Failure.INVALID_CVC;
                    case 55 -> Failure.INSUFFICIENT_FUNDS;
                    case 57 -> Failure.WRONG_EXPIRY_DATE;
                    case 59 -> Failure.STOLEN_CARD;
                    case 62 -> Failure.LIMIT_EXCEEDED;
                    case 65 -> Failure.LOST_CARD;
                    case 98 -> Failure.SYSTEM_UNAVAILABLE;
                    case 99 -> Failure.PROCESSING_ERROR;
                    default -> null;
                });
    }

    /** The brand of a card number by its prefix (VISA, MASTER, AMEX, DINERS, DISCOVER, JCB), if known. */
    static Optional<String> brandOf(String number) {
        if (number.startsWith("4")) {
            return Optional.of("VISA");
        }
        int two = Integer.parseInt(number.substring(0, 2));
        int four = Integer.parseInt(number.substring(0, 4));
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return Optional.of("MASTER");
        }
        if (two == 34 || two == 37) {
            return Optional.of("AMEX");
        }
        if (two == 36 || two == 38 || (four >= 3000 && four <= 3059)) {
            return Optional.of("DINERS");
        }
        if (number.startsWith("6011") || two == 65) {
            return Optional.of("DISCOVER");
        }
        if (four >= 3528 && four <= 3589) {
            return Optional.of("JCB");
        }
        return Optional.empty();
    }

    static boolean luhn(String number) {
        int sum = 0;
        boolean doubled = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = number.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    String number() {
        return number;
    }

    String brand() {
        return brand;
    }

    Behaviour behaviour() {
        return behaviour;
    }

    /** The decline's failure, null for approving and challenged cards. */
    Failure failure() {
        return failure;
    }
}

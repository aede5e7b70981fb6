package io.s2spay.sandbox.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The documented test cards and how the simulated issuer answers each. Any other card number that passes the
 * Luhn check and matches its brand is approved, as in OPP's test mode.
 */
public enum TestCard {
    VISA_APPROVED("4200000000000000", GatewayBrand.VISA, Behaviour.APPROVE, null),
    MASTER_APPROVED("5454545454545454", GatewayBrand.MASTER, Behaviour.APPROVE, null),
    AMEX_APPROVED("377777777777770", GatewayBrand.AMEX, Behaviour.APPROVE, null),
    DINERS_APPROVED("36148900647913", GatewayBrand.DINERS, Behaviour.APPROVE, null),
    DISCOVER_APPROVED("6011111111111117", GatewayBrand.DISCOVER, Behaviour.APPROVE, null),
    JCB_APPROVED("3530111333300000", GatewayBrand.JCB, Behaviour.APPROVE, null),
    VISA_3DS_ENROLLED("4711100000000000", GatewayBrand.VISA, Behaviour.THREE_DS_CHALLENGE, null),
    MASTER_3DS_ENROLLED("5212345678901234", GatewayBrand.MASTER, Behaviour.THREE_DS_CHALLENGE, null),
    VISA_REVIEW("4000000000000804", GatewayBrand.VISA, Behaviour.APPROVE, "000.400.000"),
    VISA_DECLINED_INVALID_CARD("4000000000000002", GatewayBrand.VISA, Behaviour.DECLINE, "800.100.151"),
    MASTER_DECLINED_BY_ISSUER("5200000000000007", GatewayBrand.MASTER, Behaviour.DECLINE, "800.100.152"),
    VISA_DECLINED_INVALID_CVV("4000000000000127", GatewayBrand.VISA, Behaviour.DECLINE, "800.100.153"),
    VISA_DECLINED_INSUFFICIENT_FUNDS("4000000000009995", GatewayBrand.VISA, Behaviour.DECLINE, "800.100.155"),
    VISA_DECLINED_WRONG_EXPIRY("4000000000000069", GatewayBrand.VISA, Behaviour.DECLINE, "800.100.157"),
    VISA_DECLINED_STOLEN("4000000000009979", GatewayBrand.VISA, Behaviour.DECLINE, "800.100.159"),
    VISA_DECLINED_LIMIT_EXCEEDED("4000000000000903", GatewayBrand.VISA, Behaviour.DECLINE, "800.100.162"),
    VISA_DECLINED_LOST("4000000000009987", GatewayBrand.VISA, Behaviour.DECLINE, "800.100.165"),
    VISA_RISK_REJECTED("4000000000000101", GatewayBrand.VISA, Behaviour.DECLINE, "100.400.319"),
    VISA_BIN_BLACKLISTED("4000000000000200", GatewayBrand.VISA, Behaviour.DECLINE, "800.300.401"),
    VISA_3DS_TECHNICAL_ERROR("4000000000000705", GatewayBrand.VISA, Behaviour.DECLINE, "100.390.105"),
    VISA_ACQUIRER_TIMEOUT_THEN_APPROVED(
            "4000000000000309", GatewayBrand.VISA, Behaviour.UNCERTAIN, GatewayResultCodes.TIMEOUT_UNCERTAIN),
    VISA_ACQUIRER_DOWN("4000000000000408", GatewayBrand.VISA, Behaviour.DECLINE, "900.100.600"),
    VISA_ACQUIRER_ERROR("4000000000000507", GatewayBrand.VISA, Behaviour.DECLINE, "999.999.999"),
    VISA_SYSTEM_UNAVAILABLE("4000000000000606", GatewayBrand.VISA, Behaviour.DECLINE, "800.800.800");

    /** How the simulated issuer answers an authorization on the card. */
    public enum Behaviour {
        APPROVE,
        THREE_DS_CHALLENGE,
        DECLINE,
        UNCERTAIN
    }

    private static final Map<String, TestCard> BY_NUMBER = new HashMap<>();

    static {
        for (TestCard card : values()) {
            BY_NUMBER.put(card.number, card);
        }
    }

    private final String number;
    private final GatewayBrand brand;
    private final Behaviour behaviour;
    private final String resultCode;

    TestCard(String number, GatewayBrand brand, Behaviour behaviour, String resultCode) {
        this.number = number;
        this.brand = brand;
        this.behaviour = behaviour;
        this.resultCode = resultCode;
    }

    public static Optional<TestCard> of(String number) {
        return Optional.ofNullable(BY_NUMBER.get(number));
    }

    public String number() {
        return number;
    }

    public GatewayBrand brand() {
        return brand;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    /** The code the issuer answers with, or null when the card is approved with the entity's success code. */
    public String resultCode() {
        return resultCode;
    }
}

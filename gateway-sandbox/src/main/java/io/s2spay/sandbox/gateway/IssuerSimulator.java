package io.s2spay.sandbox.gateway;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how the simulated issuer and acquirer answer an authorization: a result forced through the card holder
 * ("RESULT 800.100.151"), a magic amount, the test card's profile, or approval.
 */
public final class IssuerSimulator {

    private static final Pattern FORCED_RESULT = Pattern.compile("^RESULT ([0-9]{3}\\.[0-9]{3}\\.[0-9]{3})$");
    /** Amounts from 999.00 (in minor units 99900 to 99999) are reserved for scripted outcomes and faults. */
    public static final long MAGIC_AMOUNT_BASE = 99_900L;

    /** The issuer's answer: approved with a success code, declined, or not known yet (acquirer timeout). */
    public record Answer(Kind kind, String code) {

        /** The kind of answer. */
        public enum Kind {
            APPROVED,
            DECLINED,
            UNCERTAIN
        }

        static Answer of(String code) {
            if (GatewayResultCodes.isSuccessful(code)) {
                return new Answer(Kind.APPROVED, code);
            }
            if (GatewayResultCodes.TIMEOUT_UNCERTAIN.equals(code)) {
                return new Answer(Kind.UNCERTAIN, code);
            }
            return new Answer(Kind.DECLINED, code);
        }
    }

    private IssuerSimulator() {}

    /** The code a holder forces, if it names a known, non-pending code; validation codes are refused at once. */
    public static Optional<String> forcedByHolder(String holder) {
        if (holder == null) {
            return Optional.empty();
        }
        Matcher matcher = FORCED_RESULT.matcher(holder);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String code = matcher.group(1);
        if (GatewayResultCodes.known(code).isEmpty() || GatewayResultCodes.isPending(code)) {
            return Optional.empty();
        }
        if (GatewayResultCodes.isValidation(code)) {
            throw new OppRejection(400, code);
        }
        return Optional.of(code);
    }

    /** The code a magic amount scripts, if any (see the README's table). */
    public static Optional<String> scriptedByAmount(long amountMinor) {
        long magic = amountMinor - MAGIC_AMOUNT_BASE;
        if (magic >= 51 && magic <= 79) {
            String code = "800.100.1" + magic;
            return GatewayResultCodes.known(code).map(description -> code);
        }
        return switch ((int) magic) {
            case 83 -> Optional.of(GatewayResultCodes.TIMEOUT_UNCERTAIN);
            case 86 -> Optional.of("900.100.600");
            case 98 -> Optional.of("800.800.800");
            case 99 -> Optional.of(GatewayResultCodes.UNDEFINED_ERROR);
            default -> Optional.empty();
        };
    }

    /** The authorization answer for a card payment, ignoring 3-D Secure (see {@link #challenges}). */
    public static Answer authorize(CardData card, long amountMinor, String successCode) {
        Optional<String> forced = forcedByHolder(card.holder()).or(() -> scriptedByAmount(amountMinor));
        if (forced.isPresent()) {
            return Answer.of(forced.get());
        }
        TestCard profile = card.profile();
        if (profile != null && profile.resultCode() != null) {
            return Answer.of(profile.resultCode());
        }
        return new Answer(Answer.Kind.APPROVED, successCode);
    }

    /**
     * Whether the issuer challenges the shopper: the card is enrolled, the shopper is present (not a merchant-initiated
     * transaction) and no result is forced through the holder.
     */
    public static boolean challenges(CardData card, boolean merchantInitiated) {
        return card.profile() != null
                && card.profile().behaviour() == TestCard.Behaviour.THREE_DS_CHALLENGE
                && !merchantInitiated
                && forcedByHolder(card.holder()).isEmpty();
    }
}

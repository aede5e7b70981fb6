package io.s2spay.connector.opp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class OppNotificationDecoderTest {

    static final String SECRET = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    static final String PAYMENT_NOTIFICATION = """
            {"type":"PAYMENT","payload":{"id":"8ac7a4a17b0c3e29017b0c4f1a2b3c4d","paymentType":"DB",
             "paymentBrand":"VISA","amount":"92.00","currency":"EUR","merchantTransactionId":"order-42",
             "result":{"code":"000.100.110","description":"Request successfully processed in 'Merchant in Integrator Test Mode'"},
             "card":{"bin":"420000","last4Digits":"0000","holder":"Jane Jones","expiryMonth":"05","expiryYear":"2034"},
             "timestamp":"2026-11-21 08:35:11+0000"}}""";

    private final OppNotificationDecoder decoder = new OppNotificationDecoder(SECRET);

    @Test
    void decryptsAndReadsAPaymentNotification() {
        Sealed sealed = seal(SECRET, PAYMENT_NOTIFICATION);

        OppNotification notification = decoder.decode(sealed.body, sealed.iv, sealed.tag);

        assertThat(notification.type()).isEqualTo("PAYMENT");
        assertThat(notification.isPayment()).isTrue();
        OppTransaction transaction = notification.transaction();
        assertThat(transaction.gatewayTransactionId()).isEqualTo("8ac7a4a17b0c3e29017b0c4f1a2b3c4d");
        assertThat(transaction.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(transaction.amountMinor()).isEqualTo(9200L);
        assertThat(transaction.merchantTransactionId()).isEqualTo("order-42");
        assertThat(transaction.card().last4Digits()).isEqualTo("0000");
    }

    @Test
    void acceptsLowerCaseHexAndSurroundingWhitespace() {
        Sealed sealed = seal(SECRET, PAYMENT_NOTIFICATION);

        OppNotification notification = decoder.decode(
                sealed.body.toLowerCase() + "\n", " " + sealed.iv.toLowerCase(), sealed.tag.toLowerCase());

        assertThat(notification.transaction().resultCode()).isEqualTo("000.100.110");
    }

    @Test
    void rejectsATamperedBody() {
        Sealed sealed = seal(SECRET, PAYMENT_NOTIFICATION);
        char[] body = sealed.body.toCharArray();
        body[10] = body[10] == '0' ? '1' : '0';

        assertThatThrownBy(() -> decoder.decode(new String(body), sealed.iv, sealed.tag))
                .isInstanceOfSatisfying(
                        InvalidOppNotificationException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo(InvalidOppNotificationException.Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void rejectsATamperedTagOrInitializationVector() {
        Sealed sealed = seal(SECRET, PAYMENT_NOTIFICATION);
        String otherTag = (sealed.tag.charAt(0) == 'A' ? "B" : "A") + sealed.tag.substring(1);
        String otherIv = (sealed.iv.charAt(0) == 'A' ? "B" : "A") + sealed.iv.substring(1);

        assertThatThrownBy(() -> decoder.decode(sealed.body, sealed.iv, otherTag))
                .isInstanceOf(InvalidOppNotificationException.class)
                .hasMessageContaining("authentication");
        assertThatThrownBy(() -> decoder.decode(sealed.body, otherIv, sealed.tag))
                .isInstanceOf(InvalidOppNotificationException.class)
                .hasMessageContaining("authentication");
    }

    @Test
    void rejectsANotificationEncryptedWithAnotherSecret() {
        Sealed sealed = seal("ff".repeat(32), PAYMENT_NOTIFICATION);

        assertThatThrownBy(() -> decoder.decode(sealed.body, sealed.iv, sealed.tag))
                .isInstanceOfSatisfying(
                        InvalidOppNotificationException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo(InvalidOppNotificationException.Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void rejectsMalformedParts() {
        Sealed sealed = seal(SECRET, PAYMENT_NOTIFICATION);

        assertThatThrownBy(() -> decoder.decode("not hex", sealed.iv, sealed.tag))
                .isInstanceOfSatisfying(
                        InvalidOppNotificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidOppNotificationException.Reason.MALFORMED));
        assertThatThrownBy(() -> decoder.decode(sealed.body, null, sealed.tag))
                .isInstanceOfSatisfying(
                        InvalidOppNotificationException.class,
                        e -> assertThat(e.getMessage()).contains("X-Initialization-Vector"));
        assertThatThrownBy(() -> decoder.decode(sealed.body, sealed.iv, sealed.tag.substring(0, 16)))
                .isInstanceOfSatisfying(
                        InvalidOppNotificationException.class,
                        e -> assertThat(e.getMessage()).contains("16 bytes"));
    }

    @Test
    void rejectsAnAuthenticNotificationWithoutPayload() {
        Sealed sealed = seal(SECRET, "{\"type\":\"PAYMENT\"}");

        assertThatThrownBy(() -> decoder.decode(sealed.body, sealed.iv, sealed.tag))
                .isInstanceOfSatisfying(
                        InvalidOppNotificationException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo(InvalidOppNotificationException.Reason.UNREADABLE_PAYLOAD));
    }

    @Test
    void refusesASecretThatIsNot64HexCharacters() {
        assertThatThrownBy(() -> new OppNotificationDecoder("abc")).hasMessageContaining("64 hexadecimal");
    }

    /** Encrypts as OPP documents it: AES-256-GCM, body = ciphertext without tag, IV and tag in headers, all hex. */
    static Sealed seal(String secretHex, String json) {
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(HexFormat.of().parseHex(secretHex), "AES"),
                    new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(json.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = Arrays.copyOfRange(sealed, 0, sealed.length - 16);
            byte[] tag = Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length);
            return new Sealed(HEX.formatHex(ciphertext), HEX.formatHex(iv), HEX.formatHex(tag));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Sealed(String body, String iv, String tag) {}
}

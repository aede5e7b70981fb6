package io.s2spay.checkout.payment;

import io.s2spay.checkout.CheckoutProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The return URL s2spay gives the gateway for each payment: {@code <public-base-url>/shopper-returns/<paymentId>/
 * <signature>}, where the signature is an HMAC-SHA-256 of the payment id, so a URL made for one payment cannot be
 * turned into another payment's (the gateway appends its own query parameters, which are ignored).
 */
@Component
class ShopperReturnLinks {

    static final String PATH = "/shopper-returns/";

    private final String baseUrl;
    private final byte[] key;

    ShopperReturnLinks(CheckoutProperties properties) {
        this.baseUrl = properties.publicBaseUrl();
        try {
            this.key = Base64.getDecoder()
                    .decode(properties.shopperReturn().signingKey().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("s2spay.checkout.shopper-return.signing-key is not valid base64");
        }
        if (key.length < 32) {
            throw new IllegalArgumentException("s2spay.checkout.shopper-return.signing-key must be at least 32 bytes");
        }
    }

    /** The absolute return URL of the payment. */
    String urlFor(String paymentId) {
        return baseUrl + PATH + paymentId + "/" + signature(paymentId);
    }

    /** Whether {@code signature} is the one of {@code paymentId}; compared in constant time. */
    boolean verify(String paymentId, String signature) {
        byte[] expected = signature(paymentId).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature == null ? new byte[0] : signature.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private String signature(String paymentId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(("shopper-return:" + paymentId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

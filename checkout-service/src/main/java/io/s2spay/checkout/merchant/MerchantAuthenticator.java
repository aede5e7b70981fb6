package io.s2spay.checkout.merchant;

import io.s2spay.checkout.CheckoutProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the merchant a secret API key belongs to by the key's SHA-256, so the clear keys never need to be
 * in configuration; the digests are compared in constant time.
 */
@Component
class MerchantAuthenticator {

    private static final String BEARER = "Bearer ";

    private final Map<String, byte[]> digestsByMerchant;

    MerchantAuthenticator(CheckoutProperties properties) {
        HexFormat hex = HexFormat.of();
        this.digestsByMerchant = properties.merchants().entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        Map.Entry::getKey,
                        e -> hex.parseHex(e.getValue().apiKeySha256().toLowerCase(Locale.ROOT))));
    }

    /** The merchant authenticated by an {@code Authorization: Bearer <key>} header value, if any. */
    Optional<AuthenticatedMerchant> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String key = authorizationHeader.substring(BEARER.length()).strip();
        if (key.isEmpty() || key.length() > 512) {
            return Optional.empty();
        }
        byte[] digest = sha256(key);
        String found = null;
        // every merchant is compared so the time taken does not tell which one came close
        for (Map.Entry<String, byte[]> merchant : digestsByMerchant.entrySet()) {
            if (MessageDigest.isEqual(merchant.getValue(), digest)) {
                found = merchant.getKey();
            }
        }
        return Optional.ofNullable(found).map(AuthenticatedMerchant::new);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

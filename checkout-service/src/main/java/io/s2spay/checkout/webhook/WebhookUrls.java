package io.s2spay.checkout.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Checks an endpoint URL: absolute https with a host, or http on a loopback host when that is allowed. */
final class WebhookUrls {

    static final int MAX_LENGTH = 2048;

    private WebhookUrls() {}

    /** Why {@code url} cannot be an endpoint, or empty when it can. */
    static Optional<String> problem(String url, boolean allowInsecureLoopback) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getScheme() == null) {
            return Optional.of("must be an absolute https URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user information");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            if (allowInsecureLoopback && isLoopback(uri.getHost())) {
                return Optional.empty();
            }
            return Optional.of(
                    allowInsecureLoopback ? "must use https (http only for loopback hosts)" : "must use https");
        }
        return Optional.of("must use https");
    }

    /** Loopback by its name alone: resolving it would let DNS decide what is allowed. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    }
}

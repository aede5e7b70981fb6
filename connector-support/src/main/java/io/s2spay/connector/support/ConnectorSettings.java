package io.s2spay.connector.support;

import java.net.URI;
import java.time.Duration;

/**
 * The checks every connector's settings make when they are built, each failing with a message naming the property,
 * so that a wrong value stops the application at startup.
 */
public final class ConnectorSettings {

    private ConnectorSettings() {}

    /**
     * The base URL as a URI, once checked: present, an absolute http(s) URL, ending in "/" and without a query or
     * fragment.
     *
     * @param property        the property's full name, e.g. {@code s2spay.orders.base-url}
     * @param example         a valid value, shown when the property is missing
     * @param whyTheSlash     what the connector appends to it, e.g. {@code "the API's paths are appended to it"}
     */
    public static URI requireBaseUrl(String baseUrl, String property, String example, String whyTheSlash) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException(property + " is required, e.g. " + example);
        }
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " is not a valid URL: " + baseUrl, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(property + " must be an absolute http(s) URL, was: " + baseUrl);
        }
        if (!baseUrl.endsWith("/")) {
            throw new IllegalArgumentException(
                    property + " must end in \"/\" (" + whyTheSlash + "), e.g. " + baseUrl + "/ instead of " + baseUrl);
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException(property + " must not have a query or fragment: " + baseUrl);
        }
        return uri;
    }

    /** The duration, or {@code fallback} when it is not set; zero and negative durations are refused. */
    public static Duration positiveOrDefault(Duration value, Duration fallback, String property) {
        if (value == null) {
            return fallback;
        }
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be positive, was " + value);
        }
        return value;
    }

    /** Refuses a missing or blank value with "{@code property} is required". */
    public static void requireText(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " is required");
        }
    }
}

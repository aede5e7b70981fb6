package io.s2spay.gateway;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A webhook as it arrived over HTTP: its body and headers (names compared without case), nothing decoded yet. */
public record NotificationMessage(String body, Map<String, String> headers) {

    public NotificationMessage {
        Map<String, String> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        }
        headers = Map.copyOf(lower);
    }

    /** The header {@code name}, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}

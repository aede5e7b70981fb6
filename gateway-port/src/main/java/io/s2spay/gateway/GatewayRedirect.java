package io.s2spay.gateway;

import java.util.List;
import java.util.Locale;

/**
 * Where the shopper must be sent to complete an asynchronous payment (3-D Secure challenge, bank page), as the
 * gateway described it: an HTML form with {@code url} as action, {@code method} (POST by default) and the parameters
 * as hidden inputs (none for a plain GET redirect).
 */
public record GatewayRedirect(String url, String method, List<Parameter> parameters) {

    /** One name/value pair of the redirect form. */
    public record Parameter(String name, String value) {}

    public GatewayRedirect {
        method = method == null || method.isBlank() ? "POST" : method.toUpperCase(Locale.ROOT);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /** The value of the parameter {@code name}, or null. */
    public String parameter(String name) {
        return parameters.stream()
                .filter(p -> p.name().equals(name))
                .map(Parameter::value)
                .findFirst()
                .orElse(null);
    }
}

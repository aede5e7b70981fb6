package io.s2spay.connector.opp;

import java.util.List;

/**
 * Where the shopper must be sent to complete an asynchronous payment (3-D Secure challenge, bank page): an HTML
 * form with {@code url} as action, {@code method} (POST by default) and the parameters as hidden inputs.
 */
public record OppRedirect(String url, String method, List<Parameter> parameters) {

    /** One name/value pair of the redirect form. */
    public record Parameter(String name, String value) {}

    public OppRedirect {
        method = method == null || method.isBlank() ? "POST" : method.toUpperCase(java.util.Locale.ROOT);
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

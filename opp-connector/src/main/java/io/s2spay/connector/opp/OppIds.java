package io.s2spay.connector.opp;

import java.util.regex.Pattern;

/**
 * The ids s2spay puts into OPP's paths: checked, so that a value from outside (a shopper's {@code resourcePath}, an
 * id in a command) can never point a request elsewhere.
 */
final class OppIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern RESOURCE_PATH = Pattern.compile("/?v1/payments/([A-Za-z0-9._-]{1,64})");

    private OppIds() {}

    /** {@code id} if it is 1..64 letters, digits, '.', '_' or '-'; refused otherwise, naming the field. */
    static String checked(String id, String name) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(name + " must be 1..64 letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    /** The payment id in a {@code resourcePath} ({@code /v1/payments/{id}}) or a bare id. */
    static String paymentIdOf(String resourcePathOrId) {
        if (resourcePathOrId == null) {
            throw new IllegalArgumentException("resourcePath or payment id is required");
        }
        var matcher = RESOURCE_PATH.matcher(resourcePathOrId);
        if (matcher.matches()) {
            return matcher.group(1);
        }
        if (ID.matcher(resourcePathOrId).matches()) {
            return resourcePathOrId;
        }
        throw new IllegalArgumentException(
                "not an OPP payment resourcePath (/v1/payments/{id}) or id: " + resourcePathOrId);
    }
}

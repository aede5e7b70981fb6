package io.s2spay.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions of the infrastructure the test kit starts, taken from the root POM at build time. */
final class Versions {

    static final String APICURIO_REGISTRY;
    static final String KAFKA;
    static final String POSTGRES;

    static {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "io/s2spay/testkit/versions.properties is missing from the test kit jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        APICURIO_REGISTRY = required(properties, "apicurio-registry.version");
        KAFKA = required(properties, "kafka.version");
        POSTGRES = required(properties, "postgres.version");
    }

    private Versions() {}

    /** The PostgreSQL major version, e.g. {@code 18} for binaries {@code 18.6.0}. */
    static String postgresMajor() {
        return POSTGRES.substring(0, POSTGRES.indexOf('.'));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("versions.properties has no resolved value for " + key
                    + " (was the test kit built with resource filtering?)");
        }
        return value.trim();
    }
}

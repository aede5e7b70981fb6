package io.s2spay.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A minimal service on the platform: it consumes payment commands idempotently and emits through the outbox. */
@SpringBootApplication
public class PlatformTestApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PlatformTestApplication.class).properties("spring.config.name=platform-test");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}

package io.s2spay.platform.testapp;

import io.s2spay.platform.kafka.InternalTopic;
import io.s2spay.schema.Money;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/** A minimal service on the platform: it consumes payment commands idempotently and emits through the outbox. */
@SpringBootApplication
public class PlatformTestApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PlatformTestApplication.class)
                .properties("spring.config.name=platform-test");
    }

    /** A topic outside the contract, declared as services declare theirs. */
    public static final String INTERNAL_TOPIC = "s2spay.platformtest.internal";

    @Bean
    InternalTopic internalTopic() {
        return new InternalTopic(INTERNAL_TOPIC, Money.class);
    }

    public static void main(String[] args) {
        application().run(args);
    }
}

package io.s2spay.executor;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The payment executor: consumes initial payment commands (PA, DB) from {@code s2spay.payment.commands}, runs them
 * against the gateway and publishes each outcome on {@code s2spay.payment.events} through its outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PaymentExecutorApplication {

    /** The application reading {@code payment-executor.yml}, so several s2spay services can share one JVM. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PaymentExecutorApplication.class)
                .properties("spring.config.name=payment-executor");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}

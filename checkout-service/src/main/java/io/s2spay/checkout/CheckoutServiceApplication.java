package io.s2spay.checkout;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The public HTTP API of s2spay: merchants' payments in, outcomes and the payment read model out. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CheckoutServiceApplication {

    /**
     * The application with its own configuration file ({@code checkout-service.yml}), so that it can run
     * in one JVM beside the other s2spay services; add {@code .properties(...)} to override settings.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CheckoutServiceApplication.class)
                .properties("spring.config.name=checkout-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}

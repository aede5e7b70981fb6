package io.s2spay.poller;

import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.routing.Gateways;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The status poller: tracks payments whose outcome is not final and publishes their final outcome. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class StatusPollerApplication {

    /** The application with its own config name, so several s2spay services can run in one JVM. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(StatusPollerApplication.class)
                .properties("spring.config.name=status-poller");
    }

    /** The time source of due checks and expiries (a bean so tests can move time). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Every configured gateway adapter (each connector registers its own): webhooks and checks go to the payment's. */
    @Bean
    Gateways gateways(ObjectProvider<GatewayPort> adapters) {
        // an ObjectProvider rather than a List: with no adapter at all Spring's own error would not say what to set
        return Gateways.requireAny(adapters.orderedStream().toList(), "status-poller");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}

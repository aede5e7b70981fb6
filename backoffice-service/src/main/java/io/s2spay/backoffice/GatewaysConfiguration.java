package io.s2spay.backoffice;

import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.routing.Gateways;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every gateway adapter back-office runs with (each family's connector registers its own {@link GatewayPort}), so
 * that an operation goes to the account its payment was processed on, whatever family holds it.
 */
@Configuration(proxyBeanMethods = false)
class GatewaysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewaysConfiguration.class);

    @Bean
    Gateways gateways(ObjectProvider<GatewayPort> adapters) {
        // an ObjectProvider rather than a List: with no adapter at all Spring's own error would not say what to set
        List<GatewayPort> all = adapters.orderedStream().toList();
        Gateways gateways = Gateways.requireAny(all, "backoffice-service");
        log.info("Gateways {}", all.stream().map(GatewayPort::name).toList());
        return gateways;
    }
}

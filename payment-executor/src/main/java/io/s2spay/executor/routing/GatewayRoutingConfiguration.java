package io.s2spay.executor.routing;

import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.routing.GatewayRouter;
import io.s2spay.gateway.routing.Gateways;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The executor's gateways: every gateway adapter on the class path that is configured (each family's connector
 * registers its own), and the merchants' routing over their accounts, checked at startup.
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayRoutingConfiguration.class);

    @Bean
    GatewayRouter gatewayRouter(ObjectProvider<GatewayPort> adapterProvider, GatewayRoutingProperties routing) {
        // an ObjectProvider rather than a List: with no adapter at all Spring's own error would not say what to set
        List<GatewayPort> adapters = adapterProvider.orderedStream().toList();
        GatewayRouter router = new GatewayRouter(Gateways.requireAny(adapters, "payment-executor"), routing.routes());
        log.info(
                "Gateways {}; routing rules for merchants {}",
                adapters.stream().map(GatewayPort::name).toList(),
                routing.merchants().keySet());
        return router;
    }
}

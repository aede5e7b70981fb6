package io.s2spay.executor.payment;

import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.routing.GatewayRouter;
import io.s2spay.gateway.routing.Gateways;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The executor's gateway side with one adapter, no routing rules and no stored card recorded (unit tests). */
final class SingleGateway {

    private SingleGateway() {}

    static PaymentGateway of(GatewayPort port, ExecutorProperties properties) {
        return new PaymentGateway(
                new GatewayRouter(new Gateways(List.of(port)), Map.of()),
                (merchantId, registrationId) -> Optional.empty(),
                properties);
    }
}

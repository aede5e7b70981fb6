package io.s2spay.sandbox.orders;

import io.s2spay.sandbox.SandboxProperties;
import io.s2spay.sandbox.fault.FaultFilters;
import io.s2spay.sandbox.fault.MagicAmount;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * Wires the orders API: its properties and the fault filter in front of its JSON endpoints (not its HTML pages),
 * whose magic amount is the order's total for a payment, the lines' total for a new order and a refund's amount.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrdersProperties.class)
class OrdersConfiguration {

    @Bean
    FilterRegistrationBean<?> ordersFaultFilter(SandboxProperties sandbox, OrdersStore store) {
        return FaultFilters.forJsonApi(
                "ordersFaultFilter",
                sandbox.faults(),
                magicAmount(store),
                "/orders-api/merchants/*",
                "/orders-api/payments",
                "/orders-api/payments/*");
    }

    static MagicAmount magicAmount(OrdersStore store) {
        return (HttpServletRequest request, byte[] body) -> {
            String path = request.getRequestURI();
            if (path.endsWith("/payments")) {
                JsonNode orderId = OrdersRequests.field(body, "orderId");
                return orderId == null || !orderId.isString()
                        ? null
                        : store.order(orderId.asString())
                                .map(Order::totalAmount)
                                .orElse(null);
            }
            if (path.endsWith("/orders")) {
                return OrdersRequests.linesTotal(body);
            }
            if (path.endsWith("/refunds")) {
                JsonNode amount = OrdersRequests.field(body, "amount");
                return amount != null && amount.canConvertToLong() ? amount.longValue() : null;
            }
            return null;
        };
    }
}

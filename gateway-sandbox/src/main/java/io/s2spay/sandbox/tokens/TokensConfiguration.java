package io.s2spay.sandbox.tokens;

import io.s2spay.sandbox.SandboxProperties;
import io.s2spay.sandbox.fault.FaultFilters;
import io.s2spay.sandbox.fault.MagicAmount;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Wires the tokens API: its configuration and the fault filter in front of {@code /tokens-api/v1/*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokensSandboxProperties.class)
class TokensConfiguration {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The amount a payment or a refund would move: its body's integer {@code amount}, in minor units. */
    static final MagicAmount AMOUNT = (request, body) -> {
        String uri = request.getRequestURI();
        if (!uri.endsWith("/v1/payments") && !uri.endsWith("/v1/refunds")) {
            return null;
        }
        try {
            JsonNode amount = MAPPER.readTree(body).path("amount");
            return amount.isIntegralNumber() && amount.canConvertToLong() ? amount.longValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    };

    @Bean
    FilterRegistrationBean<?> tokensFaultFilter(SandboxProperties properties) {
        return FaultFilters.forJsonApi("tokensFaultFilter", properties.faults(), AMOUNT, "/tokens-api/v1/*");
    }
}

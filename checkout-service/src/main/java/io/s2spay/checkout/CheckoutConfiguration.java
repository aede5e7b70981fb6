package io.s2spay.checkout;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the features of checkout share. */
@Configuration(proxyBeanMethods = false)
class CheckoutConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OpenAPI checkoutOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("s2spay checkout API")
                        .version("v1")
                        .description("Server-to-server card payments. Authenticate with the merchant's secret API key "
                                + "as 'Authorization: Bearer <key>'."))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")));
    }
}

package io.s2spay.sandbox.fault;

import io.s2spay.sandbox.SandboxProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires fault injection into Tomcat and in front of the OPP API ({@code /v1/*}). */
@Configuration(proxyBeanMethods = false)
class FaultConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionDropper() {
        return factory -> factory.addEngineValves(new ConnectionDropper());
    }

    @Bean
    FilterRegistrationBean<FaultFilter> faultFilter(SandboxProperties properties) {
        FilterRegistrationBean<FaultFilter> registration =
                new FilterRegistrationBean<>(new FaultFilter(properties.faults()));
        registration.addUrlPatterns("/v1/*");
        // after Boot's character encoding filter: reading the amount parses the body, which fixes its charset
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}

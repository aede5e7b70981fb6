package io.s2spay.platform.janitor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** The {@link Janitor} every s2spay service runs its janitor tasks on. */
@AutoConfiguration(
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnProperty(prefix = "s2spay.service", name = "name")
public final class JanitorAutoConfiguration {

    @Bean
    Janitor janitor(ObjectProvider<MeterRegistry> meters) {
        return new Janitor(meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}

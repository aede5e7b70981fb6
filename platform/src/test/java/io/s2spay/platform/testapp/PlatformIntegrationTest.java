package io.s2spay.platform.testapp;

import io.s2spay.testkit.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the platform's integration tests: one {@link PlatformTestApplication} context per JVM (all
 * subclasses share it) on the test kit's real PostgreSQL, Kafka and registry.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "spring.config.name=platform-test")
public abstract class PlatformIntegrationTest {

    public static final String SERVICE = "platformtest";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().register(registry, SERVICE);
    }
}

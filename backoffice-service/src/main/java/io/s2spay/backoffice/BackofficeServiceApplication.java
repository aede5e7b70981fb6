package io.s2spay.backoffice;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The back-office service: carries out CP, RV, RF, RB, CB, CR and RC commands on existing payments. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BackofficeServiceApplication {

    /** The application with its own config name, so several s2spay services can run in one JVM. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(BackofficeServiceApplication.class)
                .properties("spring.config.name=backoffice-service");
    }

    /** The time source of operation timestamps and re-checks (a bean so tests can move time). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}

package io.s2spay.poller.notification;

import io.s2spay.platform.kafka.InternalTopic;
import io.s2spay.schema.Topics;
import io.s2spay.schema.internal.OppTransactionReported;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The internal topic the poller reports gateway-confirmed transactions on: the platform creates it (and its
 * dead-letter topic) at startup if missing and registers its value schema.
 */
@Configuration(proxyBeanMethods = false)
class ReportedTransactionsTopic {

    @Bean
    InternalTopic oppTransactionsTopic() {
        return new InternalTopic(Topics.OPP_TRANSACTIONS, OppTransactionReported.class);
    }
}

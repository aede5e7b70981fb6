package io.s2spay.backoffice.operation;

import io.s2spay.platform.kafka.InternalTopic;
import io.s2spay.schema.Topics;
import io.s2spay.schema.internal.OppTransactionReported;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the transactions the gateway reported (through the status-poller) to their recording, once their payment is
 * known here or the payment wait is over.
 */
@Component
class ReportedTransactionListener {

    private final ReportedOperations reported;

    ReportedTransactionListener(ReportedOperations reported) {
        this.reported = reported;
    }

    /** Created at startup with the contract topics' partitions, whichever of the poller and back-office starts first. */
    @Bean
    static InternalTopic oppTransactionsTopic() {
        return new InternalTopic(Topics.OPP_TRANSACTIONS, OppTransactionReported.class);
    }

    @KafkaListener(
            id = "backoffice-reported-transactions",
            topics = Topics.OPP_TRANSACTIONS,
            groupId = "backoffice-service-reported",
            concurrency = "${s2spay.backoffice.listener-concurrency:3}")
    void on(OppTransactionReported report) {
        reported.awaitPayment(report);
        reported.record(report);
    }
}

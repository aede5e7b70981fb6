package io.s2spay.backoffice.operation;

import io.s2spay.connector.opp.report.OppTransactionReported;
import io.s2spay.connector.opp.report.OppTransactionReports;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the transactions the gateway reported (through the status-poller) to their recording; translates only. */
@Component
class ReportedTransactionListener {

    private final ReportedOperations reported;

    ReportedTransactionListener(ReportedOperations reported) {
        this.reported = reported;
    }

    @KafkaListener(id = "backoffice-reported-transactions", topics = OppTransactionReports.TOPIC,
            groupId = "backoffice-service-reported", concurrency = "${s2spay.backoffice.listener-concurrency:3}")
    void on(OppTransactionReported report) {
        reported.record(report);
    }
}

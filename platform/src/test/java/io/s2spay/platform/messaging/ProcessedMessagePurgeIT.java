package io.s2spay.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.platform.testapp.PlatformIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.transaction.support.TransactionTemplate;

class ProcessedMessagePurgeIT extends PlatformIntegrationTest {

    @Autowired
    ProcessedMessagePurger purger;

    @Autowired
    ProcessedMessageProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ScheduledTaskHolder scheduler;

    @Test
    void keepsProcessedMessageIdsForSevenDaysByDefault() {
        assertThat(properties.retention()).hasDays(7);
    }

    @Test
    void purgesOnSpringsSchedulerWhichThePlatformEnablesItself() {
        assertThat(scheduler.getScheduledTasks())
                .anySatisfy(task -> assertThat(task.toString()).contains("processed-message-purger"))
                .anySatisfy(task -> assertThat(task.toString()).contains("outbox-purger"));
    }

    @Test
    void purgesOnlyProcessedMessagesOlderThanTheRetention() {
        String old = "purge-old-" + UUID.randomUUID();
        String recent = "purge-recent-" + UUID.randomUUID();
        jdbc.sql(
                        "insert into processed_message (message_id, processed_at) values (?, now() - interval '7 days 1 minute')")
                .param(old)
                .update();
        jdbc.sql(
                        "insert into processed_message (message_id, processed_at) values (?, now() - interval '6 days 23 hours')")
                .param(recent)
                .update();

        int purged = purger.purge();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from processed_message where message_id = ?")
                        .param(old)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from processed_message where message_id = ?")
                        .param(recent)
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    @Test
    void findsTheMessagesToPurgeThroughAnIndexOnTheirAge() {
        // with sequential scans priced out, the planner says whether an index can serve the purge's selection
        List<String> plan = transactions.execute(tx -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain select message_id from processed_message where processed_at < now() limit 5000")
                    .query(String.class)
                    .list();
        });

        assertThat(String.join("\n", plan)).contains("processed_message_processed_at_idx");
    }
}

package io.s2spay.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.platform.messaging.DependencyUnavailableException;
import io.s2spay.platform.messaging.InvalidMessageException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class InfrastructureOutagesTest {

    @Test
    void anUnreachableDatabaseIsAnOutageHoweverDeepTheCause() {
        assertThat(InfrastructureOutages.isDatabaseOutage(new ListenerExecutionFailedException(
                        "listener failed",
                        new CannotCreateTransactionException(
                                "no connection",
                                new CannotGetJdbcConnectionException(
                                        "pool", new SQLTransientConnectionException("refused"))))))
                .isTrue();
        assertThat(InfrastructureOutages.isDatabaseOutage(
                        new IllegalStateException(new SQLRecoverableException("closed"))))
                .isTrue();
    }

    @Test
    void anUnavailableDependencyIsAnOutageToo() {
        assertThat(InfrastructureOutages.isDatabaseOutage(new ListenerExecutionFailedException(
                        "listener failed", new DependencyUnavailableException("the gateway did not answer"))))
                .isTrue();
    }

    @Test
    void failuresOfTheRecordOrTheCodeAreNotOutages() {
        assertThat(InfrastructureOutages.isDatabaseOutage(new InvalidMessageException("no payment id")))
                .isFalse();
        assertThat(InfrastructureOutages.isDatabaseOutage(new DataIntegrityViolationException("duplicate key")))
                .isFalse();
        assertThat(InfrastructureOutages.isDatabaseOutage(new IllegalStateException("bug")))
                .isFalse();
    }
}

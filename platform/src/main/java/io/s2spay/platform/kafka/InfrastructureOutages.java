package io.s2spay.platform.kafka;

import io.s2spay.platform.messaging.DependencyUnavailableException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by the service's database being unreachable (connection refused or lost, pool exhausted,
 * server shutting down), or by another system the service depends on ({@link DependencyUnavailableException}, e.g.
 * a gateway that does not answer), from one caused by the record: the first kind says nothing about the record,
 * would fail the next record as well, and ends when the database or the dependency is back.
 */
final class InfrastructureOutages {

    private InfrastructureOutages() {}

    /** Whether {@code failure}, or one of its causes, says the database (or a dependency) cannot be reached. */
    static boolean isDatabaseOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DependencyUnavailableException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}

package io.rmbsim.cluster;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.datasource.common.runtime.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A leader that hangs in the middle of a batch (stopped, frozen) keeps its transaction open, and with
 * it the FOR SHARE on the leadership epoch, so no other instance could count the epoch up and take
 * over. On PostgreSQL the server ends a session that has been idle inside a transaction for 10 s;
 * the service's own transactions never wait between their statements.
 */
@ApplicationScoped
public class IdleTransactionLimit implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(IdleTransactionLimit.class);

    private final boolean postgres;

    IdleTransactionLimit(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.postgres = DatabaseKind.isPostgreSQL(dbKind);
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        if (!postgres) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("set idle_in_transaction_session_timeout = '10s'");
        } catch (SQLException e) {
            LOG.warnf("idle_in_transaction_session_timeout not set: a leader that hangs mid-batch would hold up a takeover: %s",
                    e.getMessage());
        }
    }
}

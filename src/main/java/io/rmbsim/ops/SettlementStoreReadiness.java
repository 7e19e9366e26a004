package io.rmbsim.ops;

import io.agroal.api.AgroalDataSource;
import io.rmbsim.sequencer.SettlementSequencer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the store answers a real query on the application's own schema (a reachable
 * database whose migrations have not run is not ready to settle anything) and settlement can write
 * its journal: after a failed write it is DOWN until a write succeeds again.
 */
@Readiness
@ApplicationScoped
public class SettlementStoreReadiness implements HealthCheck {

    private final AgroalDataSource dataSource;
    private final SettlementSequencer sequencer;

    SettlementStoreReadiness(AgroalDataSource dataSource, SettlementSequencer sequencer) {
        this.dataSource = dataSource;
        this.sequencer = sequencer;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("settlement-store");
        String failure = sequencer.failure();
        if (failure != null) {
            return response.down().withData("error", failure).build();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            try (ResultSet rs = s.executeQuery("select count(*) from participant")) {
                rs.next();
                return response.up().withData("participants", rs.getLong(1)).build();
            }
        } catch (SQLException e) {
            return response.down().withData("error", "the store does not answer: " + e.getClass().getSimpleName()).build();
        }
    }
}

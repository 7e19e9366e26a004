package io.rmbsim.cluster;

import io.agroal.api.AgroalDataSource;
import io.rmbsim.participant.ParticipantChanged;
import io.rmbsim.settlement.SettlementUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A participant admitted or changed reaches live settlement only through the leader's sequencer,
 * after the commit. Were a deposed leader to commit such a change after the new leader had loaded
 * its state, the new leader would never learn of it; so the change's own transaction checks the
 * epoch like every other write of the leader. Loading the seed at start comes before contending and
 * is not checked (the seed is safe with two instances starting together).
 */
@ApplicationScoped
public class DirectoryFence {

    private final Leadership leadership;
    private final AgroalDataSource dataSource;

    DirectoryFence(Leadership leadership, AgroalDataSource dataSource) {
        this.leadership = leadership;
        this.dataSource = dataSource;
    }

    void check(@Observes ParticipantChanged change) {
        if (!leadership.decided()) {
            return;
        }
        // inside the change's transaction, the pool hands out the connection enlisted in it
        try (Connection c = dataSource.getConnection()) {
            leadership.check(c);
        } catch (SQLException e) {
            throw new SettlementUnavailable("this instance no longer leads settlement; nothing was changed, retry");
        }
    }
}

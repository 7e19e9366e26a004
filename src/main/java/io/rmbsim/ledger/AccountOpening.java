package io.rmbsim.ledger;

import io.rmbsim.participant.ParticipantChanged;
import io.rmbsim.participant.Participation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;

/** Every participant has its settlement account from the moment it is admitted, in the same transaction. */
@ApplicationScoped
public class AccountOpening {

    private final Clock clock;

    AccountOpening(Clock clock) {
        this.clock = clock;
    }

    void open(@Observes ParticipantChanged change) {
        if (!change.admitted()) {
            return;
        }
        SettlementAccount account = new SettlementAccount();
        account.bic = change.bic();
        account.heldAt = change.participation() == Participation.DIRECT ? SettlementAccount.CIPS : change.settlementAgent();
        account.balance = 0;
        account.openedAt = clock.instant();
        account.persist();
    }
}

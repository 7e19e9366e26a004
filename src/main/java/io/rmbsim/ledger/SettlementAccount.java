package io.rmbsim.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A settlement account: a DIRECT participant's account at CIPS ({@code heldAt = CIPS}) or an INDIRECT
 * participant's account on its agent's books ({@code heldAt} = the agent's BIC). Its balance, the
 * credit line its agent grants (indirect accounts) and the reservation for HIGH payments (CIPS
 * accounts) are written only by the settlement sequencer.
 */
@Entity
@Table(name = "settlement_account")
public class SettlementAccount extends PanacheEntityBase {

    public static final String CIPS = "CIPS";

    @Id
    public String bic;

    @Column(name = "held_at")
    public String heldAt;

    public long balance;

    @Column(name = "credit_line")
    public long creditLine;

    public long reserved;

    @Column(name = "opened_at")
    public Instant openedAt;
}

package io.rmbsim.participant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An institution in the CIPS directory as Harbin Bank sees it, keyed by its BIC11. */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    @Id
    @Column(length = 11)
    public String bic;

    public String name;

    public String country;

    @Enumerated(EnumType.STRING)
    public Participation participation;

    /** The DIRECT participant an INDIRECT one settles through; null for a DIRECT participant. */
    @Column(name = "settlement_agent")
    public String settlementAgent;

    @Column(name = "cips_id")
    public String cipsId;

    public String lei;

    @Enumerated(EnumType.STRING)
    @Column(name = "institution_type")
    public InstitutionType institutionType;

    @Enumerated(EnumType.STRING)
    public ParticipantStatus status;

    /** Invented for the demo network (names and BICs of the seeded Russian banks, for example). */
    public boolean illustrative;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isActiveDirect() {
        return participation == Participation.DIRECT && status == ParticipantStatus.ACTIVE;
    }
}

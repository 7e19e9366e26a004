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
import java.util.UUID;

/** A bank's application to join CIPS as an indirect participant through a direct participant. */
@Entity
@Table(name = "onboarding_application")
public class OnboardingApplication extends PanacheEntityBase {

    @Id
    public UUID id;

    public String bic;

    public String name;

    public String country;

    public String lei;

    @Column(name = "settlement_agent")
    public String settlementAgent;

    @Enumerated(EnumType.STRING)
    @Column(name = "institution_type")
    public InstitutionType institutionType;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    /** Why it was rejected; null otherwise. */
    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    public long version;

    static boolean pendingFor(String bic) {
        return count("bic = ?1 and status = ?2", bic, ApplicationStatus.PENDING) > 0;
    }

    static boolean pendingThrough(String agentBic) {
        return count("settlementAgent = ?1 and status = ?2", agentBic, ApplicationStatus.PENDING) > 0;
    }
}

package io.rmbsim.alliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A member of Harbin's regional financial settlement service center alliance. Never deleted. */
@Entity
@Table(name = "alliance_member")
public class AllianceMember extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public MemberCategory category;

    public String country;

    /** Its BIC, when it has one; a member need not be a CIPS participant. */
    public String bic;

    public String lei;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Enumerated(EnumType.STRING)
    public MembershipStatus status;

    public boolean illustrative;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

}

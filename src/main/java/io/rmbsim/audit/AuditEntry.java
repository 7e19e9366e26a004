package io.rmbsim.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An audit entry as stored (written only by {@link AuditTrail}). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public long seq;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    public String actor;
    @Column(name = "actor_role")
    public String actorRole;
    @Column(name = "actor_bic")
    public String actorBic;
    public String method;
    public String path;
    public int status;
    public String outcome;
    public String resource;
    @Column(name = "prev_hash")
    public String prevHash;
    public String hash;

    public AuditRecord record() {
        return new AuditRecord(seq, recordedAt, actor, actorRole, actorBic, method, path, status, outcome, resource,
                prevHash, hash);
    }
}

package io.rmbsim.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.rmbsim.alliance.AllianceMember;
import io.rmbsim.alliance.AllianceRegister;
import io.rmbsim.alliance.MemberCategory;
import io.rmbsim.participant.InstitutionType;
import io.rmbsim.participant.ParticipantDirectory;
import io.rmbsim.participant.Participation;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the Harbin network (directory and alliance register) once, on the first start against an
 * empty store. The {@code seed_run} row is written first in the same transaction: a second instance
 * starting on the same database at the same moment waits on that row and then finds it loaded.
 */
@ApplicationScoped
public class HarbinNetworkSeed {

    static final String NAME = "harbin-network";
    static final String RESOURCE = "seed/harbin-network.json";

    private static final Logger LOG = Logger.getLogger(HarbinNetworkSeed.class);

    private final EntityManager em;
    private final ParticipantDirectory directory;
    private final AllianceRegister alliance;
    private final ObjectMapper json;
    private final Clock clock;
    private final boolean enabled;

    HarbinNetworkSeed(EntityManager em, ParticipantDirectory directory, AllianceRegister alliance, ObjectMapper json,
            Clock clock, @ConfigProperty(name = "rmbsim.seed.enabled") boolean enabled) {
        this.em = em;
        this.directory = directory;
        this.alliance = alliance;
        // the data file is ours and documented; it may carry notes the API's strict reader would refuse
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.clock = clock;
        this.enabled = enabled;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!enabled) {
            LOG.info("Seed disabled (rmbsim.seed.enabled=false): the store starts as it is");
            return;
        }
        try {
            boolean loaded = QuarkusTransaction.requiringNew().call(this::loadIfAbsent);
            LOG.infof(loaded ? "Seeded the Harbin network from %s" : "Harbin network already seeded; %s not loaded again",
                    RESOURCE);
        } catch (RuntimeException e) {
            if (QuarkusTransaction.requiringNew().call(this::alreadyLoaded)) {
                LOG.info("Harbin network seeded by another instance at the same time");
                return;
            }
            throw e;
        }
    }

    /** Loads the data set unless it was loaded before; answers whether it loaded it now. */
    boolean loadIfAbsent() {
        if (alreadyLoaded()) {
            return false;
        }
        SeedFile seed = read();
        em.createNativeQuery("insert into seed_run (name, data_version, loaded_at) values (?1, ?2, ?3)")
                .setParameter(1, NAME)
                .setParameter(2, seed.version())
                .setParameter(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
        for (SeedParticipant p : seed.participants()) {
            directory.admit(new ParticipantDirectory.Admission(p.bic(), p.name(), p.country(), p.participation(),
                    p.settlementAgent(), p.cipsId(), p.lei(), p.institutionType(), p.illustrative()));
        }
        for (SeedMember m : seed.alliance()) {
            AllianceMember member = alliance.admit(new AllianceRegister.Admission(m.name(), m.category(), m.country(),
                    m.joinedOn(), m.bic(), m.lei(), m.illustrative()));
            if (m.leftOn() != null) {
                alliance.withdraw(member.id, m.leftOn().toString());
            }
        }
        return true;
    }

    boolean alreadyLoaded() {
        Number n = (Number) em.createNativeQuery("select count(*) from seed_run where name = ?1")
                .setParameter(1, NAME).getSingleResult();
        return n.longValue() > 0;
    }

    private SeedFile read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("seed data " + RESOURCE + " is missing from the application");
            }
            return json.readValue(in, SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("seed data " + RESOURCE + " cannot be read", e);
        }
    }

    @RegisterForReflection
    record SeedFile(String about, int version, List<SeedParticipant> participants, List<SeedMember> alliance) {
    }

    @RegisterForReflection
    record SeedParticipant(String bic, String name, String country, Participation participation, String settlementAgent,
            String cipsId, String lei, InstitutionType institutionType, boolean illustrative) {
    }

    @RegisterForReflection
    record SeedMember(String name, MemberCategory category, String country, LocalDate joinedOn, LocalDate leftOn,
            String bic, String lei, boolean illustrative) {
    }
}

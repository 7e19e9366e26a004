package io.rmbsim.participant;

import io.quarkus.panache.common.Sort;
import io.rmbsim.access.KnownBanks;
import io.rmbsim.identifier.Bic;
import io.rmbsim.identifier.CountryCode;
import io.rmbsim.web.Criteria;
import io.rmbsim.web.Page;
import io.rmbsim.web.PageRequest;
import io.rmbsim.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The CIPS participant directory: registering institutions and moving them through their life.
 * Every change locks the rows it depends on, so that two requests cannot, say, terminate an agent
 * while an indirect participant is registered behind it.
 */
@ApplicationScoped
public class ParticipantDirectory implements KnownBanks {

    private final Clock clock;
    private final Event<ParticipantChanged> changes;

    ParticipantDirectory(Clock clock, Event<ParticipantChanged> changes) {
        this.clock = clock;
        this.changes = changes;
    }

    @Transactional
    public Participant register(RegisterParticipant command) {
        String bic = Bic.parse(command.bic()).value();
        String agent = command.settlementAgent() == null ? null : Bic.parse(command.settlementAgent()).value();
        if (command.participation() == Participation.DIRECT && agent != null) {
            throw ProblemException.invalid("settlementAgent", "must be absent for a DIRECT participant");
        }
        if (command.participation() == Participation.INDIRECT && agent == null) {
            throw ProblemException.invalid("settlementAgent", "is required for an INDIRECT participant");
        }
        if (OnboardingApplication.pendingFor(bic)) {
            throw ProblemException.conflict("an onboarding application for " + bic + " is pending; approve or reject it");
        }
        return admit(new Admission(bic, command.name(), CountryCode.normalise(command.country()), command.participation(),
                agent, command.cipsId(), command.lei(), command.institutionType(), false));
    }

    /** What a new participant is made of, checked and normalised. */
    public record Admission(String bic, String name, String country, Participation participation,
            String settlementAgent, String cipsId, String lei, InstitutionType institutionType, boolean illustrative) {
    }

    /** Adds a participant to the directory; its agent, if any, must be an ACTIVE DIRECT participant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Participant admit(Admission admission) {
        if (admission.settlementAgent() != null) {
            if (admission.settlementAgent().equals(admission.bic())) {
                throw ProblemException.invalid("settlementAgent", "a participant cannot be its own settlement agent", "AGNT");
            }
            Participant agent = Participant.findById(admission.settlementAgent(), LockModeType.PESSIMISTIC_WRITE);
            SettlementAgentPolicy.requireUsableAgent(admission.settlementAgent(), agent);
        }
        if (Participant.findById(admission.bic()) != null) {
            throw ProblemException.conflict("participant " + admission.bic() + " is already in the directory");
        }
        Instant now = clock.instant();
        Participant p = new Participant();
        p.bic = admission.bic();
        p.name = admission.name();
        p.country = admission.country();
        p.participation = admission.participation();
        p.settlementAgent = admission.settlementAgent();
        p.cipsId = admission.cipsId();
        p.lei = admission.lei();
        p.institutionType = admission.institutionType();
        p.status = ParticipantStatus.ACTIVE;
        p.illustrative = admission.illustrative();
        p.createdAt = now;
        p.updatedAt = now;
        p.persistAndFlush();
        changes.fire(new ParticipantChanged(p.bic, p.participation, p.settlementAgent, p.status, true));
        return p;
    }

    @Override
    public String registered(String bic) {
        return get(bic).bic;
    }

    @Override
    public java.util.Set<String> indirectsOf(String agent) {
        return new java.util.LinkedHashSet<>(Participant.getEntityManager().createQuery(
                "select p.bic from Participant p where p.settlementAgent = :agent order by p.bic", String.class)
                .setParameter("agent", agent).getResultList());
    }

    public Participant get(String bic) {
        Participant p = Participant.findById(bic);
        if (p == null) {
            throw ProblemException.notFound("participant", bic);
        }
        return p;
    }

    public Page<Participant> list(Participation participation, String country, String settlementAgent,
            ParticipantStatus status, PageRequest page) {
        Criteria criteria = new Criteria()
                .equal("participation", participation)
                .equal("country", country)
                .equal("settlementAgent", settlementAgent)
                .equal("status", status);
        List<Participant> items = Participant.<Participant>find(criteria.query(), Sort.by("bic"), criteria.parameters())
                .page(page.page(), page.size()).list();
        return new Page<>(items, page.page(), page.size(), Participant.count(criteria.query(), criteria.parameters()));
    }

    @Transactional
    public Participant suspend(String bic) {
        Participant p = lock(bic);
        return changeStatus(p, p.status.suspend(bic));
    }

    @Transactional
    public Participant reactivate(String bic) {
        Participant p = lock(bic);
        ParticipantStatus next = p.status.reactivate(bic);
        if (p.settlementAgent != null) {
            Participant agent = Participant.findById(p.settlementAgent, LockModeType.PESSIMISTIC_WRITE);
            if (agent == null || agent.status == ParticipantStatus.TERMINATED) {
                throw ProblemException.conflict("participant " + bic + " cannot be reactivated: its settlement agent "
                        + p.settlementAgent + " is terminated", "AGNT");
            }
        }
        return changeStatus(p, next);
    }

    @Transactional
    public Participant terminate(String bic) {
        Participant p = lock(bic);
        ParticipantStatus next = p.status.terminate(bic);
        if (p.participation == Participation.DIRECT) {
            long dependants = Participant.count("settlementAgent = ?1 and status <> ?2", bic, ParticipantStatus.TERMINATED);
            if (dependants > 0) {
                throw ProblemException.conflict("participant " + bic + " is the settlement agent of " + dependants
                        + " indirect participant(s) that are not terminated; terminate or move them first", "AGNT");
            }
            if (OnboardingApplication.pendingThrough(bic)) {
                throw ProblemException.conflict("participant " + bic
                        + " is the settlement agent named by pending onboarding applications; decide them first", "AGNT");
            }
        }
        return changeStatus(p, next);
    }

    private Participant lock(String bic) {
        Participant p = Participant.findById(bic, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("participant", bic);
        }
        return p;
    }

    private Participant changeStatus(Participant p, ParticipantStatus next) {
        p.status = next;
        p.updatedAt = clock.instant();
        changes.fire(new ParticipantChanged(p.bic, p.participation, p.settlementAgent, p.status, false));
        return p;
    }
}

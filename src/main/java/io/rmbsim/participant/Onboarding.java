package io.rmbsim.participant;

import io.quarkus.panache.common.Sort;
import io.rmbsim.identifier.Bic;
import io.rmbsim.identifier.CountryCode;
import io.rmbsim.participant.ParticipantDirectory.Admission;
import io.rmbsim.web.Criteria;
import io.rmbsim.web.Page;
import io.rmbsim.web.PageRequest;
import io.rmbsim.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Onboarding: a bank applies to join CIPS as an indirect participant through a direct participant,
 * and the application is approved (the participant is admitted) or rejected, once.
 */
@ApplicationScoped
public class Onboarding {

    private final Clock clock;
    private final ParticipantDirectory directory;

    Onboarding(Clock clock, ParticipantDirectory directory) {
        this.clock = clock;
        this.directory = directory;
    }

    @Transactional
    public OnboardingApplication apply(ApplyForParticipation command) {
        String bic = Bic.parse(command.bic()).value();
        String agentBic = Bic.parse(command.settlementAgent()).value();
        if (agentBic.equals(bic)) {
            throw ProblemException.invalid("settlementAgent", "a bank cannot be its own settlement agent", "AGNT");
        }
        SettlementAgentPolicy.requireUsableAgent(agentBic, Participant.findById(agentBic));
        if (Participant.findById(bic) != null) {
            throw ProblemException.conflict("participant " + bic + " is already in the directory");
        }
        if (OnboardingApplication.pendingFor(bic)) {
            throw ProblemException.conflict("an onboarding application for " + bic + " is already pending");
        }
        OnboardingApplication a = new OnboardingApplication();
        a.id = UUID.randomUUID();
        a.bic = bic;
        a.name = command.name();
        a.country = CountryCode.normalise(command.country());
        a.lei = command.lei();
        a.settlementAgent = agentBic;
        a.institutionType = command.institutionType();
        a.status = ApplicationStatus.PENDING;
        a.submittedAt = clock.instant();
        a.persist();
        return a;
    }

    public OnboardingApplication get(UUID id) {
        OnboardingApplication a = OnboardingApplication.findById(id);
        if (a == null) {
            throw ProblemException.notFound("application", id);
        }
        return a;
    }

    public Page<OnboardingApplication> list(ApplicationStatus status, String settlementAgent, PageRequest page) {
        Criteria criteria = new Criteria().equal("status", status).equal("settlementAgent", settlementAgent);
        List<OnboardingApplication> items = OnboardingApplication.<OnboardingApplication>find(criteria.query(),
                Sort.by("submittedAt").and("id"), criteria.parameters()).page(page.page(), page.size()).list();
        return new Page<>(items, page.page(), page.size(),
                OnboardingApplication.count(criteria.query(), criteria.parameters()));
    }

    /** Admits the applicant as an ACTIVE INDIRECT participant settling through the agent it named. */
    @Transactional
    public OnboardingApplication approve(UUID id) {
        OnboardingApplication a = lockPending(id, "approved");
        directory.admit(new Admission(a.bic, a.name, a.country, Participation.INDIRECT, a.settlementAgent, null, a.lei,
                a.institutionType, false));
        a.status = ApplicationStatus.APPROVED;
        a.decidedAt = clock.instant();
        return a;
    }

    @Transactional
    public OnboardingApplication reject(UUID id, String reason) {
        OnboardingApplication a = lockPending(id, "rejected");
        a.status = ApplicationStatus.REJECTED;
        a.decisionReason = reason;
        a.decidedAt = clock.instant();
        return a;
    }

    private OnboardingApplication lockPending(UUID id, String action) {
        OnboardingApplication a = OnboardingApplication.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("application", id);
        }
        if (a.status != ApplicationStatus.PENDING) {
            throw ProblemException.conflict("application " + id + " is already " + a.status
                    + " and cannot be " + action);
        }
        return a;
    }
}

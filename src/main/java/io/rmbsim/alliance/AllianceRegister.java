package io.rmbsim.alliance;

import io.quarkus.panache.common.Sort;
import io.rmbsim.identifier.Bic;
import io.rmbsim.identifier.CountryCode;
import io.rmbsim.web.Criteria;
import io.rmbsim.web.Page;
import io.rmbsim.web.PageRequest;
import io.rmbsim.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The register of Harbin's regional financial settlement service center alliance. Members join and
 * withdraw; nothing is ever deleted, so the register can say how the alliance stood on any date.
 */
@ApplicationScoped
public class AllianceRegister {

    /** The register is kept in Harbin: its "today" is Beijing's date. */
    static final ZoneId REGISTER_ZONE = io.rmbsim.settlement.BusinessCalendar.BEIJING;

    private static final String MEMBER_ON = "joinedOn <= :asOf and (leftOn is null or leftOn > :asOf)";

    private final Clock clock;

    AllianceRegister(Clock clock) {
        this.clock = clock;
    }

    /** What the register records of a new member, checked and normalised. */
    public record Admission(String name, MemberCategory category, String country, LocalDate joinedOn, String bic,
            String lei, boolean illustrative) {
    }

    @Transactional
    public AllianceMember admit(AdmitMember command) {
        return admit(new Admission(command.name().strip(), command.category(), CountryCode.normalise(command.country()),
                date("joinedOn", command.joinedOn()), command.bic() == null ? null : Bic.parse(command.bic()).value(),
                command.lei(), false));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AllianceMember admit(Admission admission) {
        if (admission.joinedOn().isAfter(today())) {
            throw ProblemException.invalid("joinedOn", "must not be in the future (today is " + today() + " in Harbin)");
        }
        if (AllianceMember.count("lower(name) = ?1 and status = ?2", admission.name().toLowerCase(java.util.Locale.ROOT),
                MembershipStatus.ACTIVE) > 0) {
            throw ProblemException.conflict("an active member named '" + admission.name() + "' is already on the register");
        }
        if (admission.bic() != null
                && AllianceMember.count("bic = ?1 and status = ?2", admission.bic(), MembershipStatus.ACTIVE) > 0) {
            throw ProblemException.conflict("an active member with BIC " + admission.bic() + " is already on the register");
        }
        AllianceMember m = new AllianceMember();
        m.id = UUID.randomUUID();
        m.name = admission.name();
        m.category = admission.category();
        m.country = admission.country();
        m.joinedOn = admission.joinedOn();
        m.bic = admission.bic();
        m.lei = admission.lei();
        m.status = MembershipStatus.ACTIVE;
        m.illustrative = admission.illustrative();
        m.createdAt = clock.instant();
        m.persist();
        return m;
    }

    /** Records that a member left on {@code leftOn}: the first day it is no longer a member. */
    @Transactional
    public AllianceMember withdraw(UUID id, String leftOnText) {
        LocalDate leftOn = date("leftOn", leftOnText);
        AllianceMember m = AllianceMember.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("alliance member", id);
        }
        if (m.status == MembershipStatus.WITHDRAWN) {
            throw ProblemException.conflict("member " + id + " already withdrew on " + m.leftOn);
        }
        if (leftOn.isBefore(m.joinedOn)) {
            throw ProblemException.invalid("leftOn", "must not be before the member joined (" + m.joinedOn + ")");
        }
        if (leftOn.isAfter(today())) {
            throw ProblemException.invalid("leftOn", "must not be in the future (today is " + today() + " in Harbin)");
        }
        m.status = MembershipStatus.WITHDRAWN;
        m.leftOn = leftOn;
        return m;
    }

    public AllianceMember get(UUID id) {
        AllianceMember m = AllianceMember.findById(id);
        if (m == null) {
            throw ProblemException.notFound("alliance member", id);
        }
        return m;
    }

    public Page<AllianceMember> list(MemberCategory category, MembershipStatus status, String country, PageRequest page) {
        Criteria criteria = new Criteria().equal("category", category).equal("status", status).equal("country", country);
        List<AllianceMember> items = AllianceMember.<AllianceMember>find(criteria.query(),
                Sort.by("joinedOn").and("name").and("id"), criteria.parameters()).page(page.page(), page.size()).list();
        return new Page<>(items, page.page(), page.size(), AllianceMember.count(criteria.query(), criteria.parameters()));
    }

    /** The alliance as it stood on {@code asOf} (today when null): members joined by then and not yet left. */
    public AllianceSummary summary(LocalDate asOf) {
        LocalDate date = asOf == null ? today() : asOf;
        Map<MemberCategory, Long> byCategory = new EnumMap<>(MemberCategory.class);
        for (MemberCategory c : MemberCategory.values()) {
            byCategory.put(c, 0L);
        }
        Map<String, Long> byCountry = new TreeMap<>();
        long total = 0;
        List<Object[]> rows = AllianceMember.getEntityManager()
                .createQuery("select m.category, m.country, count(m) from AllianceMember m where " + MEMBER_ON
                        + " group by m.category, m.country", Object[].class)
                .setParameter("asOf", date)
                .getResultList();
        for (Object[] row : rows) {
            long n = ((Number) row[2]).longValue();
            byCategory.merge((MemberCategory) row[0], n, Long::sum);
            byCountry.merge((String) row[1], n, Long::sum);
            total += n;
        }
        return new AllianceSummary(date, total, byCategory, byCountry);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(REGISTER_ZONE));
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "is not a calendar date: " + text);
        }
    }
}

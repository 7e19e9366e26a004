package io.rmbsim.day;

import io.rmbsim.access.Caller;
import io.rmbsim.access.Roles;
import io.rmbsim.web.Criteria;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.panache.common.Sort;
import io.rmbsim.money.Money;
import io.rmbsim.payment.Payment;
import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.PaymentStatus;
import io.rmbsim.payment.PaymentView;
import io.rmbsim.sequencer.PaymentSnapshot;
import io.rmbsim.sequencer.SettlementSequencer;
import io.rmbsim.settlement.SettlementMethod;
import io.rmbsim.web.Page;
import io.rmbsim.web.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import io.rmbsim.web.ProblemException;
import io.rmbsim.web.QueryParams;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/settlement")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.MEMBER})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settlement day", description = "The business day, the queue, the liquidity-saving mechanism, end of day")
public class SettlementDayResource {

    private final SettlementSequencer sequencer;
    private final EntityManager em;
    private final boolean autoClose;
    private final Caller caller;

    private final java.time.Clock clock;

    SettlementDayResource(SettlementSequencer sequencer, EntityManager em, Caller caller, java.time.Clock clock,
            @ConfigProperty(name = "settlement.auto-close", defaultValue = "true") boolean autoClose) {
        this.sequencer = sequencer;
        this.clock = clock;
        this.em = em;
        this.caller = caller;
        this.autoClose = autoClose;
    }

    @GET
    @Path("/day")
    @Operation(summary = "The open business day: its date, state, session, opening, close and queue")
    public DayView day() {
        LocalDate date = sequencer.businessDate();
        boolean open = sequencer.isOpenForBusiness();
        BusinessCalendar calendar = sequencer.calendar();
        java.time.Instant now = clock.instant();
        // a day opened early by an operator's close is in its day session until the calendar's opening
        BusinessCalendar.Session session = open && now.isBefore(calendar.opensAt(date)) ? BusinessCalendar.Session.DAY
                : !open ? BusinessCalendar.Session.CLOSED : calendar.session(date, now);
        java.time.Instant closes = calendar.closesAt(date);
        // a closed day's payments still QUEUED in the store are rejected already, their rejection being written
        Object[] queue = (Object[]) em.createQuery("select count(p), coalesce(sum(p.amount), 0) from Payment p"
                + " where p.status = io.rmbsim.settlement.PaymentStatus.QUEUED and p.businessDate >= :open")
                .setParameter("open", date).getSingleResult();
        return new DayView(date, open ? "OPEN" : "CLOSED", session.name(), sequencer.openedAt(), closes, closes,
                calendar.timetable().name(), autoClose,
                new DayView.QueueSummary(((Number) queue[0]).longValue(), Money.format(((Number) queue[1]).longValue())),
                sequencer.nextCycle());
    }

    @GET
    @Path("/queue")
    @Operation(summary = "Queued payments in release order", description = "HIGH before NORM, then first in, first out. "
            + "A member sees the queued payments its bank sends or receives.")
    public Page<PaymentView> queue(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) @QueryParam("size") String size) {
        PageRequest p = PageRequest.of(page, size);
        Criteria criteria = new Criteria().equal("status", PaymentStatus.QUEUED)
                .where("businessDate >= :open", java.util.Map.of("open", sequencer.businessDate()));
        caller.readScope().ifPresent(scope -> criteria.where("(debtorAgent in :own or creditorAgent in :own)",
                java.util.Map.of("own", scope.banks())));
        List<Payment> items = Payment.<Payment>find(criteria.query(), Sort.by("priority").and("seq"), criteria.parameters())
                .page(p.page(), p.size()).list();
        return new Page<>(items.stream().map(x -> PaymentView.of(x.snapshot())).toList(), p.page(), p.size(),
                Payment.count(criteria.query(), criteria.parameters()));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/offset")
    @Operation(summary = "Run the liquidity-saving mechanism now", description = "Bilateral offsetting for every pair "
            + "of accounts, then multilateral offsetting (gridlock resolution) across all queues; answers what settled.")
    public OffsetView offset(@Parameter(description = "How many settled payments the answer lists (the rest are paged at next)",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) @QueryParam("size") String size) {
        int first = PageRequest.of(null, size).size();
        SettlementSequencer.RunAnswer answer = sequencer.offset(first);
        SettlementSequencer.SettlementRun r = answer.run();
        return new OffsetView(r.id(), (int) r.settledCount(), Money.format(r.settledValue()), (int) r.bilateralCount(),
                (int) r.multilateralCount(), answer.firstSettled().stream().map(PaymentView::of).toList(),
                r.settledCount() > first ? runPayments(r.id(), null, first) : null);
    }

    /** Where the payments of a run are paged: the second page of the answer's size on. */
    private static String runPayments(long run, String status, int size) {
        return "/api/v1/payments?settlementRun=" + run + (status == null ? "" : "&status=" + status) + "&page="
                + (status == null ? 1 : 0) + "&size=" + size;
    }

    @GET
    @Path("/days")
    @Operation(summary = "The business days of the live ledger, newest first", description = "Each with its state, when it "
            + "opened and closed, and whether it can be replayed by a simulation (closed, and logged from its start to "
            + "its close).")
    public Page<BusinessDayView> days(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest p = PageRequest.of(page, size);
        long total = ((Number) em.createNativeQuery("select count(*) from business_day").getSingleResult()).longValue();
        List<?> rows = em.createNativeQuery("select d.business_date, d.state, d.opened_at, d.closed_at,"
                + " (select count(*) from settlement_log l where l.business_date = d.business_date"
                + " and l.kind in ('DAY_START', 'CLOSE')) from business_day d order by d.business_date desc"
                + " offset ?1 rows fetch next ?2 rows only")
                .setParameter(1, (long) p.page() * p.size()).setParameter(2, p.size()).getResultList();
        List<BusinessDayView> days = rows.stream().map(o -> {
            Object[] r = (Object[]) o;
            boolean closed = "CLOSED".equals(r[1]);
            return new BusinessDayView(date(r[0]), (String) r[1], instant(r[2]), r[3] == null ? null : instant(r[3]),
                    closed && ((Number) r[4]).longValue() == 2);
        }).toList();
        return new Page<>(days, p.page(), p.size(), total);
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Path("/runs/{id}")
    @Operation(summary = "One offset or day close: what it settled and rejected",
            description = "Its payments are paged at GET /api/v1/payments?settlementRun={id}.")
    public RunView run(@PathParam("id") String id) {
        long run = QueryParams.longValue("id", id, -1);
        List<?> found = em.createNativeQuery("select id, kind, business_date, ran_at, settled_count, settled_value,"
                + " bilateral_count, multilateral_count, rejected_count, rejected_value from settlement_run where id = ?1")
                .setParameter(1, run).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("settlement run", id);
        }
        Object[] r = (Object[]) found.get(0);
        return new RunView(((Number) r[0]).longValue(), (String) r[1], date(r[2]), instant(r[3]), ((Number) r[4]).longValue(),
                Money.format(((Number) r[5]).longValue()), ((Number) r[6]).longValue(), ((Number) r[7]).longValue(),
                ((Number) r[8]).longValue(), Money.format(((Number) r[9]).longValue()),
                "/api/v1/payments?settlementRun=" + run);
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (java.time.Instant) value;
    }

    @GET
    @Path("/cycles")
    @Operation(summary = "The netting cycles of a business day", description = "Deferred net settlement's cycles (at the "
            + "configured times, settlement.dns-cycles, and one at the day's close), oldest first, each with what it "
            + "settled and carried over. Without businessDate: the open day. The totals are all banks'.")
    public List<CycleView> cycles(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("businessDate") String businessDate) {
        LocalDate day = QueryParams.date("businessDate", businessDate);
        List<?> rows = em.createNativeQuery("select id, business_date, ran_at, settled_count, settled_value, carried_count,"
                + " carried_value from settlement_run where kind = 'NET_CYCLE' and business_date = ?1 order by id")
                .setParameter(1, day != null ? day : sequencer.businessDate()).getResultList();
        return rows.stream().map(o -> {
            Object[] r = (Object[]) o;
            long id = ((Number) r[0]).longValue();
            return new CycleView(id, date(r[1]), instant(r[2]), ((Number) r[3]).longValue(),
                    Money.format(((Number) r[4]).longValue()), ((Number) r[5]).longValue(),
                    Money.format(((Number) r[6]).longValue()), "/api/v1/payments?settlementRun=" + id);
        }).toList();
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/cycles")
    @Operation(summary = "Run a netting cycle now", description = "Besides those at the configured times: every payment "
            + "waiting for deferred net settlement nets; where a participant's net debit is not covered, its latest "
            + "payments are taken out and carried over to the next cycle.")
    public CycleView runCycle() {
        SettlementSequencer.SettlementRun r = sequencer.netCycle(0).run();
        return new CycleView(r.id(), r.businessDate(), r.ranAt(), r.settledCount(), Money.format(r.settledValue()),
                r.carriedCount(), Money.format(r.carriedValue()), "/api/v1/payments?settlementRun=" + r.id());
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/day/close")
    @Operation(summary = "Close the business day now", description = "A last offset, then every payment still queued "
            + "is rejected with AM04, statements of the day are final, and the next business day opens at once.")
    public DayCloseView close(@Parameter(description = "How many settled payments the answer lists (the rest are paged)",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) @QueryParam("size") String size) {
        int first = PageRequest.of(null, size).size();
        SettlementSequencer.DayCloseAnswer c = sequencer.closeDay(first);
        SettlementSequencer.SettlementRun r = c.run().run();
        return new DayCloseView(c.closed(), c.opened(), r.id(), (int) r.settledCount(), Money.format(r.settledValue()),
                (int) r.rejectedCount(), Money.format(r.rejectedValue()),
                c.run().firstSettled().stream().map(PaymentView::of).toList(),
                runPayments(r.id(), "SETTLED", first), runPayments(r.id(), "REJECTED", first));
    }
}

package io.rmbsim.day;

import io.rmbsim.access.Caller;
import io.rmbsim.access.Roles;
import io.rmbsim.web.Criteria;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.panache.common.Sort;
import io.rmbsim.money.Money;
import io.rmbsim.payment.Payment;
import io.rmbsim.payment.PaymentStatus;
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

    SettlementDayResource(SettlementSequencer sequencer, EntityManager em, Caller caller,
            @ConfigProperty(name = "settlement.auto-close", defaultValue = "true") boolean autoClose) {
        this.sequencer = sequencer;
        this.em = em;
        this.caller = caller;
        this.autoClose = autoClose;
    }

    @GET
    @Path("/day")
    @Operation(summary = "The open business day: its date, state, cut-off and queue")
    public DayView day() {
        LocalDate date = sequencer.businessDate();
        Object[] queue = (Object[]) em.createQuery("select count(p), coalesce(sum(p.amount), 0) from Payment p"
                + " where p.status = io.rmbsim.payment.PaymentStatus.QUEUED").getSingleResult();
        return new DayView(date, "OPEN", sequencer.calendar().cutOffOf(date), autoClose,
                new DayView.QueueSummary(((Number) queue[0]).longValue(), Money.format(((Number) queue[1]).longValue())));
    }

    @GET
    @Path("/queue")
    @Operation(summary = "Queued payments in release order", description = "HIGH before NORM, then first in, first out. "
            + "A member sees the queued payments its bank sends or receives.")
    public Page<PaymentView> queue(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) @QueryParam("size") String size) {
        PageRequest p = PageRequest.of(page, size);
        Criteria criteria = new Criteria().equal("status", PaymentStatus.QUEUED);
        caller.readScope().ifPresent(bic -> criteria.where("(debtorAgent = :own or creditorAgent = :own)",
                java.util.Map.of("own", bic)));
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
    public OffsetView offset() {
        List<PaymentSnapshot> settled = sequencer.offset();
        long value = settled.stream().mapToLong(p -> p.order().amount()).sum();
        int bilateral = (int) settled.stream().filter(p -> p.method() == SettlementMethod.BILATERAL_OFFSET).count();
        int multilateral = (int) settled.stream().filter(p -> p.method() == SettlementMethod.MULTILATERAL_OFFSET).count();
        return new OffsetView(settled.size(), Money.format(value), bilateral, multilateral,
                settled.stream().map(PaymentView::of).toList());
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/day/close")
    @Operation(summary = "Close the business day now", description = "A last offset, then every payment still queued "
            + "is rejected with AM04, statements of the day are final, and the next business day opens at once.")
    public DayCloseView close() {
        var c = sequencer.closeDay();
        return new DayCloseView(c.closed(), c.opened(), c.settledByLastOffset(), c.rejected());
    }
}

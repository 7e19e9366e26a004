package io.rmbsim.payment;

import io.rmbsim.access.Caller;
import io.rmbsim.access.Roles;
import io.rmbsim.iso20022.MessageIds;
import io.rmbsim.iso20022.Pacs002Writer;
import io.rmbsim.iso20022.Pacs004Reader;
import io.rmbsim.iso20022.Pacs004Writer;
import io.rmbsim.iso20022.PaymentReturnMessage;
import io.rmbsim.iso20022.ReturnedPayment;
import io.rmbsim.iso20022.TransactionStatus;
import io.rmbsim.money.Money;
import io.rmbsim.sequencer.PaymentSnapshot;
import io.rmbsim.sequencer.SettlementSequencer;
import io.rmbsim.sequencer.SettlementSequencer.Submission;
import io.rmbsim.settlement.Admission;
import io.rmbsim.settlement.PaymentOrder;
import io.rmbsim.settlement.ReturnRule;
import io.rmbsim.settlement.TransferKind;
import io.rmbsim.web.ProblemException;
import io.rmbsim.web.Problems;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Returns (pacs.004): all or part of a settled payment paid back by its creditor agent to its debtor
 * agent, as a new payment that names the original and settles under the same rules. All returns of
 * one payment add up to at most its amount; the single writer checks that, so returns sent at once
 * cannot pass it together.
 */
@Path("/api/v1/payments/returns")
@Blocking
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.MEMBER})
@Tag(name = "Payments")
public class ReturnResource {

    /** Most returns one pacs.004 may carry here. */
    static final int MAX_RETURNS = 1000;

    private final SettlementSequencer sequencer;
    private final Clock clock;
    private final Caller caller;
    private final PaymentLookup payments;

    ReturnResource(SettlementSequencer sequencer, Clock clock, Caller caller, PaymentLookup payments) {
        this.sequencer = sequencer;
        this.clock = clock;
        this.caller = caller;
        this.payments = payments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return all or part of a settled payment (pacs.004 in JSON form)", description = "201 with the "
            + "return, a payment of kind RETURN from the original's creditor agent back to its debtor agent; the same "
            + "uetr again answers 200. 404 (NOOR) when the original is unknown to the caller; 409 when it is not settled "
            + "(NARR) or the returns would add up to more than it (AM09); 403 when a member is not the original's "
            + "creditor agent.")
    @APIResponse(responseCode = "201", description = "The return, SETTLED or QUEUED",
            content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    public Response submit(@Valid @NotNull SubmitReturn body, @Context UriInfo uri) {
        Payment original = payments.find(body.returnOf()).orElseThrow(() -> new ProblemException(Problems.notFound(
                "payment " + body.returnOf() + " is not known here; only a settled payment can be returned", ReturnRule.UNKNOWN_ORIGINAL)));
        PaymentOrder order = Returns.order(body, original);
        caller.requireActingFor(order.debtorAgent(), "returnOf's creditor agent");
        Submission s = sequencer.submit(order).orRefuse();
        if (s.conflicting()) {
            throw ProblemException.conflict("uetr " + body.uetr() + " was already used for a payment with different content", "DUPL");
        }
        PaymentView view = PaymentView.of(s.payment());
        return s.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(order.uetr().toString()).build()).entity(view).build()
                : Response.ok(view).build();
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Return payments with a pacs.004 document (ISO 20022 XML)", description = "Answers a "
            + "pacs.002.001.10 with one TxInfAndSts per return: OrgnlInstrId is the RtrId and OrgnlUETR the return's "
            + "own UETR, derived from the original's UETR and the RtrId (pacs.004.001.09 has no slot for it), so the "
            + "same document sent again is the same return. An unknown original is RJCT NOOR, one beyond the original "
            + "amount RJCT AM09. A member's document is refused whole (403) if it returns a payment its bank did not "
            + "receive.")
    @APIResponse(responseCode = "200", description = "pacs.002 status report", content = @Content(mediaType = MediaType.APPLICATION_XML))
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    public Response submitXml(byte[] document) {
        // a hostile or malformed document is a 400 problem (ProblemMappers), nothing of it processed
        PaymentReturnMessage message = Pacs004Reader.read(document, MAX_RETURNS);
        List<Object> outcomes = new ArrayList<>();
        List<PaymentOrder> orders = new ArrayList<>();
        for (PaymentReturnMessage.Item item : message.items()) {
            Object outcome = order(item);
            outcomes.add(outcome);
            if (outcome instanceof PaymentOrder order) {
                caller.requireActingFor(order.debtorAgent(), "the creditor agent of OrgnlUETR " + item.originalUetr());
                orders.add(order);
            }
        }
        Iterator<Submission> submitted = sequencer.submitAll(orders).iterator();
        List<TransactionStatus> statuses = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            PaymentReturnMessage.Item item = message.items().get(i);
            statuses.add(outcomes.get(i) instanceof TransactionStatus refused ? refused : status(item, submitted.next()));
        }
        String report = Pacs002Writer.write(MessageIds.next("PACS002"), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)),
                Objects.requireNonNullElse(message.messageId(), PaymentResource.NOT_PROVIDED),
                message.version() == null ? null : "pacs.004." + message.version(), statuses);
        return Response.ok(report, MediaType.APPLICATION_XML).build();
    }

    /** The return's order, or the status that refuses it before settlement is asked. */
    private Object order(PaymentReturnMessage.Item item) {
        if (item.returnId() == null || item.returnId().length() > 35) {
            return rejected(item, null, PaymentIntake.INVALID_FORMAT, "RtrId is missing or longer than 35 characters");
        }
        if (!PaymentIntake.isUuid(item.originalUetr())) {
            return rejected(item, null, PaymentIntake.INVALID_FORMAT, "OrgnlUETR is missing or not a UUID; a return names its original by UETR here");
        }
        String uetr = Returns.uetrOf(item.originalUetr(), item.returnId()).toString();
        if (!Money.isAmount(item.amount()) || Money.parseFen(item.amount()) <= 0) {
            return rejected(item, uetr, PaymentIntake.INVALID_AMOUNT, "RtrdIntrBkSttlmAmt is not a positive amount with at most 2 decimals");
        }
        if (!PaymentIntake.isCurrencyCode(item.currency())) {
            return rejected(item, uetr, Admission.NOT_ALLOWED_CURRENCY, "RtrdIntrBkSttlmAmt/@Ccy is missing or not an ISO 4217 code");
        }
        if (item.reasonText() != null && item.reasonText().length() > 140) {
            return rejected(item, uetr, PaymentIntake.INVALID_FORMAT, "RtrRsnInf/AddtlInf is longer than 140 characters");
        }
        Optional<Payment> original = payments.find(item.originalUetr());
        if (original.isEmpty()) {
            return rejected(item, uetr, ReturnRule.UNKNOWN_ORIGINAL, "payment " + item.originalUetr().toLowerCase(Locale.ROOT)
                    + " is not known here; only a settled payment can be returned");
        }
        String reason = item.reasonCode() != null && item.reasonCode().matches("[A-Z0-9]{4}") ? item.reasonCode() : "NARR";
        return Returns.order(java.util.UUID.fromString(uetr), original.get(), item.returnId(),
                Money.parseFen(item.amount()), item.currency(), reason, item.reasonText());
    }

    private static TransactionStatus rejected(PaymentReturnMessage.Item item, String uetr, String code, String text) {
        return new TransactionStatus(item.returnId(), item.originalEndToEndId(), uetr, "RJCT", code, text);
    }

    private static TransactionStatus status(PaymentReturnMessage.Item item, Submission s) {
        String uetr = s.payment() != null ? s.payment().order().uetr().toString() : null;
        if (s.refusal() != null) {
            return new TransactionStatus(item.returnId(), item.originalEndToEndId(),
                    Returns.uetrOf(item.originalUetr(), item.returnId()).toString(), "RJCT", s.refusal().reasonCode(),
                    s.refusal().text());
        }
        if (s.conflicting()) {
            return new TransactionStatus(item.returnId(), item.originalEndToEndId(), uetr, "RJCT", "DUPL",
                    "this return id was used before for a different return of the same payment");
        }
        PaymentSnapshot p = s.payment();
        return new TransactionStatus(item.returnId(), item.originalEndToEndId(), uetr,
                p.status().isoStatus(p.order().settlement()), p.reasonCode(), p.reason());
    }

    @GET
    @Path("/{uetr}")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "A return as a pacs.004.001.09 document", description = "What a back office files: the "
            + "original's ids, the returned amount, the reason and the agents. 404 for a payment that is not a return.")
    public Response get(@PathParam("uetr") String uetr) {
        Payment r = payments.visible(uetr);
        if (r.kind != TransferKind.RETURN) {
            throw new ProblemException(Problems.notFound("payment " + uetr + " is not a return"));
        }
        Payment original = Payment.findById(r.returnOf);
        String originalName = original != null && original.kind == TransferKind.INSTITUTION ? "pacs.009.001.08" : "pacs.008.001.08";
        ReturnedPayment returned = new ReturnedPayment(r.endToEndId, null, originalName,
                original == null ? null : original.endToEndId, r.returnOf.toString(),
                original == null ? null : Money.format(original.amount), Money.format(r.amount), r.currency,
                r.settledAt == null ? null : r.businessDate, r.debtorAgent, r.creditorAgent, r.purpose,
                r.remittanceInformation);
        return Response.ok(Pacs004Writer.write(MessageIds.next("PACS004"), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)),
                List.of(returned)), MediaType.APPLICATION_XML).build();
    }
}

package io.rmbsim.payment;

import io.rmbsim.settlement.PaymentStatus;
import io.rmbsim.settlement.PaymentOrder;
import io.quarkus.panache.common.Sort;
import io.rmbsim.iso20022.CreditTransfer;
import io.rmbsim.iso20022.Pacs002Writer;
import io.rmbsim.iso20022.Pacs008;
import io.rmbsim.iso20022.Pacs008Reader;
import io.rmbsim.iso20022.Pacs009;
import io.rmbsim.iso20022.Pacs009Reader;
import io.rmbsim.iso20022.IsoMessages;
import io.rmbsim.iso20022.MessageIds;
import io.rmbsim.settlement.TransferKind;
import io.rmbsim.iso20022.TransactionStatus;
import io.rmbsim.settlement.Refusal;
import io.rmbsim.sequencer.PaymentSnapshot;
import io.rmbsim.sequencer.SettlementSequencer;
import io.rmbsim.settlement.SettlementRefused;
import io.rmbsim.sequencer.SettlementSequencer.Submission;
import io.rmbsim.web.Criteria;
import io.rmbsim.web.Page;
import io.rmbsim.web.PageRequest;
import io.rmbsim.web.Problems;
import io.rmbsim.web.ProblemException;
import io.rmbsim.web.ListOrder;
import io.rmbsim.web.QueryParams;
import io.rmbsim.access.Caller;
import io.rmbsim.access.KnownBanks;
import io.rmbsim.access.ReadScope;
import io.rmbsim.access.Roles;
import io.rmbsim.ledger.Ledger;
import io.rmbsim.ledger.PostingView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/payments")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.MEMBER})
@Tag(name = "Payments", description = "Credit transfers (pacs.008, pacs.009) routed through CIPS")
public class PaymentResource {

    /** Most transactions one pacs.008 may carry here. */
    static final int MAX_TRANSACTIONS = 1000;
    /** What a status report names as the original message id when the message had none. */
    static final String NOT_PROVIDED = "NOTPROVIDED";

    private final SettlementSequencer sequencer;
    private final Clock clock;
    private final Caller caller;
    private final Ledger ledger;
    private final PaymentLookup payments;
    private final KnownBanks banks;

    PaymentResource(SettlementSequencer sequencer, Clock clock, Caller caller, Ledger ledger, PaymentLookup payments,
            KnownBanks banks) {
        this.sequencer = sequencer;
        this.clock = clock;
        this.caller = caller;
        this.ledger = ledger;
        this.payments = payments;
        this.banks = banks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a payment (pacs.008 in JSON form)", description = "201 the first time; the same "
            + "uetr with the same content answers 200 with the current state and never settles twice; the same uetr "
            + "with different content is a 409 with reasonCode DUPL. A well-formed payment that cannot be settled "
            + "here is answered REJECTED with its reason code (AM03 currency, AGNT agent, AC06 suspended).")
    @APIResponse(responseCode = "201", description = "Accepted: SETTLED, QUEUED or REJECTED",
            content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "200", description = "Seen before with the same content: its current state",
            content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    public CompletionStage<Response> submit(@Valid @NotNull SubmitPayment body, @Context UriInfo uri) {
        PaymentOrder order = PaymentIntake.order(body);
        caller.requireActingFor(order.debtorAgent(), "debtorAgent");
        // no thread waits while the batch is written: the response goes out when the payment is durable
        java.net.URI location = uri.getAbsolutePathBuilder().path(body.uetr().toLowerCase(java.util.Locale.ROOT)).build();
        return sequencer.submitAsync(order).thenApply(s -> {
            if (s.refusal() != null) {
                // not kept: it may be sent again once queued payments have settled or the day has closed
                throw new SettlementRefused(SettlementRefused.Kind.BEYOND_CAPACITY, s.refusal());
            }
            if (s.conflicting()) {
                throw duplicate(s.payment().order().uetr());
            }
            PaymentView view = PaymentView.of(s.payment());
            return s.created() ? Response.created(location).entity(view).build() : Response.ok(view).build();
        });
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Submit a pacs.008 or pacs.009 document (ISO 20022 XML)", description = "One or more "
            + "transactions: customer credit transfers (pacs.008) or institutions' own transfers (pacs.009, whose Dbtr "
            + "and Cdtr are the banks whose accounts move); answers a pacs.002.001.10 with one TxInfAndSts per "
            + "transaction. A DTD, an entity or unparsable XML is a 400 and nothing of the document is processed.")
    @APIResponse(responseCode = "200", description = "pacs.002 status report", content = @Content(mediaType = MediaType.APPLICATION_XML))
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    public Response submitXml(byte[] document) {
        // a hostile or malformed document is a 400 problem (ProblemMappers), nothing of it processed
        Transfers message = "pacs.009".equals(IsoMessages.messageType(document))
                ? Transfers.of(Pacs009Reader.read(document, MAX_TRANSACTIONS))
                : Transfers.of(Pacs008Reader.read(document, MAX_TRANSACTIONS));
        // well-formed transactions go to settlement together; malformed ones are answered RJCT at once
        List<CreditTransfer> transactions = message.transactions();
        List<Optional<Refusal>> malformed = transactions.stream().map(PaymentIntake::formProblem).toList();
        List<PaymentOrder> orders = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i++) {
            if (malformed.get(i).isEmpty()) {
                orders.add(PaymentIntake.order(transactions.get(i), message.messageId(), message.kind()));
            }
        }
        // a member's message is refused whole if any transaction pays from another bank
        for (PaymentOrder order : orders) {
            caller.requireActingFor(order.debtorAgent(), message.kind() == TransferKind.INSTITUTION ? "Dbtr" : "DbtrAgt");
        }
        java.util.Iterator<Submission> settled = sequencer.submitAll(orders).iterator();
        List<TransactionStatus> statuses = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i++) {
            CreditTransfer t = transactions.get(i);
            Optional<Refusal> problem = malformed.get(i);
            statuses.add(problem.isPresent()
                    ? new TransactionStatus(t.instructionId(), t.endToEndId(), t.uetr(), "RJCT", problem.get().reasonCode(),
                            problem.get().text())
                    : status(t, settled.next()));
        }
        String report = Pacs002Writer.write(MessageIds.next("PACS002"),
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), Objects.requireNonNullElse(message.messageId(), NOT_PROVIDED),
                message.version() == null ? null : message.messageType() + "." + message.version(), statuses);
        return Response.ok(report, MediaType.APPLICATION_XML).build();
    }

    /** The transactions of a pacs.008 or a pacs.009, as one shape. */
    private record Transfers(String messageType, TransferKind kind, String messageId, String version,
            List<CreditTransfer> transactions) {

        static Transfers of(Pacs008 m) {
            return new Transfers("pacs.008", TransferKind.CUSTOMER, m.messageId(), m.version(), m.transactions());
        }

        static Transfers of(Pacs009 m) {
            return new Transfers("pacs.009", TransferKind.INSTITUTION, m.messageId(), m.version(), m.transactions());
        }
    }

    private static TransactionStatus status(CreditTransfer t, Submission s) {
        if (s.refusal() != null) {
            return new TransactionStatus(t.instructionId(), t.endToEndId(), t.uetr(), "RJCT", s.refusal().reasonCode(),
                    s.refusal().text());
        }
        PaymentSnapshot p = s.payment();
        String uetr = p.order().uetr().toString();
        if (s.conflicting()) {
            return new TransactionStatus(t.instructionId(), t.endToEndId(), uetr, "RJCT", "DUPL",
                    "this UETR was used before for a different payment");
        }
        return new TransactionStatus(t.instructionId(), t.endToEndId(), uetr, p.status().isoStatus(p.order().settlement()), p.reasonCode(),
                p.reason());
    }

    @GET
    @Path("/{uetr}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A payment's current state, with its route")
    public PaymentView get(@PathParam("uetr") String uetr) {
        Payment p = visible(uetr);
        List<PaymentView.ReturnRef> returns = Payment.<Payment>find("returnOf = ?1", Sort.by("seq"), p.uetr).stream()
                .map(PaymentView.ReturnRef::of).toList();
        return PaymentView.of(p.snapshot()).withReturns(returns);
    }

    @GET
    @Path("/{uetr}/postings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A payment's postings", description = "The ledger entries its settlement made, in order (none "
            + "until it settles; a book transfer posts only at the agent). A member sees only those on its own account.")
    public List<PostingView> postings(@PathParam("uetr") String uetr) {
        Payment p = visible(uetr);
        return ledger.postingsOf(p.uetr, p.creditsFrom, p.debitsFrom, caller.readScope().map(ReadScope::banks).orElse(null));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List payments", description = "In acceptance order, oldest first, or newest first with "
            + "order=newest; filter by status, agents, business date, or routedBy: a settlement agent's payments and "
            + "those of the indirect participants whose accounts it holds.")
    public Page<PaymentView> list(
            @Parameter(schema = @Schema(implementation = PaymentStatus.class)) @QueryParam("status") String status,
            @Parameter(example = "VHSBRUV0XXX") @QueryParam("debtorAgent") String debtorAgent,
            @Parameter(example = "ICBKCNBJXXX") @QueryParam("creditorAgent") String creditorAgent,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("businessDate") String businessDate,
            @Parameter(description = "A settlement agent's BIC: the payments it routes, those it is debtor or creditor "
                    + "agent of and those of the indirect participants on its books", example = "HCCBCNBHXXX")
                    @QueryParam("routedBy") String routedBy,
            @Parameter(description = "The offset or day close that settled or rejected them (see POST /settlement/offset)",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("settlementRun") String settlementRun,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) @QueryParam("size") String size,
            @Parameter(description = "oldest (the default) or newest: where people look for the latest",
                    schema = @Schema(enumeration = {"oldest", "newest"}, defaultValue = "oldest")) @QueryParam("order") String order) {
        PageRequest p = PageRequest.of(page, size);
        Sort sort = ListOrder.of(order).by("seq");
        Criteria criteria = new Criteria()
                .equal("status", QueryParams.enumValue("status", status, PaymentStatus.class))
                .equal("debtorAgent", QueryParams.bic("debtorAgent", debtorAgent))
                .equal("creditorAgent", QueryParams.bic("creditorAgent", creditorAgent))
                .equal("businessDate", QueryParams.date("businessDate", businessDate))
                .equal("settlementRun", settlementRun == null || settlementRun.isEmpty() ? null
                        : QueryParams.longValue("settlementRun", settlementRun, 0));
        if (routedBy != null && !routedBy.isEmpty()) {
            String agent = QueryParams.bic("routedBy", routedBy);
            Set<String> routed = new HashSet<>(banks.indirectsOf(agent));
            routed.add(agent);
            criteria.where("(debtorAgent in :routed or creditorAgent in :routed)", Map.of("routed", routed));
        }
        caller.readScope().ifPresent(scope -> criteria.where("(debtorAgent in :own or creditorAgent in :own)",
                Map.of("own", scope.banks())));
        List<Payment> items = Payment.<Payment>find(criteria.query(), sort, criteria.parameters())
                .page(p.page(), p.size()).list();
        return new Page<>(items.stream().map(x -> PaymentView.of(x.snapshot())).toList(), p.page(), p.size(),
                Payment.count(criteria.query(), criteria.parameters()));
    }

    @POST
    @Path("/{uetr}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a QUEUED payment", description = "Only while QUEUED; otherwise 409. A member cancels "
            + "only what its bank sent.")
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    public PaymentView cancel(@PathParam("uetr") String uetr) {
        Payment stored = visible(uetr);
        caller.requireActingFor(stored.debtorAgent, "debtorAgent");
        PaymentSnapshot cancelled = sequencer.cancel(stored.uetr);
        if (cancelled == null) {
            // a query, not the session's copy loaded above: the sequencer may have settled it since
            PaymentStatus now = Payment.getEntityManager()
                    .createQuery("select p.status from Payment p where p.uetr = :uetr", PaymentStatus.class)
                    .setParameter("uetr", stored.uetr).getSingleResult();
            throw ProblemException.conflict("payment " + uetr + " is " + now + ", not QUEUED; only a queued "
                    + "payment can be cancelled");
        }
        return PaymentView.of(cancelled);
    }

    @GET
    @Path("/{uetr}/status-report")
    @Produces({MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    @Operation(summary = "The payment's pacs.002 status report (XML)")
    public Response statusReport(@PathParam("uetr") String uetr) {
        PaymentSnapshot p = visible(uetr).snapshot();
        String report = Pacs002Writer.write(MessageIds.next("PACS002"),
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), p.order().endToEndId(),
                List.of(new TransactionStatus(null, p.order().endToEndId(), p.order().uetr().toString(),
                        p.status().isoStatus(p.order().settlement()), p.reasonCode(), p.reason())));
        return Response.ok(report, MediaType.APPLICATION_XML).build();
    }

    /** The payment, if the caller may see it: a member sees only those its bank sent or receives. */
    private Payment visible(String uetr) {
        return payments.visible(uetr);
    }

    private static ProblemException duplicate(UUID uetr) {
        return ProblemException.conflict("uetr " + uetr + " was already used for a payment with different content", "DUPL");
    }
}

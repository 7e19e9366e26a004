package io.rmbsim.ledger;

import io.rmbsim.access.Caller;
import io.rmbsim.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.rmbsim.money.Money;
import io.rmbsim.participant.Participant;
import io.rmbsim.participant.ParticipantStatus;
import io.rmbsim.sequencer.SettlementSequencer;
import io.rmbsim.web.Page;
import io.rmbsim.web.PageRequest;
import io.rmbsim.web.ProblemException;
import io.rmbsim.web.QueryParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/accounts/{bic}")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.MEMBER})
@Tag(name = "Accounts", description = "Settlement accounts: at CIPS for direct participants, at the agent for indirect ones")
public class AccountResource {

    private final Ledger ledger;
    private final SettlementSequencer sequencer;
    private final Caller caller;

    AccountResource(Ledger ledger, SettlementSequencer sequencer, Caller caller) {
        this.ledger = ledger;
        this.sequencer = sequencer;
        this.caller = caller;
    }

    /** The account named in the path, if the caller may see it: a member sees only its own bank's. */
    private String visible(String bic) {
        String account = QueryParams.pathBic("bic", bic);
        if (!caller.mayRead(account)) {
            throw ProblemException.notFound("account", account);
        }
        return account;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An account: balance and what is queued to and from it")
    public AccountView get(@Parameter(example = "HCCBCNBHXXX") @PathParam("bic") String bic) {
        return ledger.view(visible(bic));
    }

    @POST
    @Path("/liquidity")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move liquidity in or out", description = "A direct participant moves funds between its CNAPS "
            + "and CIPS accounts; an agent credits or debits its indirect participant's account (operators, and a member "
            + "for the indirect participants it is the settlement agent of). OUT beyond what the account can give (its "
            + "balance, less a CIPS account's reservation; no more than leaves an indirect's earmarks covered) is a 409. Incoming liquidity releases queued payments. With an Idempotency-Key header, sending the same "
            + "movement again under the same key answers 200 with Idempotent-Replayed: true and moves nothing again; "
            + "the same key with a different movement is a 409 (DUPL). A movement that would take what settlement "
            + "holds past its capacity is a 422 (AM13).")
    @APIResponse(responseCode = "200", description = "The account after the movement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    public Response liquidity(@PathParam("bic") String bic,
            @Parameter(description = "The client's key for this movement (1-64 visible ASCII characters), kept per account",
                    example = "cnaps-20211104-001") @jakarta.ws.rs.HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull MoveLiquidity body) {
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7E]{1,64}")) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "must be 1 to 64 visible ASCII characters");
        }
        String account = visible(bic);
        caller.requireAgentOf(account);
        ledger.account(account);
        long amount = Money.parseFen(body.amount());
        if (amount <= 0) {
            throw ProblemException.invalid("amount", "must be positive");
        }
        Participant owner = Participant.findById(account);
        if (owner.status == ParticipantStatus.TERMINATED) {
            throw ProblemException.conflict("participant " + account + " is terminated: its account is closed", "AC04");
        }
        boolean replayed = sequencer.liquidity(new SettlementSequencer.LiquidityRequest(account,
                body.direction() == MoveLiquidity.Direction.IN, amount, body.reference(), idempotencyKey));
        Response.ResponseBuilder answer = Response.ok(ledger.view(account), MediaType.APPLICATION_JSON);
        return (replayed ? answer.header("Idempotent-Replayed", "true") : answer).build();
    }

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @PUT
    @Path("/credit-line")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant an intraday credit line", description = "On an indirect participant's account, by its "
            + "settlement agent (a member acting for it, or an operator): the balance may then go down to minus the line. "
            + "\"0.00\" removes it. Lowering it below what is used now (earmarks less the balance), or granting one on a "
            + "CIPS account, is a 409. A higher line may release payments waiting there.")
    @APIResponse(responseCode = "200", description = "The account with its new credit line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    public AccountView creditLine(@PathParam("bic") String bic, @Valid @NotNull SetAmount body) {
        String account = visible(bic);
        caller.requireAgentOf(account);
        requireOpen(account);
        sequencer.creditLine(account, Money.parseFen(body.amount()));
        return ledger.view(account);
    }

    @PUT
    @Path("/reservation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reserve liquidity for HIGH payments", description = "On a CIPS account, by its participant (a "
            + "member acting for it, or an operator): NORM payments need cover above the reservation, HIGH ones may use "
            + "all of the balance, and liquidity cannot leave from it. \"0.00\" removes it; on an indirect participant's "
            + "account it is a 409. Lowering it may release NORM payments.")
    @APIResponse(responseCode = "200", description = "The account with its new reservation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    public AccountView reservation(@PathParam("bic") String bic, @Valid @NotNull SetAmount body) {
        String account = visible(bic);
        caller.requireActingFor(account, "bic");
        requireOpen(account);
        sequencer.reservation(account, Money.parseFen(body.amount()));
        return ledger.view(account);
    }

    private static void requireOpen(String account) {
        Participant owner = Participant.findById(account);
        if (owner == null) {
            throw ProblemException.notFound("account", account);
        }
        if (owner.status == ParticipantStatus.TERMINATED) {
            throw ProblemException.conflict("participant " + account + " is terminated: its account is closed", "AC04");
        }
    }

    @GET
    @Path("/postings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The account's ledger entries", description = "Oldest first; from and to are business dates, inclusive; kind filters payments or liquidity.")
    public Page<PostingView> postings(@PathParam("bic") String bic,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(schema = @Schema(enumeration = {"PAYMENT", "LIQUIDITY_IN", "LIQUIDITY_OUT"})) @QueryParam("kind") String kind,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) @QueryParam("size") String size) {
        return ledger.postings(visible(bic), QueryParams.date("from", from),
                QueryParams.date("to", to), postingKind(kind), PageRequest.of(page, size));
    }

    private static String postingKind(String kind) {
        if (kind == null || kind.isEmpty()) {
            return null;
        }
        if (!java.util.Set.of("PAYMENT", "LIQUIDITY_IN", "LIQUIDITY_OUT").contains(kind)) {
            throw ProblemException.invalid("kind", "must be one of [PAYMENT, LIQUIDITY_IN, LIQUIDITY_OUT]");
        }
        return kind;
    }

    @GET
    @Path("/statement")
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML})
    @Operation(summary = "A statement for one business day", description = "Opening balance, entries, closing balance; "
            + "Accept: application/xml gives ISO 20022 camt.053.001.08. Without date: the open business day.")
    @APIResponse(responseCode = "200", description = "The statement", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatementView.class)),
            @Content(mediaType = MediaType.APPLICATION_XML)})
    public Response statement(@PathParam("bic") String bic,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("date") String date,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        String account = visible(bic);
        LocalDate day = QueryParams.date("date", date);
        if (day == null) {
            day = sequencer.businessDate();
        }
        if (accept != null && accept.contains("xml") && !accept.contains("json")) {
            return Response.ok(ledger.camt053(account, day), MediaType.APPLICATION_XML).build();
        }
        return Response.ok(ledger.statement(account, day), MediaType.APPLICATION_JSON).build();
    }
}

package io.rmbsim.payment;

import io.rmbsim.access.Roles;
import io.rmbsim.iso20022.MessageIds;
import io.rmbsim.iso20022.Pacs002Writer;
import io.rmbsim.iso20022.Pacs028Reader;
import io.rmbsim.iso20022.StatusRequest;
import io.rmbsim.iso20022.TransactionStatus;
import io.rmbsim.sequencer.PaymentSnapshot;
import io.rmbsim.web.validation.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * Status requests (pacs.028, answered by a pacs.002) and their JSON form: where each payment asked
 * about stands, scoped like every read (another bank's payment is unknown to a member). The status
 * text is the one stored with the payment, so the same question always gets the same answer while the
 * payment does not move.
 */
@Path("/api/v1/payments/status-requests")
@Blocking
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.MEMBER})
@Tag(name = "Payments")
public class StatusRequestResource {

    static final int MAX_ITEMS = 1000;
    /** Reason of an RJCT for a payment the caller does not know (ISO 20022 NOOR, original never received). */
    static final String UNKNOWN = io.rmbsim.settlement.ReturnRule.UNKNOWN_ORIGINAL;

    private final PaymentLookup payments;
    private final Clock clock;

    StatusRequestResource(PaymentLookup payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    /** pacs.028 in JSON form. */
    @RegisterForReflection // Jackson reads or writes it; nested in a resource
    @Schema(name = "StatusRequest")
    public record StatusRequestBody(@NotEmpty @Size(max = MAX_ITEMS) List<@Valid @NotNull Item> requests) {

        @RegisterForReflection // Jackson reads or writes it; nested in a resource
        @Schema(name = "StatusRequestItem")
        public record Item(
                @NotNull @Pattern(regexp = PaymentIntake.UUID_PATTERN, message = "must be a UUID (ISO 20022 UETR)")
                @Schema(example = "eb6305c9-1f7f-49de-aed0-16487c27b42d") String uetr,
                @Size(max = 35) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
                @Schema(description = "StsReqId") String statusRequestId) {
        }
    }

    /** pacs.002 in JSON form: one status per payment asked about, in the order asked. */
    @RegisterForReflection // Jackson reads or writes it; nested in a resource
    @Schema(name = "StatusAnswers")
    public record Statuses(List<Status> statuses) {

        @RegisterForReflection // Jackson reads or writes it; nested in a resource
        @Schema(name = "StatusAnswer")
        public record Status(String uetr, String statusRequestId,
                             @Schema(example = "ACSC", description = "ACSC, ACSP, PDNG, CANC, or RJCT (also for a payment unknown to the caller)")
                             String isoStatus, String reasonCode, String reason,
                             @Schema(description = "The payment, when the caller may see it") PaymentView payment) {
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask where payments stand (pacs.028 in JSON form)", description = "200 with one status per "
            + "payment; one unknown to the caller is RJCT with reason NOOR.")
    public Statuses submit(@Valid @NotNull StatusRequestBody body) {
        return new Statuses(body.requests().stream().map(item -> {
            Optional<Payment> p = payments.find(item.uetr());
            TransactionStatus s = status(null, null, item.uetr(), p);
            return new Statuses.Status(s.originalUetr(), item.statusRequestId(), s.status(), s.reasonCode(),
                    s.additionalInformation(), p.map(x -> PaymentView.of(x.snapshot())).orElse(null));
        }).toList());
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Ask where payments stand with a pacs.028 document (ISO 20022 XML)", description = "Answers a "
            + "pacs.002.001.10 with one TxInfAndSts per payment asked about; one unknown to the caller is RJCT NOOR.")
    @APIResponse(responseCode = "200", description = "pacs.002 status report", content = @Content(mediaType = MediaType.APPLICATION_XML))
    public Response submitXml(byte[] document) {
        // a hostile or malformed document is a 400 problem (ProblemMappers), nothing of it processed
        StatusRequest request = Pacs028Reader.read(document, MAX_ITEMS);
        List<TransactionStatus> statuses = request.items().stream()
                .map(i -> status(i.originalInstructionId(), i.originalEndToEndId(), i.originalUetr(),
                        payments.find(i.originalUetr())))
                .toList();
        String report = Pacs002Writer.write(MessageIds.next("PACS002"), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)),
                Objects.requireNonNullElse(request.messageId(), PaymentResource.NOT_PROVIDED),
                request.version() == null ? null : "pacs.028." + request.version(), statuses);
        return Response.ok(report, MediaType.APPLICATION_XML).build();
    }

    private static TransactionStatus status(String instructionId, String endToEndId, String uetr, Optional<Payment> found) {
        if (found.isEmpty()) {
            return new TransactionStatus(instructionId, endToEndId, uetr == null ? null : uetr.toLowerCase(Locale.ROOT),
                    "RJCT", UNKNOWN, uetr == null ? "no OrgnlUETR: a payment is named by its UETR here"
                            : "payment " + uetr.toLowerCase(Locale.ROOT) + " is not known here");
        }
        PaymentSnapshot p = found.get().snapshot();
        return new TransactionStatus(instructionId, p.order().endToEndId(), p.order().uetr().toString(),
                p.status().isoStatus(p.order().settlement()), p.reasonCode(), p.reason());
    }
}

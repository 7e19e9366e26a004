package io.rmbsim.payment;

import io.rmbsim.access.Caller;
import io.rmbsim.access.Roles;
import io.rmbsim.identifier.Bic;
import io.rmbsim.iso20022.Camt029Writer;
import io.rmbsim.iso20022.Camt056Reader;
import io.rmbsim.iso20022.CancellationRequest;
import io.rmbsim.iso20022.CancellationResolution;
import io.rmbsim.iso20022.MessageIds;
import io.rmbsim.web.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cancellation requests (camt.056, answered by a camt.029) and their JSON form: what each one came to
 * is decided by {@link Cancellations}.
 */
@Path("/api/v1/payments/cancellation-requests")
@Blocking
@RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
@Tag(name = "Payments")
public class CancellationResource {

    /** Most payments one request may ask about. */
    static final int MAX_ITEMS = 1000;
    /** Who answers a camt.056 here: CIPS, in the camt.029's Assgnmt/Assgnr. */
    static final String CIPS_BIC = "CIPSCNSHXXX";

    private final Cancellations cancellations;
    private final Caller caller;
    private final Clock clock;

    CancellationResource(Cancellations cancellations, Caller caller, Clock clock) {
        this.cancellations = cancellations;
        this.caller = caller;
        this.clock = clock;
    }

    /** camt.056 in JSON form: the payments to cancel. */
    @RegisterForReflection // Jackson reads or writes it; nested in a resource
    @Schema(name = "CancellationRequest")
    public record CancellationRequestBody(@NotEmpty @Size(max = MAX_ITEMS) List<@Valid @NotNull Item> cancellations) {

        @RegisterForReflection // Jackson reads or writes it; nested in a resource
        @Schema(name = "CancellationRequestItem")
        public record Item(
                @NotNull @Pattern(regexp = PaymentIntake.UUID_PATTERN, message = "must be a UUID (ISO 20022 UETR)")
                @Schema(example = "eb6305c9-1f7f-49de-aed0-16487c27b42d") String uetr,
                @Size(max = 35) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
                @Schema(description = "CxlId", example = "CXL-0001") String cancellationId,
                @Pattern(regexp = "[A-Z0-9]{4}", message = "must be an ISO 20022 cancellation reason code such as DUPL")
                @Schema(example = "DUPL", description = "CxlRsnInf/Rsn/Cd") String reasonCode,
                @Size(max = 105) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
                @Schema(description = "CxlRsnInf/AddtlInf") String reasonText) {
        }
    }

    /** camt.029 in JSON form: one resolution per payment asked about, in the order asked. */
    @RegisterForReflection // Jackson reads or writes it; nested in a resource
    @Schema(name = "CancellationResolutions")
    public record Resolutions(List<Resolution> resolutions) {

        @RegisterForReflection // Jackson reads or writes it; nested in a resource
        @Schema(name = "CancellationResolution")
        public record Resolution(String uetr, String cancellationId,
                                 @Schema(example = "CNCL", description = "CNCL cancelled, RJCR refused") String status,
                                 @Schema(example = "LEGL") String reasonCode, String reason,
                                 @Schema(description = "The payment as it now stands, when the caller may see it") PaymentView payment) {
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask to cancel payments (camt.056 in JSON form)", description = "200 with one resolution per "
            + "payment: CNCL when it was queued and is now cancelled (or was already cancelled, said in reason); RJCR "
            + "LEGL when it is settled (final; the receiver may return it), NOOR when it was rejected or is unknown to "
            + "the caller, AGNT when the caller's bank did not send it.")
    public Resolutions submit(@Valid @NotNull CancellationRequestBody body) {
        return new Resolutions(body.cancellations().stream().map(item -> {
            Cancellations.Outcome o = cancellations.cancel(item.cancellationId(), null, null, item.uetr());
            CancellationResolution r = o.resolution();
            return new Resolutions.Resolution(r.originalUetr(), r.cancellationId(), r.status(), r.reasonCode(),
                    r.additionalInformation(), o.payment() == null ? null : PaymentView.of(o.payment()));
        }).toList());
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Ask to cancel payments with a camt.056 document (ISO 20022 XML)", description = "Answers a "
            + "camt.029.001.09 with one TxInfAndSts per payment (TxCxlSts ACCR or RJCR with the reason) and Sts/Conf "
            + "CNCL when all were cancelled, RJCR when none was. A member's Assgnr must be its own bank (else 403).")
    @APIResponse(responseCode = "200", description = "camt.029 resolution of investigation",
            content = @Content(mediaType = MediaType.APPLICATION_XML))
    public Response submitXml(byte[] document) {
        // a hostile or malformed document is a 400 problem (ProblemMappers), nothing of it processed
        CancellationRequest request = Camt056Reader.read(document, MAX_ITEMS);
        String assignee = request.assigner();
        if (assignee != null) {
            if (!Bic.isValid(assignee)) {
                throw ProblemException.invalid("Assgnr", "is not a valid BIC", "RC01");
            }
            assignee = Bic.parse(assignee).value();
            caller.requireActingFor(assignee, "Assgnr");
        } else {
            assignee = caller.bic().orElse(CIPS_BIC);
        }
        List<CancellationResolution> resolutions = request.items().stream()
                .map(i -> cancellations.cancel(i.cancellationId(), i.originalInstructionId(), i.originalEndToEndId(),
                        i.originalUetr()).resolution())
                .toList();
        String answer = Camt029Writer.write(MessageIds.next("CAMT029"), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)),
                CIPS_BIC, assignee, request.assignmentId(), resolutions);
        return Response.ok(answer, MediaType.APPLICATION_XML).build();
    }
}

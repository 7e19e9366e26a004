package io.rmbsim.participant;

import io.rmbsim.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.rmbsim.web.Page;
import io.rmbsim.web.PageRequest;
import io.rmbsim.web.Problem;
import io.rmbsim.web.QueryParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/participants")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.MEMBER})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants", description = "The CIPS participant directory as Harbin Bank sees it")
public class ParticipantResource {

    private final ParticipantDirectory directory;

    ParticipantResource(ParticipantDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Operation(summary = "List participants", description = "Paged, ordered by BIC; every filter is optional. "
            + "Harbin Bank's Russian participants: ?settlementAgent=HCCBCNBHXXX&country=RU")
    public Page<ParticipantView> list(
            @Parameter(schema = @Schema(implementation = Participation.class)) @QueryParam("participation") String participation,
            @Parameter(example = "RU") @QueryParam("country") String country,
            @Parameter(example = "HCCBCNBHXXX") @QueryParam("settlementAgent") String settlementAgent,
            @Parameter(schema = @Schema(implementation = ParticipantStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) @QueryParam("size") String size) {
        return directory.list(
                QueryParams.enumValue("participation", participation, Participation.class),
                QueryParams.country("country", country),
                QueryParams.bic("settlementAgent", settlementAgent),
                QueryParams.enumValue("status", status, ParticipantStatus.class),
                PageRequest.of(page, size)).map(ParticipantView::of);
    }

    @GET
    @Path("/{bic}")
    @Operation(summary = "One participant by BIC (BIC8 or BIC11, any case)")
    public ParticipantView get(@Parameter(example = "HCCBCNBHXXX") @PathParam("bic") String bic) {
        return ParticipantView.of(directory.get(QueryParams.pathBic("bic", bic)));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Register a participant", description = "A DIRECT participant has no settlement agent; an "
            + "INDIRECT one names an ACTIVE DIRECT participant as its agent. A BIC failing ISO 9362 is a 400 with reasonCode RC01.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; a BIC failing ISO 9362 carries reasonCode RC01",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull RegisterParticipant body, @Context UriInfo uri) {
        Participant p = directory.register(body);
        return Response.created(uri.getAbsolutePathBuilder().path(p.bic).build()).entity(ParticipantView.of(p)).build();
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/{bic}/suspend")
    @Operation(summary = "Suspend an ACTIVE participant", description = "It neither sends nor receives new payments; what it has queued stays queued.")
    public ParticipantView suspend(@PathParam("bic") String bic) {
        return ParticipantView.of(directory.suspend(QueryParams.pathBic("bic", bic)));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/{bic}/reactivate")
    @Operation(summary = "Reactivate a SUSPENDED participant", description = "A TERMINATED participant cannot be reactivated (409).")
    public ParticipantView reactivate(@PathParam("bic") String bic) {
        return ParticipantView.of(directory.reactivate(QueryParams.pathBic("bic", bic)));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/{bic}/terminate")
    @Operation(summary = "Terminate a participant for good", description = "A DIRECT participant that still is the "
            + "settlement agent of indirect participants that are not terminated cannot be terminated (409).")
    public ParticipantView terminate(@PathParam("bic") String bic) {
        return ParticipantView.of(directory.terminate(QueryParams.pathBic("bic", bic)));
    }
}

package io.rmbsim.alliance;

import io.rmbsim.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.rmbsim.web.Page;
import io.rmbsim.web.PageRequest;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/alliance")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.MEMBER})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alliance", description = "Harbin's regional financial settlement service center alliance: banks, trusts, funds and insurers")
public class AllianceResource {

    private final AllianceRegister register;

    AllianceResource(AllianceRegister register) {
        this.register = register;
    }

    @GET
    @Path("/members")
    @Operation(summary = "List alliance members", description = "In order of joining; withdrawn members stay listed as history.")
    public Page<MemberView> list(
            @Parameter(schema = @Schema(implementation = MemberCategory.class)) @QueryParam("category") String category,
            @Parameter(schema = @Schema(implementation = MembershipStatus.class)) @QueryParam("status") String status,
            @Parameter(example = "RU") @QueryParam("country") String country,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) @QueryParam("size") String size) {
        return register.list(QueryParams.enumValue("category", category, MemberCategory.class),
                QueryParams.enumValue("status", status, MembershipStatus.class),
                QueryParams.country("country", country), PageRequest.of(page, size)).map(MemberView::of);
    }

    @GET
    @Path("/members/{id}")
    @Operation(summary = "One alliance member")
    public MemberView get(@PathParam("id") String id) {
        return MemberView.of(register.get(QueryParams.pathId("alliance member", id)));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/members")
    @Operation(summary = "Add a member", description = "joinedOn must not be in the future; a name or BIC already "
            + "held by an active member is a 409.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = MemberView.class)))
    public Response admit(@Valid @NotNull AdmitMember body, @Context UriInfo uri) {
        AllianceMember m = register.admit(body);
        return Response.created(uri.getAbsolutePathBuilder().path(m.id.toString()).build()).entity(MemberView.of(m)).build();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/members/{id}/withdraw")
    @Operation(summary = "Record that a member withdrew", description = "History is kept; withdrawing twice is a 409.")
    public MemberView withdraw(@PathParam("id") String id, @Valid @NotNull WithdrawMember body) {
        return MemberView.of(register.withdraw(QueryParams.pathId("alliance member", id), body.leftOn()));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Active members by category and country", description = "With asOf, as the alliance stood on that date.")
    public AllianceSummary summary(@Parameter(example = "2021-08-31", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("asOf") String asOf) {
        return register.summary(QueryParams.date("asOf", asOf));
    }
}

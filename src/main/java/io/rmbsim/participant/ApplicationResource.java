package io.rmbsim.participant;

import io.rmbsim.access.Caller;
import io.rmbsim.access.ReadScope;
import io.rmbsim.access.Roles;
import io.rmbsim.web.ProblemException;
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

@Path("/api/v1/applications")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.MEMBER})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Onboarding", description = "Banks applying to join CIPS as indirect participants through a direct participant")
public class ApplicationResource {

    private final Onboarding onboarding;
    private final Caller caller;

    ApplicationResource(Onboarding onboarding, Caller caller) {
        this.onboarding = onboarding;
        this.caller = caller;
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Operation(summary = "Apply to join CIPS as an INDIRECT participant", description = "The settlement agent must "
            + "be an ACTIVE DIRECT participant; the BIC must not already be a participant or have a pending application. "
            + "A member bank applies on behalf of a bank that will settle through it: it must name itself as agent.")
    @APIResponse(responseCode = "201", description = "PENDING application", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    public Response apply(@Valid @NotNull ApplyForParticipation body, @Context UriInfo uri) {
        caller.requireActingFor(QueryParams.pathBic("settlementAgent", body.settlementAgent()), "settlementAgent");
        OnboardingApplication a = onboarding.apply(body);
        return Response.created(uri.getAbsolutePathBuilder().path(a.id.toString()).build())
                .entity(ApplicationView.of(a)).build();
    }

    @GET
    @Operation(summary = "List applications", description = "Oldest first; filter by status and settlement agent. "
            + "A member sees the applications that name it as settlement agent.")
    public Page<ApplicationView> list(
            @Parameter(schema = @Schema(implementation = ApplicationStatus.class)) @QueryParam("status") String status,
            @Parameter(example = "HCCBCNBHXXX") @QueryParam("settlementAgent") String settlementAgent,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) @QueryParam("size") String size) {
        ApplicationStatus wanted = QueryParams.enumValue("status", status, ApplicationStatus.class);
        String agent = QueryParams.bic("settlementAgent", settlementAgent);
        PageRequest p = PageRequest.of(page, size);
        var own = caller.readScope().map(ReadScope::bank);
        if (own.isPresent() && agent != null && !agent.equals(own.get())) {
            return new Page<>(java.util.List.of(), p.page(), p.size(), 0);
        }
        return onboarding.list(wanted, own.orElse(agent), p).map(ApplicationView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One application")
    public ApplicationView get(@PathParam("id") String id) {
        OnboardingApplication a = onboarding.get(QueryParams.pathId("application", id));
        if (!caller.mayRead(a.settlementAgent)) {
            throw ProblemException.notFound("application", id);
        }
        return ApplicationView.of(a);
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/{id}/approve")
    @Operation(summary = "Approve a PENDING application", description = "Creates the ACTIVE INDIRECT participant "
            + "settling through the agent the application named. Approving twice is a 409.")
    public ApplicationView approve(@PathParam("id") String id) {
        return ApplicationView.of(onboarding.approve(QueryParams.pathId("application", id)));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/{id}/reject")
    @Operation(summary = "Reject a PENDING application, giving a reason")
    public ApplicationView reject(@PathParam("id") String id, @Valid @NotNull RejectApplication body) {
        return ApplicationView.of(onboarding.reject(QueryParams.pathId("application", id), body.reason()));
    }
}

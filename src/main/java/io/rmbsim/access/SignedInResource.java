package io.rmbsim.access;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who a token speaks for, as the service reads it: how the dashboard checks a token at sign-in and shows the caller. */
@Path("/api/v1/auth/me")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.MEMBER})
@Tag(name = "Access")
public class SignedInResource {

    @Schema(name = "SignedIn")
    public record SignedInView(@Schema(example = "demo-operator") String subject, @Schema(example = "operator") String role,
            @Schema(example = "VHSBRUV0XXX", description = "A member's bank") String bic) {
    }

    private final Caller caller;

    SignedInResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller: subject, strongest role and bank, as the service reads the token")
    public SignedInView me() {
        return new SignedInView(caller.name(), caller.role(), caller.bic().orElse(null));
    }
}

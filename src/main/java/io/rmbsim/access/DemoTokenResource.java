package io.rmbsim.access;

import io.rmbsim.web.Problems;
import io.rmbsim.web.ProblemException;
import io.rmbsim.web.QueryParams;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth/demo-token")
@Tag(name = "Demo credentials", description = "Tokens for the demo network; only in the demo profile, never in prod")
public class DemoTokenResource {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    /** A signed bearer token and what it grants. */
    @Schema(name = "DemoToken")
    public record DemoToken(String accessToken, String tokenType, Instant expiresAt, String subject, String role,
            String bic) {
    }

    private final DemoCredentials credentials;
    private final KnownBanks banks;

    DemoTokenResource(DemoCredentials credentials, KnownBanks banks) {
        this.credentials = credentials;
        this.banks = banks;
    }

    @POST
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a demo token", description = "Signs a bearer token with the demo key: role operator, "
            + "auditor or member (a member names its bank by BIC). 404 unless the service runs the demo profile.")
    public DemoToken issueJson(
            @Parameter(required = true, schema = @Schema(enumeration = {"operator", "auditor", "member"})) @QueryParam("role") String role,
            @Parameter(description = "The member's bank", example = "SABRRUMMXXX") @QueryParam("bic") String bic,
            @Parameter(description = "Who the token names; defaults to the role (and BIC)",
                    schema = @Schema(type = SchemaType.STRING, pattern = "[A-Za-z0-9._@-]{1,64}")) @QueryParam("subject") String subject) {
        return issue(role, bic, subject);
    }

    /** The bare token, for shell scripts: {@code TOKEN=$(curl -s -X POST -H 'Accept: text/plain' ...)}. */
    @POST
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String issueText(@QueryParam("role") String role, @QueryParam("bic") String bic,
            @QueryParam("subject") String subject) {
        return issue(role, bic, subject).accessToken();
    }

    private DemoToken issue(String rawRole, String rawBic, String rawSubject) {
        if (!credentials.enabled()) {
            throw new ProblemException(Problems.notFound(
                    "demo tokens are off: this service accepts only tokens signed by the key it was configured with"));
        }
        String role = rawRole == null ? null : rawRole.toLowerCase(Locale.ROOT);
        if (!Roles.OPERATOR.equals(role) && !Roles.AUDITOR.equals(role) && !Roles.MEMBER.equals(role)) {
            throw ProblemException.invalid("role", "must be one of operator, auditor, member");
        }
        String bic = null;
        if (Roles.MEMBER.equals(role)) {
            if (rawBic == null || rawBic.isBlank()) {
                throw ProblemException.invalid("bic", "a member token names its bank's BIC", "RC01");
            }
            bic = banks.registered(QueryParams.pathBic("bic", rawBic));
        } else if (rawBic != null) {
            throw ProblemException.invalid("bic", "only a member token names a bank");
        }
        if (rawSubject != null && !SUBJECT.matcher(rawSubject).matches()) {
            throw ProblemException.invalid("subject", "must be 1 to 64 letters, digits or . _ @ -");
        }
        String subject = rawSubject != null ? rawSubject : bic == null ? "demo-" + role : "demo-" + role + "-" + bic;
        DemoCredentials.Issued issued = credentials.issue(subject, role, bic);
        return new DemoToken(issued.token(), "Bearer", issued.expiresAt(), subject, role, bic);
    }
}

package io.rmbsim.audit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.rmbsim.access.Caller;
import io.smallrye.mutiny.Uni;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every request that may change state (POST, PUT, PATCH, DELETE on the API) is recorded, whatever its outcome. */
public class AuditFilter {

    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AuditFilter.class);

    private final AuditTrail trail;
    private final CurrentIdentityAssociation identities;

    AuditFilter(AuditTrail trail, CurrentIdentityAssociation identities) {
        this.trail = trail;
        this.identities = identities;
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response) {
        if (!WRITES.contains(request.getMethod())) {
            return Uni.createFrom().voidItem();
        }
        // the identity is resolved lazily and may not be yet (a 405 or 415 is answered before any check);
        // a token that fails to verify leaves the caller anonymous
        return identities.getDeferredIdentity().onItemOrFailure().transform((identity, failure) -> {
            try {
                append(request, response, failure == null ? Caller.of(identity) : null);
            } catch (RuntimeException e) {
                // the request has been handled; the audit must not turn its answer into a failure
                LOG.error("audit entry not recorded for " + request.getMethod() + " " + request.getUriInfo().getRequestUri(), e);
            }
            return null;
        });
    }

    private void append(ContainerRequestContext request, ContainerResponseContext response, Caller caller) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (!path.startsWith("/api/")) {
            return;
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String full = clip(query == null ? path : path + "?" + query, 500);
        Object location = response.getHeaders().getFirst("Location");
        // who: the token's subject, its strongest role and, for a member, its bank; "anonymous" when the
        // request carried no valid token (it was refused with a 401)
        AuditTrail.Event event = new AuditTrail.Event(caller == null ? "anonymous" : clip(caller.name(), 140),
                caller == null ? null : caller.role(), caller == null ? null : caller.bic().orElse(null),
                request.getMethod(), full, response.getStatus(), location == null ? null : clip(location.toString(), 500));
        if (request.getProperty(AuditAdmission.REFUSED) != null) {
            trail.recordRefusal(event);
        } else {
            trail.record(event);
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

package io.rmbsim.audit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.security.Principal;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every request that may change state (POST, PUT, PATCH, DELETE on the API) is recorded, whatever its outcome. */
public class AuditFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AuditFilter.class);

    private final AuditTrail trail;

    AuditFilter(AuditTrail trail) {
        this.trail = trail;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        try {
            append(request, response);
        } catch (RuntimeException e) {
            // the request has been handled; the audit must not turn its answer into a failure
            LOG.error("audit entry not recorded for " + request.getMethod() + " " + request.getUriInfo().getRequestUri(), e);
        }
    }

    private void append(ContainerRequestContext request, ContainerResponseContext response) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (!path.startsWith("/api/")) {
            return;
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String full = clip(query == null ? path : path + "?" + query, 500);
        Principal who = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        Object location = response.getHeaders().getFirst("Location");
        trail.record(new AuditTrail.Event(who == null ? "anonymous" : clip(who.getName(), 140), null, null,
                request.getMethod(), full, response.getStatus(), location == null ? null : clip(location.toString(), 500)));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

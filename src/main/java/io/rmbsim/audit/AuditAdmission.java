package io.rmbsim.audit;

import io.rmbsim.web.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A state-changing request is let in only while the audit trail can take its entry: when the writer
 * has fallen behind by the configured backlog (the database is down, say), such a request is answered
 * 503 before it changes anything, so that nothing is done that the trail could not record.
 */
public class AuditAdmission {

    /** Set on a request refused here: its own entry is kept only while there is room (it changed nothing). */
    static final String REFUSED = AuditAdmission.class.getName() + ".refused";
    /** The writer catches up in batches: a few seconds, not one. */
    private static final int RETRY_AFTER = 5;

    private final AuditTrail trail;

    AuditAdmission(AuditTrail trail) {
        this.trail = trail;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> admit(ContainerRequestContext request) {
        if (!AuditFilter.WRITES.contains(request.getMethod()) || !("/" + request.getUriInfo().getPath().replaceFirst("^/", "")).startsWith("/api/")
                || trail.accepting()) {
            return Optional.empty();
        }
        request.setProperty(REFUSED, Boolean.TRUE);
        return Optional.of(Problems.response(Problems.auditBacklog(), RETRY_AFTER));
    }
}

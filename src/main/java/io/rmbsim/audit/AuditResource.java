package io.rmbsim.audit;

import io.rmbsim.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.panache.common.Sort;
import io.rmbsim.web.Page;
import io.rmbsim.web.PageRequest;
import io.rmbsim.web.ListOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Every state-changing request, append-only and hash-chained")
public class AuditResource {

    /** How the chain stands: entries checked, and the first one whose link is broken, if any. */
    @Schema(name = "AuditVerification")
    public record Verification(long entries, boolean intact, Long firstBrokenSeq, String lastHash) {
    }

    @GET
    @Operation(summary = "The audit trail, oldest first, or newest first with order=newest")
    public Page<AuditRecord> list(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) @QueryParam("size") String size,
            @Parameter(description = "oldest (the default) or newest: where people look for the latest",
                    schema = @Schema(enumeration = {"oldest", "newest"}, defaultValue = "oldest")) @QueryParam("order") String order) {
        PageRequest p = PageRequest.of(page, size);
        List<AuditEntry> items = AuditEntry.<AuditEntry>findAll(ListOrder.of(order).by("seq")).page(p.page(), p.size()).list();
        return new Page<>(items.stream().map(AuditEntry::record).toList(), p.page(), p.size(), AuditEntry.count());
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Check the whole chain", description = "Recomputes every entry's hash from its content and the "
            + "previous entry's hash; a changed, removed or inserted entry breaks the chain from there on.")
    public Verification verify() {
        String prev = AuditRecord.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        int pageSize = 1_000;
        for (int page = 0; ; page++) {
            List<AuditEntry> entries = AuditEntry.<AuditEntry>findAll(Sort.by("seq")).page(page, pageSize).list();
            for (AuditEntry e : entries) {
                AuditRecord r = e.record();
                if (r.seq() != expectedSeq || !r.verifies(prev)) {
                    return new Verification(checked, false, r.seq(), prev);
                }
                prev = r.hash();
                expectedSeq++;
                checked++;
            }
            if (entries.size() < pageSize) {
                return new Verification(checked, true, null, prev);
            }
        }
    }
}

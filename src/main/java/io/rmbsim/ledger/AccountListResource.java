package io.rmbsim.ledger;

import io.rmbsim.access.Caller;
import io.rmbsim.access.ReadScope;
import io.rmbsim.access.Roles;
import io.rmbsim.web.Page;
import io.rmbsim.web.PageRequest;
import io.rmbsim.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every settlement account at once, for a picture of the whole system's liquidity (the dashboard's settlement page). */
@Path("/api/v1/accounts")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.MEMBER})
@Tag(name = "Accounts")
public class AccountListResource {

    private final Ledger ledger;
    private final Caller caller;

    AccountListResource(Ledger ledger, Caller caller) {
        this.ledger = ledger;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List settlement accounts", description = "In BIC order, each with its balance and what is "
            + "queued to and from it; heldAt=CIPS gives the direct participants' CIPS accounts, heldAt=<BIC> the "
            + "accounts on that agent's books. A member sees only its own bank's account.")
    public Page<AccountView> list(
            @Parameter(example = "CIPS", description = "CIPS or an agent's BIC") @QueryParam("heldAt") String heldAt,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) @QueryParam("size") String size) {
        String held = SettlementAccount.CIPS.equalsIgnoreCase(heldAt) ? SettlementAccount.CIPS : QueryParams.bic("heldAt", heldAt);
        return ledger.list(held, caller.readScope().map(ReadScope::banks).orElse(null), PageRequest.of(page, size));
    }
}

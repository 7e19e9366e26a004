package io.rmbsim.ledger;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Account")
public record AccountView(
        @Schema(example = "VHSBRUV0XXX") String bic,
        @Schema(example = "HCCBCNBHXXX", description = "CIPS, or the BIC of the settlement agent on whose books it is held") String heldAt,
        @Schema(example = "CNY") String currency,
        @Schema(example = "1250000.00") String balance,
        @Schema(example = "300000.00", description = "What queued payments will debit: at an indirect participant's "
                + "account all its queued payments, waiting for cover at its agent or covered (earmarked) and waiting at "
                + "CIPS; at a CIPS account the payments queued at CIPS, not those still waiting at an agent")
        String queuedOutgoing,
        @Schema(example = "0.00", description = "What queued payments will credit to it") String queuedIncoming,
        @Schema(example = "2", description = "How many payments make queuedOutgoing") long queuedCount,
        @Schema(example = "500000.00", description = "The intraday credit line its agent grants (indirect accounts; the "
                + "balance may go down to minus this)") String creditLine,
        @Schema(example = "125000.00", description = "What its payments covered here and now waiting at CIPS will "
                + "debit (indirect accounts)") String earmarked,
        @Schema(example = "0.00", description = "The part of the balance only HIGH payments may use (CIPS accounts)")
        String reserved,
        @Schema(example = "1625000.00", description = "What a NORM payment may use now: balance + creditLine - earmarked "
                + "- reserved") String available,
        LocalDate businessDate) {
}

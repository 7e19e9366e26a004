package io.rmbsim.ledger;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Account")
public record AccountView(
        @Schema(example = "VHSBRUV0XXX") String bic,
        @Schema(example = "HCCBCNBHXXX", description = "CIPS, or the BIC of the settlement agent on whose books it is held") String heldAt,
        @Schema(example = "CNY") String currency,
        @Schema(example = "1250000.00") String balance,
        @Schema(example = "300000.00") String queuedOutgoing,
        @Schema(example = "0.00") String queuedIncoming,
        @Schema(example = "2") long queuedCount,
        LocalDate businessDate) {
}

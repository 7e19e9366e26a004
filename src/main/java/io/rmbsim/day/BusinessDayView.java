package io.rmbsim.day;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A business day of the live ledger, as the list of days shows it. */
@Schema(name = "BusinessDaySummary")
public record BusinessDayView(LocalDate businessDate, @Schema(example = "CLOSED", enumeration = {"OPEN", "CLOSED"}) String state,
        @Schema(description = "When it opened (or opens)") Instant openedAt,
        @Schema(description = "When it closed; null while open") Instant closedAt,
        @Schema(description = "Whether a simulation can replay it (POST /api/v1/simulations {\"replay\": {\"businessDate\"}}): "
                + "closed, and logged from its start to its close") boolean replayable) {
}

package io.rmbsim.day;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A netting cycle of deferred net settlement: what it settled and what it carried over to the next. */
@Schema(name = "NettingCycle")
public record CycleView(
        long id,
        LocalDate businessDate,
        Instant ranAt,
        long settledCount,
        @Schema(example = "1250000.00") String settledValue,
        @Schema(description = "Payments of deferred net settlement still waiting after it (taken out, or not yet covered "
                + "at their agent)") long carriedOverCount,
        @Schema(example = "30000.00") String carriedOverValue,
        @Schema(example = "/api/v1/payments?settlementRun=42", description = "Where the payments it settled are listed")
        String payments) {
}

package io.rmbsim.day;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One run of the liquidity-saving mechanism (OFFSET) or one day close (DAY_CLOSE), as committed. */
@Schema(name = "SettlementRun")
public record RunView(long id, @Schema(enumeration = {"OFFSET", "DAY_CLOSE"}) String kind, LocalDate businessDate,
        Instant ranAt, long settledCount, @Schema(example = "300.00") String settledValue, long bilateral,
        long multilateral, long rejectedCount, @Schema(example = "0.00") String rejectedValue,
        @Schema(description = "Its payments, paged") String payments) {
}

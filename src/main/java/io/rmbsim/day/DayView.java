package io.rmbsim.day;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BusinessDay")
public record DayView(LocalDate businessDate,
        @Schema(example = "OPEN", description = "OPEN once the day has opened, CLOSED before its opening (a weekend or "
                + "holiday): payments taken then wait for it") String state,
        @Schema(example = "NIGHT", description = "DAY, END_OF_SESSION (17:00-17:30), NIGHT, END_OF_DAY (08:00-08:30: new "
                + "payments belong to the next business day) or CLOSED") String session,
        @Schema(description = "When the day opens, or opened") Instant opensAt,
        @Schema(description = "When the day closes by itself (08:30 the next morning in phase II)") Instant closesAt,
        @Schema(description = "The same as closesAt (the name of earlier versions)") Instant cutOff,
        @Schema(example = "PHASE_II", description = "PHASE_II (5x24+4) or DAY_SESSION") String timetable,
        @Schema(description = "Whether the day closes by itself at closesAt") boolean autoClose, QueueSummary queue,
        @Schema(description = "The next netting cycle of deferred net settlement at a configured time; null when only "
                + "the one at the day's close is left") Instant nextCycle) {

    @Schema(name = "QueueSummary")
    public record QueueSummary(long count, @Schema(example = "300000.00") String value) {
    }
}

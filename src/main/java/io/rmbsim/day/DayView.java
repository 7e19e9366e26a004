package io.rmbsim.day;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BusinessDay")
public record DayView(LocalDate businessDate, @Schema(example = "OPEN") String state, Instant cutOff,
        @Schema(description = "Whether the day closes by itself at the cut-off") boolean autoClose, QueueSummary queue) {

    @Schema(name = "QueueSummary")
    public record QueueSummary(long count, @Schema(example = "300000.00") String value) {
    }
}

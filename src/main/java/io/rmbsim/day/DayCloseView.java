package io.rmbsim.day;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DayClose")
public record DayCloseView(LocalDate closedDate, LocalDate openedDate, int settledByLastOffset,
        @Schema(description = "Payments still queued at the close, rejected with AM04") int rejected) {
}

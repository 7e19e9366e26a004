package io.rmbsim.day;

import io.rmbsim.payment.PaymentView;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A day close: the last offset's counts and value with its first page of payments, and what was rejected. */
@Schema(name = "DayClose")
public record DayCloseView(LocalDate closedDate, LocalDate openedDate,
        @Schema(description = "The run: GET /api/v1/settlement/runs/{run}") long run, int settledByLastOffset,
        @Schema(example = "300.00") String settledValue,
        @Schema(description = "Payments still queued at the close, rejected with AM04") int rejected,
        @Schema(example = "120.00") String rejectedValue,
        @Schema(description = "The first page of the payments the last offset settled") List<PaymentView> payments,
        @Schema(description = "Every payment the last offset settled, paged") String settledPayments,
        @Schema(description = "Every payment rejected at the close, paged") String rejectedPayments) {
}

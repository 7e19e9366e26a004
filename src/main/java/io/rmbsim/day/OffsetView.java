package io.rmbsim.day;

import io.rmbsim.payment.PaymentView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a run of the liquidity-saving mechanism settled: its counts and value, and the first page of
 * its payments; the rest are paged at {@code next}.
 */
@Schema(name = "OffsetResult")
public record OffsetView(@Schema(description = "The run: GET /api/v1/settlement/runs/{run}") long run, int settledCount,
        @Schema(example = "300.00") String settledValue,
        @Schema(description = "Payments settled by bilateral offsets") int bilateral,
        @Schema(description = "Payments settled by multilateral offsets") int multilateral,
        @Schema(description = "The first page of the payments settled, in settlement order") List<PaymentView> payments,
        @Schema(description = "Every payment the run settled, paged (null when the first page holds them all)") String next) {
}

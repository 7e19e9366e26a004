package io.rmbsim.day;

import io.rmbsim.payment.PaymentView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a run of the liquidity-saving mechanism settled. */
@Schema(name = "OffsetResult")
public record OffsetView(int settledCount, @Schema(example = "300.00") String settledValue, int bilateral,
        int multilateral, List<PaymentView> payments) {
}

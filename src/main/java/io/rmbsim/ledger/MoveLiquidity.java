package io.rmbsim.ledger;

import io.rmbsim.money.Money;
import io.rmbsim.web.validation.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Funds moved between a direct participant's CNAPS and CIPS accounts, or booked by an agent for its indirect participant. */
@Schema(name = "MoveLiquidity")
public record MoveLiquidity(
        @NotNull @Schema(example = "IN") Direction direction,
        @NotNull @Pattern(regexp = Money.AMOUNT_PATTERN, message = Money.AMOUNT_MESSAGE)
        @Schema(example = "50000000.00") String amount,
        @NotNull @Pattern(regexp = "CNY", message = "must be CNY: only CNY is settled here") @Schema(example = "CNY") String currency,
        @Size(max = 35) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(example = "CNAPS-20211104-001") String reference) {

    public enum Direction {
        IN, OUT
    }
}

package io.rmbsim.ledger;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Funds moved between a direct participant's CNAPS and CIPS accounts, or booked by an agent for its indirect participant. */
@Schema(name = "MoveLiquidity")
public record MoveLiquidity(
        @NotNull @Schema(example = "IN") Direction direction,
        @NotNull @Pattern(regexp = "[0-9]{1,12}(\\.[0-9]{1,2})?", message = "must be a decimal string with at most 12 integer and 2 fraction digits")
        @Schema(example = "50000000.00") String amount,
        @NotNull @Pattern(regexp = "CNY", message = "must be CNY: only CNY is settled here") @Schema(example = "CNY") String currency,
        @Size(max = 35) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        @Schema(example = "CNAPS-20211104-001") String reference) {

    public enum Direction {
        IN, OUT
    }
}

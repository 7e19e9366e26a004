package io.rmbsim.ledger;

import io.rmbsim.money.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An amount an account is given: a credit line granted by the agent, or a reservation for HIGH payments. */
@Schema(name = "SetAmount")
public record SetAmount(
        @NotNull @Pattern(regexp = Money.AMOUNT_PATTERN, message = Money.AMOUNT_MESSAGE)
        @Schema(example = "500000.00", description = "\"0.00\" removes it") String amount,
        @NotNull @Pattern(regexp = "CNY", message = "must be CNY: only CNY is settled here") @Schema(example = "CNY") String currency) {
}

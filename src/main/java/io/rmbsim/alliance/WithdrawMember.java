package io.rmbsim.alliance;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WithdrawMember")
public record WithdrawMember(
        @NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date YYYY-MM-DD")
        @Schema(format = "date", example = "2021-08-20", description = "The first day it is no longer a member") String leftOn) {
}

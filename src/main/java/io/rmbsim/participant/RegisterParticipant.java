package io.rmbsim.participant;

import io.rmbsim.web.validation.Text;
import io.rmbsim.web.validation.ValidBic;
import io.rmbsim.web.validation.ValidCountry;
import io.rmbsim.web.validation.ValidLei;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new institution for the directory. */
@Schema(name = "RegisterParticipant")
public record RegisterParticipant(
        @NotNull @ValidBic @Schema(example = "VHSBRUV0XXX", description = "BIC8 or BIC11, any letter case") String bic,
        @NotBlank @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(example = "Vladivostok Harbour Savings Bank") String name,
        @NotNull @ValidCountry @Schema(example = "RU") String country,
        @NotNull @Schema(example = "INDIRECT") Participation participation,
        @ValidBic @Schema(example = "HCCBCNBHXXX", description = "Required for INDIRECT, absent for DIRECT") String settlementAgent,
        @Size(min = 1, max = 35) @Pattern(regexp = "[A-Za-z0-9]*", message = "must be letters and digits")
        @Schema(example = "C0000123456") String cipsId,
        @ValidLei @Schema(example = "5493001KJTIIGC8Y1R12") String lei,
        @NotNull @Schema(example = "BANK") InstitutionType institutionType) {
}

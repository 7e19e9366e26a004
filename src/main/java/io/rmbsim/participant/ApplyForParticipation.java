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

/** A bank's application to join CIPS as an INDIRECT participant through a DIRECT one. */
@Schema(name = "ApplyForParticipation")
public record ApplyForParticipation(
        @NotNull @ValidBic @Schema(example = "AMURRUB0XXX") String bic,
        @NotBlank @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(example = "Amur River Commercial Bank") String name,
        @NotNull @ValidCountry @Schema(example = "RU") String country,
        @ValidLei @Schema(example = "5493001KJTIIGC8Y1R12") String lei,
        @NotNull @ValidBic @Schema(example = "HCCBCNBHXXX") String settlementAgent,
        @NotNull @Schema(example = "BANK") InstitutionType institutionType) {
}

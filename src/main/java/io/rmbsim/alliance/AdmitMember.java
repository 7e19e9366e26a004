package io.rmbsim.alliance;

import io.rmbsim.web.validation.Text;
import io.rmbsim.web.validation.ValidBic;
import io.rmbsim.web.validation.ValidCountry;
import io.rmbsim.web.validation.ValidLei;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new member of the alliance register. */
@Schema(name = "AdmitMember")
public record AdmitMember(
        @NotBlank @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(example = "Songhua River Trust Co.") String name,
        @NotNull @Schema(example = "TRUST") MemberCategory category,
        @NotNull @ValidCountry @Schema(example = "CN") String country,
        @NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date YYYY-MM-DD")
        @Schema(format = "date", example = "2021-05-20") String joinedOn,
        @ValidBic @Schema(example = "HCCBCNBHXXX") String bic,
        @ValidLei @Schema(example = "5493001KJTIIGC8Y1R12") String lei) {
}

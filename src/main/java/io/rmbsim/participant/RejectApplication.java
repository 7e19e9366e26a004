package io.rmbsim.participant;

import io.rmbsim.web.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RejectApplication")
public record RejectApplication(
        @NotBlank @Size(max = 500) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(example = "Incomplete KYC documentation") String reason) {
}

package io.rmbsim.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem body, as every error of the API is answered. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(example = "urn:rmbsim:problem:invalid-input") String type,
        @Schema(example = "Invalid input") String title,
        @Schema(example = "400") int status,
        @Schema(example = "bic: must be a BIC (ISO 9362)") String detail,
        @Schema(description = "Fields at fault, where any") List<FieldError> errors,
        @Schema(description = "ISO 20022 status reason code, where one applies", example = "RC01") String reasonCode,
        @Schema(description = "Where the service failed unexpectedly: the identifier of the one log line that tells "
                + "operators what happened", example = "7f3c2a9e-4b1d-4f7a-9c55-0d2e8b6a1f30") String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, List<FieldError> errors, String reasonCode) {
        this(type, title, status, detail, errors, reasonCode, null);
    }

    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "bic") String field, @Schema(example = "must be a BIC (ISO 9362)") String message) {
    }
}

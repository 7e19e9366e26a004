package io.rmbsim.payment;

import io.rmbsim.money.Money;
import io.rmbsim.web.validation.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A return of all or part of a settled payment: pacs.004 in JSON form. It is paid by the original's
 * creditor agent back to its debtor agent, which the service takes from the original.
 */
@Schema(name = "SubmitReturn")
public record SubmitReturn(
        @NotNull @Pattern(regexp = PaymentIntake.UUID_PATTERN, message = "must be a UUID (ISO 20022 UETR)")
        @Schema(description = "The return's own UETR (sending it again answers the same return)",
                example = "0f6d8c3e-5b9a-4c1e-9d2f-7a8b9c0d1e2f") String uetr,
        @NotNull @Pattern(regexp = PaymentIntake.UUID_PATTERN, message = "must be a UUID (ISO 20022 UETR)")
        @Schema(description = "The settled payment returned (OrgnlUETR)", example = "eb6305c9-1f7f-49de-aed0-16487c27b42d")
        String returnOf,
        @NotNull @Pattern(regexp = Money.AMOUNT_PATTERN, message = Money.AMOUNT_MESSAGE)
        @Schema(example = "400.00", description = "RtrdIntrBkSttlmAmt; all returns of a payment add up to at most its amount")
        String amount,
        @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 currency code")
        @Schema(example = "CNY", description = "The original's currency when absent") String currency,
        @NotNull @Pattern(regexp = "[A-Z0-9]{4}", message = "must be an ISO 20022 return reason code such as AC04 or MS03")
        @Schema(example = "AC04", description = "RtrRsnInf/Rsn/Cd (ExternalReturnReason1Code)") String reasonCode,
        @Size(max = 105) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(example = "creditor account closed") String reasonText,
        @Size(min = 1, max = 35) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(description = "RtrId; derived from the uetr when absent", example = "RTN-2026-0042") String returnId) {
}

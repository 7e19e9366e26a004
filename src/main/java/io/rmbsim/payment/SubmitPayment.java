package io.rmbsim.payment;

import io.rmbsim.money.Money;
import io.rmbsim.web.validation.Text;
import io.rmbsim.settlement.Priority;
import io.rmbsim.settlement.SettlementType;
import io.rmbsim.settlement.TransferKind;
import io.rmbsim.web.validation.ValidBic;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One credit transfer in JSON form: a customer's (pacs.008, the default) or an institution's own
 * (pacs.009, {@code kind: INSTITUTION}, without customers).
 */
@Schema(name = "SubmitPayment")
public record SubmitPayment(
        @NotNull @Pattern(regexp = PaymentIntake.UUID_PATTERN, message = "must be a UUID (ISO 20022 UETR)")
        @Schema(example = "eb6305c9-1f7f-49de-aed0-16487c27b42d") String uetr,
        @NotBlank @Size(max = 35) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(example = "INV-2021-0042") String endToEndId,
        @NotNull @ValidBic @Schema(example = "VHSBRUV0XXX") String debtorAgent,
        @NotNull @ValidBic @Schema(example = "ICBKCNBJXXX") String creditorAgent,
        @NotNull @Pattern(regexp = Money.AMOUNT_PATTERN, message = Money.AMOUNT_MESSAGE)
        @Schema(example = "125000.00") String amount,
        @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 currency code") @Schema(example = "CNY") String currency,
        @Schema(defaultValue = "NORM") Priority priority,
        @Valid Customer debtor,
        @Valid Customer creditor,
        @Size(max = 35) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(example = "GDDS") String purpose,
        @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(example = "Soybeans, contract 2021-HRB-117") String remittanceInformation,
        @Schema(defaultValue = "RTGS", description = "RTGS: gross, in real time; DNS: deferred net settlement at the next "
                + "netting cycle") SettlementType settlement,
        @Schema(defaultValue = "CUSTOMER", enumeration = {"CUSTOMER", "INSTITUTION"}, description = "CUSTOMER: a "
                + "customer credit transfer (pacs.008); INSTITUTION: the banks' own funds (pacs.009), debtor and creditor "
                + "are the agents themselves. A return is sent to /payments/returns.") TransferKind kind) {

    /** A customer behind an agent: outside the settlement model, kept and returned. */
    @Schema(name = "Customer")
    public record Customer(
            @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
            @Schema(example = "Dongjin Agro LLC") String name,
            @Size(max = 34) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
            @Schema(example = "40702156000000001234") String account) {
    }
}

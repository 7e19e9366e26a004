package io.rmbsim.ledger;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Statement")
public record StatementView(String bic, String heldAt, LocalDate date,
        @Schema(description = "True once the business day is closed") boolean isFinal,
        String currency, String openingBalance, String closingBalance, String totalCredits, String totalDebits,
        List<PostingView> entries) {
}

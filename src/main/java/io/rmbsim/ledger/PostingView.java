package io.rmbsim.ledger;

import io.rmbsim.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Posting")
public record PostingView(long id, String account, LocalDate businessDate,
        @Schema(example = "CRDT") String direction,
        @Schema(example = "125000.00") String amount,
        @Schema(example = "1250000.00") String balanceAfter,
        @Schema(example = "PAYMENT") String kind,
        UUID uetr, String reference, String counterparty, Instant postedAt) {

    static PostingView of(Posting p) {
        return new PostingView(p.id, p.accountBic, p.businessDate, p.amount >= 0 ? "CRDT" : "DBIT",
                Money.format(Math.abs(p.amount)), Money.format(p.balanceAfter), p.kind, p.uetr, p.reference,
                p.counterparty, p.postedAt);
    }
}

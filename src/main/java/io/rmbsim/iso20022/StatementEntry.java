package io.rmbsim.iso20022;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One booked entry on a statement.
 *
 * @param amountFen             positive amount in fen
 * @param credit                true for CRDT, false for DBIT
 * @param bookingDate           business date, written as the value date
 * @param bookedAt              booking time (nullable: then the booking date is written instead)
 * @param entryReference        e.g. the posting id
 * @param uetr                  nullable
 * @param endToEndId            nullable
 * @param counterpartyBic       nullable; the debtor agent of a credit, the creditor agent of a debit
 * @param additionalInformation nullable, e.g. "PAYMENT" or "LIQUIDITY IN"
 */
public record StatementEntry(long amountFen, boolean credit, LocalDate bookingDate, OffsetDateTime bookedAt,
                             String entryReference, String uetr, String endToEndId,
                             String counterpartyBic, String additionalInformation) {
}

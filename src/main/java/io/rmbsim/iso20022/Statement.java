package io.rmbsim.iso20022;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One business day of one settlement account, as a camt.053 shows it.
 *
 * @param statementId       also the message id
 * @param createdAt         creation time
 * @param accountId         e.g. "CIPS/HCCBCNBHXXX" or "HCCBCNBHXXX/VHSBRUV0XXX"
 * @param accountOwnerBic   the participant holding the account
 * @param servicerBic       the agent's BIC for an indirect participant's account, null for CIPS accounts
 * @param date              the business date
 * @param openingBalanceFen opening booked balance
 * @param closingBalanceFen closing (final) or interim booked balance
 * @param finalStatement    true once the day is closed
 * @param entries           booked entries in booking order
 */
public record Statement(String statementId, OffsetDateTime createdAt, String accountId,
                        String accountOwnerBic, String servicerBic,
                        LocalDate date, long openingBalanceFen, long closingBalanceFen, boolean finalStatement,
                        List<StatementEntry> entries) {

    public Statement {
        entries = List.copyOf(entries);
    }
}

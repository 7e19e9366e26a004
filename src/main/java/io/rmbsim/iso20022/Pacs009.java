package io.rmbsim.iso20022;

import java.util.List;

/**
 * A pacs.009 (financial institution credit transfer) as read. Each transaction is given in the same
 * shape as a customer transfer: its {@code debtorAgent} is the debtor institution ({@code Dbtr}) and its
 * {@code creditorAgent} the creditor institution ({@code Cdtr}), the banks whose accounts move; the
 * customer fields are null.
 *
 * @param messageId    GrpHdr/MsgId (null when absent)
 * @param version      the namespace's version suffix, e.g. "001.08"
 * @param transactions the transactions in document order, never empty
 */
public record Pacs009(String messageId, String version, List<CreditTransfer> transactions) {

    public Pacs009 {
        transactions = List.copyOf(transactions);
    }
}

package io.rmbsim.iso20022;

import java.util.List;

/**
 * A pacs.008 document as read.
 *
 * @param messageId    GrpHdr/MsgId (null when absent)
 * @param version      the namespace's version suffix, e.g. "001.08"
 * @param transactions the transactions in document order, never empty
 */
public record Pacs008(String messageId, String version, List<CreditTransfer> transactions) {

    public Pacs008 {
        transactions = List.copyOf(transactions);
    }
}

package io.rmbsim.iso20022;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads pacs.009 (financial institution credit transfer) documents from untrusted clients, with the
 * same defences as {@link Pacs008Reader}. Each {@code CdtTrfTxInf} becomes a {@link CreditTransfer}
 * whose agents are the debtor and creditor institutions ({@code Dbtr}, {@code Cdtr}) and whose
 * customer fields are null. A cover's underlying customer transfer ({@code UndrlygCstmrCdtTrf}) is
 * not read.
 */
public final class Pacs009Reader {

    static final IsoReader.Spec SPEC = new IsoReader.Spec("pacs.009", "FICdtTrf", "CdtTrfTxInf", "transactions");

    private Pacs009Reader() {
    }

    /**
     * Reads a pacs.009 (any pacs.009.001.NN namespace; CBPR+ uses 001.08) given as a bare
     * {@code Document} or inside an envelope with an AppHdr.
     *
     * @throws IllegalArgumentException if {@code maxTransactions} is not positive
     * @throws Iso20022Exception        for a DTD or entity, XInclude, unparsable XML, a document that
     *                                  is not a pacs.009, no transaction, more than
     *                                  {@code maxTransactions} transactions, nesting deeper than 64
     *                                  levels or text over 10,000 characters
     */
    public static Pacs009 read(byte[] xml, int maxTransactions) {
        IsoReader.Result doc = IsoReader.read(xml, SPEC, maxTransactions);
        String groupPriority = doc.header().first("GrpHdr/PmtTpInf/InstrPrty");
        String clearingSystem = doc.header().first("GrpHdr/SttlmInf/ClrSys/Prtry");
        List<CreditTransfer> transactions = new ArrayList<>(doc.items().size());
        for (IsoReader.Fields tx : doc.items()) {
            String priority = tx.first("PmtTpInf/InstrPrty");
            transactions.add(new CreditTransfer(
                    tx.first("PmtId/UETR"),
                    tx.first("PmtId/EndToEndId"),
                    tx.first("PmtId/InstrId"),
                    tx.firstOf("Dbtr/FinInstnId/BICFI", "Dbtr/FinInstnId/BIC"),
                    tx.firstOf("Cdtr/FinInstnId/BICFI", "Cdtr/FinInstnId/BIC"),
                    tx.first("IntrBkSttlmAmt"),
                    tx.first("IntrBkSttlmAmt/@Ccy"),
                    priority != null ? priority : groupPriority,
                    null, null, null, null,
                    tx.first("Purp/Cd"),
                    tx.joined("RmtInf/Ustrd"),
                    clearingSystem));
        }
        return new Pacs009(doc.header().first("GrpHdr/MsgId"), doc.version(), transactions);
    }
}

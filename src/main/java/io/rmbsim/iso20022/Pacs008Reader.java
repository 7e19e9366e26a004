package io.rmbsim.iso20022;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads pacs.008 documents from untrusted clients. It streams with StAX (no reflection, no binding,
 * native-image friendly) and refuses rather than tolerates anything that can be used against an XML
 * parser: any DTD (so no entity expansion, external entity or parameter entity can ever be
 * resolved), XInclude, deep nesting and huge text. It reads the whole input before answering, so a
 * document that breaks late is refused as a whole and nothing is partially returned. The defences
 * live in {@link SecureWalk} and {@link IsoReader}, shared with the other message readers.
 */
public final class Pacs008Reader {

    static final int MAX_DEPTH = SecureWalk.MAX_DEPTH;
    static final int MAX_TEXT = SecureWalk.MAX_TEXT;
    static final IsoReader.Spec SPEC = new IsoReader.Spec("pacs.008", "FIToFICstmrCdtTrf", "CdtTrfTxInf", "transactions");

    private Pacs008Reader() {
    }

    /**
     * Reads a pacs.008 (any pacs.008.001.NN namespace) given as a bare {@code Document} or inside a
     * wrapper such as {@code <message>} with an AppHdr.
     *
     * @throws Iso20022Exception for a DTD or entity, XInclude, unparsable XML, a document that is not
     *                           a pacs.008, no transaction, more than {@code maxTransactions}
     *                           transactions, nesting deeper than 64 levels or text over 10,000 characters
     */
    public static Pacs008 read(byte[] xml, int maxTransactions) {
        if (maxTransactions < 1) {
            throw new IllegalArgumentException("maxTransactions must be positive");
        }
        IsoReader.Result doc = IsoReader.read(xml, SPEC, maxTransactions);
        String groupPriority = doc.header().first("GrpHdr/PmtTpInf/InstrPrty");
        String groupClearingSystem = doc.header().first("GrpHdr/SttlmInf/ClrSys/Prtry");
        List<CreditTransfer> transactions = new ArrayList<>(doc.items().size());
        for (IsoReader.Fields item : doc.items()) {
            TransferFields fields = new TransferFields();
            item.forEach(fields::assign);
            fields.currency = item.first("IntrBkSttlmAmt/@Ccy");
            transactions.add(fields.toTransfer(groupPriority, groupClearingSystem));
        }
        return new Pacs008(doc.header().first("GrpHdr/MsgId"), doc.version(), transactions);
    }
}

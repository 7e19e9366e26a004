package io.rmbsim.iso20022;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads pacs.004 (payment return) documents from untrusted clients, with the same defences as
 * {@link Pacs008Reader}; one item per {@code TxInf}.
 */
public final class Pacs004Reader {

    static final IsoReader.Spec SPEC = new IsoReader.Spec("pacs.004", "PmtRtr", "TxInf", "returns");

    private Pacs004Reader() {
    }

    /**
     * Reads a pacs.004 (any pacs.004.001.NN namespace; CBPR+ uses 001.09) given as a bare
     * {@code Document} or inside an envelope with an AppHdr.
     *
     * @throws IllegalArgumentException if {@code maxItems} is not positive
     * @throws Iso20022Exception        for a DTD or entity, XInclude, unparsable XML, a document that
     *                                  is not a pacs.004, no {@code TxInf}, more than {@code maxItems}
     *                                  of them, nesting deeper than 64 levels or text over 10,000 characters
     */
    public static PaymentReturnMessage read(byte[] xml, int maxItems) {
        IsoReader.Result doc = IsoReader.read(xml, SPEC, maxItems);
        List<PaymentReturnMessage.Item> items = new ArrayList<>(doc.items().size());
        for (IsoReader.Fields tx : doc.items()) {
            items.add(new PaymentReturnMessage.Item(
                    tx.first("RtrId"),
                    tx.first("OrgnlGrpInf/OrgnlMsgId"),
                    tx.first("OrgnlInstrId"),
                    tx.first("OrgnlEndToEndId"),
                    tx.first("OrgnlUETR"),
                    tx.first("RtrdIntrBkSttlmAmt"),
                    tx.first("RtrdIntrBkSttlmAmt/@Ccy"),
                    tx.first("RtrRsnInf/Rsn/Cd"),
                    tx.joined("RtrRsnInf/AddtlInf")));
        }
        return new PaymentReturnMessage(doc.header().first("GrpHdr/MsgId"), doc.version(), items);
    }
}

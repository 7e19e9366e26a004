package io.rmbsim.iso20022;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads pacs.028 (FI to FI payment status request) documents from untrusted clients, with the same
 * defences as {@link Pacs008Reader}; one item per {@code TxInf}.
 */
public final class Pacs028Reader {

    static final IsoReader.Spec SPEC = new IsoReader.Spec("pacs.028", "FIToFIPmtStsReq", "TxInf", "status requests");

    private Pacs028Reader() {
    }

    /**
     * Reads a pacs.028 (any pacs.028.001.NN namespace; CBPR+ uses 001.03) given as a bare
     * {@code Document} or inside an envelope with an AppHdr.
     *
     * @throws IllegalArgumentException if {@code maxItems} is not positive
     * @throws Iso20022Exception        for a DTD or entity, XInclude, unparsable XML, a document that
     *                                  is not a pacs.028, no {@code TxInf}, more than {@code maxItems}
     *                                  of them, nesting deeper than 64 levels or text over 10,000 characters
     */
    public static StatusRequest read(byte[] xml, int maxItems) {
        IsoReader.Result doc = IsoReader.read(xml, SPEC, maxItems);
        List<StatusRequest.Item> items = new ArrayList<>(doc.items().size());
        for (IsoReader.Fields tx : doc.items()) {
            items.add(new StatusRequest.Item(
                    tx.first("StsReqId"),
                    tx.first("OrgnlGrpInf/OrgnlMsgId"),
                    tx.first("OrgnlInstrId"),
                    tx.first("OrgnlEndToEndId"),
                    tx.first("OrgnlUETR")));
        }
        return new StatusRequest(doc.header().first("GrpHdr/MsgId"), doc.version(), items);
    }
}

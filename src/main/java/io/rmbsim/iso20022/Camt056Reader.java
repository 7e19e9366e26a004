package io.rmbsim.iso20022;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads camt.056 (FI to FI payment cancellation request) documents from untrusted clients, with the
 * same defences as {@link Pacs008Reader}. Every {@code Undrlyg/TxInf} is one item, whichever
 * {@code Undrlyg} it is in.
 */
public final class Camt056Reader {

    static final IsoReader.Spec SPEC = new IsoReader.Spec("camt.056", "FIToFIPmtCxlReq", "Undrlyg/TxInf", "cancellations");

    private Camt056Reader() {
    }

    /**
     * Reads a camt.056 (any camt.056.001.NN namespace; CBPR+ uses 001.08) given as a bare
     * {@code Document} or inside an envelope with an AppHdr.
     *
     * @throws IllegalArgumentException if {@code maxItems} is not positive
     * @throws Iso20022Exception        for a DTD or entity, XInclude, unparsable XML, a document that
     *                                  is not a camt.056, no {@code Undrlyg/TxInf}, more than
     *                                  {@code maxItems} of them, nesting deeper than 64 levels or text
     *                                  over 10,000 characters
     */
    public static CancellationRequest read(byte[] xml, int maxItems) {
        IsoReader.Result doc = IsoReader.read(xml, SPEC, maxItems);
        List<CancellationRequest.Item> items = new ArrayList<>(doc.items().size());
        for (IsoReader.Fields tx : doc.items()) {
            items.add(new CancellationRequest.Item(
                    tx.first("CxlId"),
                    tx.first("OrgnlGrpInf/OrgnlMsgId"),
                    tx.first("OrgnlInstrId"),
                    tx.first("OrgnlEndToEndId"),
                    tx.first("OrgnlUETR"),
                    tx.first("CxlRsnInf/Rsn/Cd"),
                    tx.joined("CxlRsnInf/AddtlInf")));
        }
        return new CancellationRequest(doc.header().first("Assgnmt/Id"),
                doc.header().firstOf("Assgnmt/Assgnr/Agt/FinInstnId/BICFI", "Assgnmt/Assgnr/Agt/FinInstnId/BIC"),
                doc.version(), items);
    }
}

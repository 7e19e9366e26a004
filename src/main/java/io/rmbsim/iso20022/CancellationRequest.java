package io.rmbsim.iso20022;

import java.util.List;

/**
 * A camt.056 (FI to FI payment cancellation request) as read.
 *
 * @param assignmentId Assgnmt/Id (the case a camt.029 answers), null when absent
 * @param assigner     Assgnmt/Assgnr/Agt/FinInstnId/BICFI, the bank asking, null when absent
 * @param version      the namespace's version suffix, e.g. "001.08"
 * @param items        one per Undrlyg/TxInf in document order, never empty
 */
public record CancellationRequest(String assignmentId, String assigner, String version, List<Item> items) {

    public CancellationRequest {
        items = List.copyOf(items);
    }

    /**
     * One payment asked to be cancelled.
     *
     * @param cancellationId        CxlId
     * @param originalMessageId     OrgnlGrpInf/OrgnlMsgId
     * @param originalInstructionId OrgnlInstrId
     * @param originalEndToEndId    OrgnlEndToEndId
     * @param originalUetr          OrgnlUETR
     * @param reasonCode            CxlRsnInf/Rsn/Cd (e.g. DUPL, CUST, FRAD)
     * @param reasonText            CxlRsnInf/AddtlInf, several joined with a space
     */
    public record Item(String cancellationId, String originalMessageId, String originalInstructionId,
                       String originalEndToEndId, String originalUetr, String reasonCode, String reasonText) {
    }
}

package io.rmbsim.iso20022;

import java.util.List;

/**
 * A pacs.028 (FI to FI payment status request) as read.
 *
 * @param messageId GrpHdr/MsgId (null when absent)
 * @param version   the namespace's version suffix, e.g. "001.03"
 * @param items     one per TxInf in document order, never empty
 */
public record StatusRequest(String messageId, String version, List<Item> items) {

    public StatusRequest {
        items = List.copyOf(items);
    }

    /**
     * One payment asked about.
     *
     * @param statusRequestId       StsReqId
     * @param originalMessageId     OrgnlGrpInf/OrgnlMsgId
     * @param originalInstructionId OrgnlInstrId
     * @param originalEndToEndId    OrgnlEndToEndId
     * @param originalUetr          OrgnlUETR
     */
    public record Item(String statusRequestId, String originalMessageId, String originalInstructionId,
                       String originalEndToEndId, String originalUetr) {
    }
}

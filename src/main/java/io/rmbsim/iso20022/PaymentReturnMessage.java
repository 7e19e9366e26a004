package io.rmbsim.iso20022;

import java.util.List;

/**
 * A pacs.004 (payment return) as read.
 *
 * @param messageId GrpHdr/MsgId (null when absent)
 * @param version   the namespace's version suffix, e.g. "001.09"
 * @param items     one per TxInf in document order, never empty
 */
public record PaymentReturnMessage(String messageId, String version, List<Item> items) {

    public PaymentReturnMessage {
        items = List.copyOf(items);
    }

    /**
     * One return.
     *
     * @param returnId              RtrId
     * @param originalMessageId     OrgnlGrpInf/OrgnlMsgId
     * @param originalInstructionId OrgnlInstrId
     * @param originalEndToEndId    OrgnlEndToEndId
     * @param originalUetr          OrgnlUETR
     * @param amount                RtrdIntrBkSttlmAmt text
     * @param currency              RtrdIntrBkSttlmAmt/@Ccy
     * @param reasonCode            RtrRsnInf/Rsn/Cd (e.g. AC04, MS03)
     * @param reasonText            RtrRsnInf/AddtlInf, several joined with a space
     */
    public record Item(String returnId, String originalMessageId, String originalInstructionId,
                       String originalEndToEndId, String originalUetr, String amount, String currency,
                       String reasonCode, String reasonText) {
    }
}

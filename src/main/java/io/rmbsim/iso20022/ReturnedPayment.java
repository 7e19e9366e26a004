package io.rmbsim.iso20022;

import java.time.LocalDate;

/**
 * A return as the service has it, for writing its pacs.004.
 *
 * @param returnId              RtrId (the return's own id), not null
 * @param originalMessageId     the original's message id (OrgnlGrpInf/OrgnlMsgId), nullable
 * @param originalMessageName   e.g. pacs.008.001.08, nullable (then pacs.008.001.08)
 * @param originalEndToEndId    nullable
 * @param originalUetr          not null
 * @param originalAmount        the original's IntrBkSttlmAmt, e.g. "1000.00", nullable
 * @param returnedAmount        RtrdIntrBkSttlmAmt, e.g. "400.00", not null
 * @param currency              not null
 * @param settlementDate        IntrBkSttlmDt, nullable
 * @param instructingAgent      the bank returning (pays back), not null
 * @param instructedAgent       the bank receiving the return, not null
 * @param reasonCode            RtrRsnInf/Rsn/Cd, nullable
 * @param reasonText            RtrRsnInf/AddtlInf, nullable; at most 105 characters are written
 */
public record ReturnedPayment(String returnId, String originalMessageId, String originalMessageName,
                              String originalEndToEndId, String originalUetr, String originalAmount,
                              String returnedAmount, String currency, LocalDate settlementDate,
                              String instructingAgent, String instructedAgent, String reasonCode,
                              String reasonText) {
}

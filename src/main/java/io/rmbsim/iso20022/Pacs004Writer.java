package io.rmbsim.iso20022;

import java.util.List;
import java.util.Objects;
import java.time.OffsetDateTime;

/**
 * Writes pacs.004.001.09 payment returns, one {@code TxInf} per return, in the XSD's element order
 * (in this version {@code RtrRsnInf} comes after the agents).
 *
 * <p>pacs.004.001.09 has no slot for the return's own UETR: {@code TxInf} carries only the original's
 * ({@code OrgnlUETR}). The return is identified by {@code RtrId} (and by the business application
 * header where one is used).
 */
public final class Pacs004Writer {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pacs.004.001.09";
    static final String ORIGINAL_MESSAGE_NAME = "pacs.008.001.08";
    static final String CLEARING_SYSTEM = "CIPS";
    /** AddtlInf is a Max105Text. */
    static final int MAX_ADDITIONAL_INFO = 105;

    private Pacs004Writer() {
    }

    /**
     * A pacs.004.001.09 PmtRtr settled by clearing (SttlmMtd CLRG, ClrSys/Prtry CIPS). OrgnlGrpInf is
     * written when the original message id is known, OrgnlIntrBkSttlmAmt when the original amount is.
     *
     * @throws IllegalArgumentException for no return or an amount that is not an ISO 20022 decimal
     */
    public static String write(String messageId, OffsetDateTime createdAt, List<ReturnedPayment> returns) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(returns, "returns");
        if (returns.isEmpty()) {
            throw new IllegalArgumentException("a pacs.004 holds at least one return");
        }
        XmlOut xml = new XmlOut(NAMESPACE).open("PmtRtr");
        xml.open("GrpHdr").leaf("MsgId", messageId).leaf("CreDtTm", createdAt)
                .leaf("NbOfTxs", Integer.toString(returns.size()));
        xml.open("SttlmInf").leaf("SttlmMtd", "CLRG").open("ClrSys").leaf("Prtry", CLEARING_SYSTEM).close().close();
        xml.close();
        for (ReturnedPayment r : returns) {
            Objects.requireNonNull(r, "return");
            Objects.requireNonNull(r.returnId(), "returnId");
            Objects.requireNonNull(r.originalUetr(), "originalUetr");
            Objects.requireNonNull(r.returnedAmount(), "returnedAmount");
            Objects.requireNonNull(r.currency(), "currency");
            Objects.requireNonNull(r.instructingAgent(), "instructingAgent");
            Objects.requireNonNull(r.instructedAgent(), "instructedAgent");
            xml.open("TxInf").leaf("RtrId", r.returnId());
            if (r.originalMessageId() != null) {
                xml.open("OrgnlGrpInf").leaf("OrgnlMsgId", r.originalMessageId())
                        .leaf("OrgnlMsgNmId", r.originalMessageName() == null ? ORIGINAL_MESSAGE_NAME : r.originalMessageName())
                        .close();
            }
            xml.leaf("OrgnlEndToEndId", r.originalEndToEndId()).leaf("OrgnlUETR", r.originalUetr());
            if (r.originalAmount() != null) {
                xml.amount("OrgnlIntrBkSttlmAmt", r.currency(), r.originalAmount());
            }
            xml.amount("RtrdIntrBkSttlmAmt", r.currency(), r.returnedAmount());
            if (r.settlementDate() != null) {
                xml.leaf("IntrBkSttlmDt", r.settlementDate().toString());
            }
            xml.agent("InstgAgt", r.instructingAgent()).agent("InstdAgt", r.instructedAgent());
            String info = XmlOut.truncate(r.reasonText(), MAX_ADDITIONAL_INFO);
            if (r.reasonCode() != null || info != null) {
                xml.open("RtrRsnInf");
                if (r.reasonCode() != null) {
                    xml.open("Rsn").leaf("Cd", r.reasonCode()).close();
                }
                xml.leaf("AddtlInf", info).close();
            }
            xml.close();
        }
        return xml.finish();
    }
}

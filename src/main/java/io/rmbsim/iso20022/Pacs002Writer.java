package io.rmbsim.iso20022;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Writes the pacs.002.001.10 status report answering a pacs.008: one {@code TxInfAndSts} per
 * transaction, so a client can match every status to its instruction by the original ids.
 */
public final class Pacs002Writer {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10";
    static final String ORIGINAL_MESSAGE_NAME = "pacs.008.001.08";
    /** AddtlInf is a Max105Text. */
    static final int MAX_ADDITIONAL_INFO = 105;

    private Pacs002Writer() {
    }

    /**
     * A pacs.002.001.10 FIToFIPmtStsRpt. Original ids are written where not null; StsRsnInf is written
     * when there is a reason code or additional information.
     */
    public static String write(String messageId, OffsetDateTime createdAt, String originalMessageId,
                               List<TransactionStatus> statuses) {
        return write(messageId, createdAt, originalMessageId, ORIGINAL_MESSAGE_NAME, statuses);
    }

    /** The same, naming the original message's version, e.g. {@code pacs.008.001.07}. */
    public static String write(String messageId, OffsetDateTime createdAt, String originalMessageId,
                               String originalMessageName, List<TransactionStatus> statuses) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(originalMessageId, "originalMessageId");
        Objects.requireNonNull(statuses, "statuses");
        XmlOut xml = new XmlOut(NAMESPACE).open("FIToFIPmtStsRpt");
        xml.open("GrpHdr").leaf("MsgId", messageId).leaf("CreDtTm", createdAt).close();
        xml.open("OrgnlGrpInfAndSts")
                .leaf("OrgnlMsgId", originalMessageId)
                .leaf("OrgnlMsgNmId", originalMessageName == null ? ORIGINAL_MESSAGE_NAME : originalMessageName)
                .close();
        for (TransactionStatus status : statuses) {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(status.status(), "status.status");
            xml.open("TxInfAndSts")
                    .leaf("OrgnlInstrId", status.originalInstructionId())
                    .leaf("OrgnlEndToEndId", status.originalEndToEndId())
                    .leaf("OrgnlUETR", status.originalUetr())
                    .leaf("TxSts", status.status());
            String info = XmlOut.truncate(status.additionalInformation(), MAX_ADDITIONAL_INFO);
            if (status.reasonCode() != null || info != null) {
                xml.open("StsRsnInf");
                if (status.reasonCode() != null) {
                    xml.open("Rsn").leaf("Cd", status.reasonCode()).close();
                }
                xml.leaf("AddtlInf", info).close();
            }
            xml.close();
        }
        return xml.finish();
    }
}

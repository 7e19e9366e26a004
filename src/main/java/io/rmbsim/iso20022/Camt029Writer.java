package io.rmbsim.iso20022;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Writes the camt.029.001.09 resolution of investigation answering a camt.056: one
 * {@code CxlDtls/TxInfAndSts} per cancellation asked, in the XSD's element order.
 *
 * <p>{@code Sts/Conf} is an ExternalInvestigationExecutionConfirmation1Code (a Max4Text in the schema,
 * its values from ISO's external code list): {@code CNCL} (cancelled as per request) when every item
 * was cancelled, {@code RJCR} (rejected cancellation request) when every one was refused, and
 * {@code PECR} (partially executed cancellation request) for a mix. Each item's own outcome is in
 * {@code TxCxlSts}, a CancellationIndividualStatus1Code: {@code ACCR} (accepted) or {@code RJCR}.
 */
public final class Camt029Writer {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.029.001.09";
    static final String CANCELLED = "CNCL";
    static final String REFUSED = "RJCR";
    static final String PARTIALLY_CANCELLED = "PECR";
    /** AddtlInf is a Max105Text. */
    static final int MAX_ADDITIONAL_INFO = 105;

    private Camt029Writer() {
    }

    /**
     * A camt.029.001.09 RsltnOfInvstgtn.
     *
     * @param messageId            Assgnmt/Id, this answer's own id (Max35Text)
     * @param createdAt            Assgnmt/CreDtTm
     * @param assigner             the BIC answering (Assgnmt/Assgnr/Agt)
     * @param assignee             the BIC that asked (Assgnmt/Assgne/Agt); also the resolved case's creator
     * @param originalAssignmentId the camt.056's Assgnmt/Id, written as RslvdCase/Id when not null
     * @param resolutions          one per cancellation asked, each CNCL or RJCR; not empty
     * @throws IllegalArgumentException for no resolution or a status other than CNCL or RJCR
     */
    public static String write(String messageId, OffsetDateTime createdAt, String assigner, String assignee,
                               String originalAssignmentId, List<CancellationResolution> resolutions) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(assigner, "assigner");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(resolutions, "resolutions");
        if (resolutions.isEmpty()) {
            throw new IllegalArgumentException("a camt.029 answers at least one cancellation");
        }
        int cancelled = 0;
        for (CancellationResolution resolution : resolutions) {
            Objects.requireNonNull(resolution, "resolution");
            if (CANCELLED.equals(resolution.status())) {
                cancelled++;
            } else if (!REFUSED.equals(resolution.status())) {
                throw new IllegalArgumentException("a cancellation is CNCL or RJCR, not " + resolution.status());
            }
        }
        String confirmation = cancelled == resolutions.size() ? CANCELLED
                : cancelled == 0 ? REFUSED : PARTIALLY_CANCELLED;

        XmlOut xml = new XmlOut(NAMESPACE).open("RsltnOfInvstgtn");
        xml.open("Assgnmt").leaf("Id", messageId);
        party(xml, "Assgnr", assigner);
        party(xml, "Assgne", assignee);
        xml.leaf("CreDtTm", createdAt).close();
        if (originalAssignmentId != null) {
            xml.open("RslvdCase").leaf("Id", originalAssignmentId);
            party(xml, "Cretr", assignee);
            xml.close();
        }
        xml.open("Sts").leaf("Conf", confirmation).close();
        xml.open("CxlDtls");
        for (CancellationResolution resolution : resolutions) {
            xml.open("TxInfAndSts")
                    .leaf("CxlStsId", resolution.cancellationId())
                    .leaf("OrgnlInstrId", resolution.originalInstructionId())
                    .leaf("OrgnlEndToEndId", resolution.originalEndToEndId())
                    .leaf("OrgnlUETR", resolution.originalUetr())
                    .leaf("TxCxlSts", CANCELLED.equals(resolution.status()) ? "ACCR" : "RJCR");
            String info = XmlOut.truncate(resolution.additionalInformation(), MAX_ADDITIONAL_INFO);
            if (resolution.reasonCode() != null || info != null) {
                xml.open("CxlStsRsnInf");
                if (resolution.reasonCode() != null) {
                    xml.open("Rsn").leaf("Cd", resolution.reasonCode()).close();
                }
                xml.leaf("AddtlInf", info).close();
            }
            xml.close();
        }
        return xml.finish();
    }

    /** A Party40Choice holding an agent: {@code <name><Agt><FinInstnId><BICFI>}. */
    private static void party(XmlOut xml, String name, String bic) {
        xml.open(name).agent("Agt", bic).close();
    }
}

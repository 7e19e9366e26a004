package io.rmbsim.iso20022;

/**
 * The answer to one cancellation asked in a camt.056, for a camt.029.
 *
 * @param cancellationId        the CxlId asked with (CxlStsId), nullable
 * @param originalInstructionId nullable
 * @param originalEndToEndId    nullable
 * @param originalUetr          nullable
 * @param status                {@code CNCL} (cancelled) or {@code RJCR} (cancellation refused)
 * @param reasonCode            why it was refused (e.g. ARDT already returned/settled, NOOR no original), nullable
 * @param additionalInformation nullable free text; at most 105 characters are written
 */
public record CancellationResolution(String cancellationId, String originalInstructionId, String originalEndToEndId,
                                     String originalUetr, String status, String reasonCode,
                                     String additionalInformation) {
}

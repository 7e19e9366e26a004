package io.rmbsim.iso20022;

/**
 * The status of one transaction for a pacs.002.
 *
 * @param originalInstructionId nullable
 * @param originalEndToEndId    nullable
 * @param originalUetr          nullable
 * @param status                ACSC, ACSP, PDNG or RJCT
 * @param reasonCode            ISO 20022 reason, null unless rejected or informative
 * @param additionalInformation nullable free text; at most 105 characters are written
 */
public record TransactionStatus(String originalInstructionId, String originalEndToEndId, String originalUetr,
                                String status, String reasonCode, String additionalInformation) {
}

package io.rmbsim.iso20022;

/**
 * One customer credit transfer read from a pacs.008 ({@code FIToFICstmrCdtTrf/CdtTrfTxInf}).
 * Strings are kept as found (trimmed) so that validation and reason codes stay with the caller;
 * a field that is absent or blank is {@code null}.
 *
 * @param uetr                  PmtId/UETR
 * @param endToEndId            PmtId/EndToEndId
 * @param instructionId         PmtId/InstrId
 * @param debtorAgent           DbtrAgt/FinInstnId/BICFI (or BIC in older versions), as written
 * @param creditorAgent         CdtrAgt/FinInstnId/BICFI (or BIC in older versions), as written
 * @param amount                IntrBkSttlmAmt text, e.g. "125000.00" or "98.7"
 * @param currency              IntrBkSttlmAmt/@Ccy
 * @param priority              PmtTpInf/InstrPrty of the transaction, else of the group header, else null
 * @param debtorName            Dbtr/Nm
 * @param debtorAccount         DbtrAcct/Id/IBAN or DbtrAcct/Id/Othr/Id
 * @param creditorName          Cdtr/Nm
 * @param creditorAccount       CdtrAcct/Id/IBAN or CdtrAcct/Id/Othr/Id
 * @param purpose               Purp/Cd
 * @param remittanceInformation RmtInf/Ustrd, several joined with a space
 * @param clearingSystem        GrpHdr/SttlmInf/ClrSys/Prtry (the clearing system's own code, e.g. DNS), else null
 */
public record CreditTransfer(
        String uetr,
        String endToEndId,
        String instructionId,
        String debtorAgent,
        String creditorAgent,
        String amount,
        String currency,
        String priority,
        String debtorName,
        String debtorAccount,
        String creditorName,
        String creditorAccount,
        String purpose,
        String remittanceInformation,
        String clearingSystem) {
}

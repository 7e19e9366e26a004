package io.rmbsim.iso20022;

/**
 * The fields of one CdtTrfTxInf while it is being read; paths are relative to CdtTrfTxInf.
 * Kept apart from the reader so the mapping from ISO paths to fields is in one small table.
 */
final class TransferFields {

    String uetr;
    String endToEndId;
    String instructionId;
    String debtorAgent;
    String creditorAgent;
    String amount;
    String currency;
    String priority;
    String debtorName;
    String debtorAccount;
    String creditorName;
    String creditorAccount;
    String purpose;
    String remittanceInformation;

    void assign(String path, String value) {
        if (value == null) {
            return;
        }
        switch (path) {
            case "PmtId/UETR" -> uetr = value;
            case "PmtId/EndToEndId" -> endToEndId = value;
            case "PmtId/InstrId" -> instructionId = value;
            // BICFI since pacs.008.001.03, BIC before.
            case "DbtrAgt/FinInstnId/BICFI", "DbtrAgt/FinInstnId/BIC" -> debtorAgent = value;
            case "CdtrAgt/FinInstnId/BICFI", "CdtrAgt/FinInstnId/BIC" -> creditorAgent = value;
            case "IntrBkSttlmAmt" -> amount = value;
            case "PmtTpInf/InstrPrty" -> priority = value;
            case "Dbtr/Nm" -> debtorName = value;
            case "DbtrAcct/Id/IBAN", "DbtrAcct/Id/Othr/Id" -> debtorAccount = value;
            case "Cdtr/Nm" -> creditorName = value;
            case "CdtrAcct/Id/IBAN", "CdtrAcct/Id/Othr/Id" -> creditorAccount = value;
            case "Purp/Cd" -> purpose = value;
            case "RmtInf/Ustrd" -> remittanceInformation =
                    remittanceInformation == null ? value : remittanceInformation + " " + value;
            default -> {
                // everything else in the transaction is not part of the settlement model
            }
        }
    }

    CreditTransfer toTransfer(String groupPriority, String groupClearingSystem) {
        return new CreditTransfer(uetr, endToEndId, instructionId, debtorAgent, creditorAgent, amount, currency,
                priority != null ? priority : groupPriority, debtorName, debtorAccount, creditorName,
                creditorAccount, purpose, remittanceInformation, groupClearingSystem);
    }
}

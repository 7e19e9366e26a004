package io.rmbsim.iso20022;

import io.rmbsim.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Writes a camt.053.001.08 statement for one settlement account and one business day, so that a
 * participant can reconcile its account with the same tools it uses for any other bank.
 */
public final class Camt053Writer {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
    private static final String CNY = "CNY";

    private Camt053Writer() {
    }

    /**
     * A camt.053.001.08 BkToCstmrStmt with OPBD and CLBD (ITBD while the day is open) balances, a
     * transactions summary and one Ntry per entry. Throws {@link IllegalArgumentException} for an
     * entry whose amount is not positive and {@link ArithmeticException} if the sums overflow.
     */
    public static String write(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(statement.statementId(), "statementId");
        Objects.requireNonNull(statement.createdAt(), "createdAt");
        Objects.requireNonNull(statement.accountId(), "accountId");
        Objects.requireNonNull(statement.date(), "date");
        XmlOut xml = new XmlOut(NAMESPACE).open("BkToCstmrStmt");
        xml.open("GrpHdr").leaf("MsgId", statement.statementId()).leaf("CreDtTm", statement.createdAt()).close();
        xml.open("Stmt").leaf("Id", statement.statementId()).leaf("CreDtTm", statement.createdAt());
        account(xml, statement);
        balance(xml, "OPBD", statement.openingBalanceFen(), statement.date());
        balance(xml, statement.finalStatement() ? "CLBD" : "ITBD", statement.closingBalanceFen(), statement.date());
        summary(xml, statement);
        for (StatementEntry entry : statement.entries()) {
            entry(xml, entry);
        }
        return xml.finish();
    }

    private static void account(XmlOut xml, Statement statement) {
        xml.open("Acct");
        xml.open("Id").open("Othr").leaf("Id", statement.accountId()).close().close();
        xml.leaf("Ccy", CNY);
        if (statement.accountOwnerBic() != null) {
            xml.open("Ownr").open("Id").open("OrgId").leaf("AnyBIC", statement.accountOwnerBic()).close().close().close();
        }
        if (statement.servicerBic() != null) {
            xml.open("Svcr").open("FinInstnId").leaf("BICFI", statement.servicerBic()).close().close();
        }
        xml.close();
    }

    private static void balance(XmlOut xml, String type, long fen, LocalDate date) {
        xml.open("Bal");
        xml.open("Tp").open("CdOrPrtry").leaf("Cd", type).close().close();
        signedAmount(xml, fen);
        xml.open("Dt").leaf("Dt", date.toString()).close();
        xml.close();
    }

    /** Amt is always non-negative in ISO 20022; the sign goes to CdtDbtInd. */
    private static void signedAmount(XmlOut xml, long fen) {
        xml.amount("Amt", CNY, Math.absExact(fen)).leaf("CdtDbtInd", fen >= 0 ? "CRDT" : "DBIT");
    }

    private static void summary(XmlOut xml, Statement statement) {
        long credits = 0;
        long debits = 0;
        int creditCount = 0;
        int debitCount = 0;
        for (StatementEntry entry : statement.entries()) {
            if (entry.amountFen() <= 0) {
                throw new IllegalArgumentException("statement entry amount must be positive: " + entry.entryReference());
            }
            if (entry.credit()) {
                credits = Math.addExact(credits, entry.amountFen());
                creditCount++;
            } else {
                debits = Math.addExact(debits, entry.amountFen());
                debitCount++;
            }
        }
        xml.open("TxsSummry");
        xml.open("TtlNtries")
                .leaf("NbOfNtries", Integer.toString(creditCount + debitCount))
                .leaf("Sum", Money.format(Math.addExact(credits, debits)));
        xml.open("TtlNetNtry");
        signedAmountWithoutCurrency(xml, Math.subtractExact(credits, debits));
        xml.close().close();
        xml.open("TtlCdtNtries").leaf("NbOfNtries", Integer.toString(creditCount)).leaf("Sum", Money.format(credits)).close();
        xml.open("TtlDbtNtries").leaf("NbOfNtries", Integer.toString(debitCount)).leaf("Sum", Money.format(debits)).close();
        xml.close();
    }

    /** TtlNetNtry/Amt is a plain decimal without a currency attribute. */
    private static void signedAmountWithoutCurrency(XmlOut xml, long fen) {
        xml.leaf("Amt", Money.format(Math.absExact(fen))).leaf("CdtDbtInd", fen >= 0 ? "CRDT" : "DBIT");
    }

    private static void entry(XmlOut xml, StatementEntry entry) {
        xml.open("Ntry").leaf("NtryRef", entry.entryReference());
        xml.amount("Amt", CNY, entry.amountFen()).leaf("CdtDbtInd", entry.credit() ? "CRDT" : "DBIT");
        xml.open("Sts").leaf("Cd", "BOOK").close();
        if (entry.bookedAt() != null) {
            xml.open("BookgDt").leaf("DtTm", entry.bookedAt()).close();
        } else if (entry.bookingDate() != null) {
            xml.open("BookgDt").leaf("Dt", entry.bookingDate().toString()).close();
        }
        if (entry.bookingDate() != null) {
            xml.open("ValDt").leaf("Dt", entry.bookingDate().toString()).close();
        }
        xml.open("BkTxCd").open("Prtry").leaf("Cd", "CIPS").close().close();
        boolean refs = entry.endToEndId() != null || entry.uetr() != null;
        if (refs || entry.counterpartyBic() != null) {
            xml.open("NtryDtls").open("TxDtls");
            if (refs) {
                xml.open("Refs").leaf("EndToEndId", entry.endToEndId()).leaf("UETR", entry.uetr()).close();
            }
            if (entry.counterpartyBic() != null) {
                // The counterparty of a credit is the paying side, of a debit the receiving side.
                xml.open("RltdAgts").open(entry.credit() ? "DbtrAgt" : "CdtrAgt").open("FinInstnId")
                        .leaf("BICFI", entry.counterpartyBic()).close().close().close();
            }
            xml.close().close();
        }
        xml.leaf("AddtlNtryInf", entry.additionalInformation());
        xml.close();
    }
}

package io.rmbsim.payment;

import io.rmbsim.settlement.PaymentOrder;
import io.rmbsim.identifier.Bic;
import io.rmbsim.iso20022.CreditTransfer;
import io.rmbsim.money.Money;
import io.rmbsim.settlement.Admission;
import io.rmbsim.settlement.Priority;
import io.rmbsim.settlement.Refusal;
import io.rmbsim.settlement.SettlementType;
import io.rmbsim.settlement.TransferKind;
import io.rmbsim.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns what a client sent (JSON or a pacs.008 transaction) into a normalised {@link PaymentOrder}:
 * BIC11, fen, upper-case currency, default priority, blank optional fields as absent. The same
 * normalisation is what idempotency compares.
 */
public final class PaymentIntake {

    public static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    /** Compiled once: a document of 1,000 transactions checks each (String.matches compiles anew every call). */
    private static final Pattern UUID_FORM = Pattern.compile(UUID_PATTERN);
    private static final Pattern CURRENCY_FORM = Pattern.compile("[A-Za-z]{3}");

    /** Whether {@code text} is a UUID in its canonical form (a UETR). */
    public static boolean isUuid(String text) {
        return text != null && UUID_FORM.matcher(text).matches();
    }

    /** Whether {@code text} has the form of an ISO 4217 code (three letters). */
    public static boolean isCurrencyCode(String text) {
        return text != null && CURRENCY_FORM.matcher(text).matches();
    }

    /** ISO 20022 FF01, InvalidFileFormat. */
    static final String INVALID_FORMAT = "FF01";
    /** ISO 20022 RC01, BankIdentifierIncorrect. */
    static final String INVALID_BIC = "RC01";
    /** ISO 20022 AM12, InvalidAmount. */
    static final String INVALID_AMOUNT = "AM12";

    private PaymentIntake() {
    }

    /** A JSON submission already checked by bean validation. */
    public static PaymentOrder order(SubmitPayment p) {
        String debtorAgent = Bic.parse(p.debtorAgent()).value();
        String creditorAgent = Bic.parse(p.creditorAgent()).value();
        if (debtorAgent.equals(creditorAgent)) {
            throw ProblemException.invalid("creditorAgent", "must differ from the debtor agent: a payment needs two institutions");
        }
        long amount = Money.parseFen(p.amount());
        if (amount <= 0) {
            throw ProblemException.invalid("amount", "must be positive");
        }
        TransferKind kind = p.kind() == null ? TransferKind.CUSTOMER : p.kind();
        if (kind == TransferKind.RETURN) {
            throw ProblemException.invalid("kind", "a return is sent to POST /api/v1/payments/returns, naming the payment it returns");
        }
        if (kind == TransferKind.INSTITUTION && (p.debtor() != null || p.creditor() != null)) {
            throw ProblemException.invalid(p.debtor() != null ? "debtor" : "creditor",
                    "an institution's own transfer (pacs.009) has no customers: its debtor and creditor are the agents");
        }
        return new PaymentOrder(UUID.fromString(p.uetr()), p.endToEndId(), debtorAgent, creditorAgent, amount,
                p.currency().toUpperCase(Locale.ROOT), p.priority() == null ? Priority.NORM : p.priority(),
                blankless(p.debtor() == null ? null : p.debtor().name()),
                blankless(p.debtor() == null ? null : p.debtor().account()),
                blankless(p.creditor() == null ? null : p.creditor().name()),
                blankless(p.creditor() == null ? null : p.creditor().account()),
                blankless(p.purpose()), blankless(p.remittanceInformation()),
                p.settlement() == null ? SettlementType.RTGS : p.settlement(), kind, null);
    }

    /** Why a pacs.008 transaction is refused as malformed, or empty. */
    public static Optional<Refusal> formProblem(CreditTransfer t) {
        if (t.uetr() != null && !isUuid(t.uetr())) {
            return Optional.of(new Refusal(INVALID_FORMAT, "UETR is not a UUID"));
        }
        if (t.endToEndId() == null || t.endToEndId().length() > 35) {
            return Optional.of(new Refusal(INVALID_FORMAT, "EndToEndId is missing or longer than 35 characters"));
        }
        if (!Bic.isValid(t.debtorAgent()) || !Bic.isValid(t.creditorAgent())) {
            return Optional.of(new Refusal(INVALID_BIC, "an agent's BICFI is not a valid BIC"));
        }
        if (Bic.parse(t.debtorAgent()).equals(Bic.parse(t.creditorAgent()))) {
            return Optional.of(new Refusal(Admission.INCORRECT_AGENT, "debtor and creditor agent are the same institution"));
        }
        if (!Money.isAmount(t.amount()) || Money.parseFen(t.amount()) <= 0) {
            return Optional.of(new Refusal(INVALID_AMOUNT, "IntrBkSttlmAmt is not a positive amount with at most 2 decimals"));
        }
        if (!isCurrencyCode(t.currency())) {
            return Optional.of(new Refusal(Admission.NOT_ALLOWED_CURRENCY, "currency is missing or not an ISO 4217 code"));
        }
        if (t.priority() != null && !t.priority().equals("HIGH") && !t.priority().equals("NORM")) {
            return Optional.of(new Refusal(INVALID_FORMAT, "InstrPrty must be HIGH or NORM"));
        }
        for (String text : java.util.Arrays.asList(t.debtorName(), t.creditorName(), t.remittanceInformation())) {
            if (text != null && text.length() > 140) {
                return Optional.of(new Refusal(INVALID_FORMAT, "a name or the remittance information is longer than 140 characters"));
            }
        }
        return Optional.empty();
    }

    /**
     * A well-formed pacs.008 ({@link TransferKind#CUSTOMER}) or pacs.009 ({@link TransferKind#INSTITUTION})
     * transaction. Without a UETR (messages before SR2018 have none), one is derived from the message
     * type, the message id and the transaction's ids, so that sending the same message again is
     * recognised as the same payment, and a pacs.008 and a pacs.009 never collide.
     */
    public static PaymentOrder order(CreditTransfer t, String messageId, TransferKind kind) {
        String messageType = kind == TransferKind.INSTITUTION ? "pacs.009/" : "pacs.008/";
        UUID uetr = t.uetr() != null ? UUID.fromString(t.uetr())
                : UUID.nameUUIDFromBytes((messageType + messageId + "/" + t.instructionId() + "/" + t.endToEndId())
                        .getBytes(StandardCharsets.UTF_8));
        return new PaymentOrder(uetr, t.endToEndId(), Bic.parse(t.debtorAgent()).value(),
                Bic.parse(t.creditorAgent()).value(), Money.parseFen(t.amount()), t.currency().toUpperCase(Locale.ROOT),
                t.priority() == null ? Priority.NORM : Priority.valueOf(t.priority()), blankless(t.debtorName()),
                clip(t.debtorAccount(), 34), blankless(t.creditorName()), clip(t.creditorAccount(), 34),
                clip(t.purpose(), 35), blankless(t.remittanceInformation()),
                // SttlmInf/ClrSys/Prtry DNS asks for deferred net settlement; anything else is gross
                "DNS".equalsIgnoreCase(t.clearingSystem()) ? SettlementType.DNS : SettlementType.RTGS, kind, null);
    }

    private static String clip(String s, int max) {
        String b = blankless(s);
        return b == null || b.length() <= max ? b : b.substring(0, max);
    }

    private static String blankless(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

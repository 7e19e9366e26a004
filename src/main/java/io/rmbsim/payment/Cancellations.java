package io.rmbsim.payment;

import io.rmbsim.access.Caller;
import io.rmbsim.iso20022.CancellationResolution;
import io.rmbsim.sequencer.PaymentSnapshot;
import io.rmbsim.sequencer.SettlementSequencer;
import io.rmbsim.settlement.PaymentStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers cancellation requests (camt.056 and its JSON form), one payment at a time:
 * <ul>
 * <li>queued: it is cancelled now and answered {@code CNCL};</li>
 * <li>already cancelled: {@code CNCL} again, saying it was already cancelled (a request sent twice is
 * answered the same way);</li>
 * <li>settled: {@code RJCR} with {@link #SETTLED_IS_FINAL} (LEGL): settlement in CIPS is final, the
 * receiving bank may return it with a pacs.004;</li>
 * <li>rejected: {@code RJCR} with {@link #NOTHING_TO_CANCEL} (NOOR): it never settled;</li>
 * <li>unknown to the caller (another bank's payment is unknown to a member): {@code RJCR} NOOR;</li>
 * <li>asked by a bank that did not send it: {@code RJCR} with {@link #NOT_THE_SENDER} (AGNT): only the
 * original sender, or an operator, may ask.</li>
 * </ul>
 * Codes are from ISO 20022 ExternalPaymentCancellationRejection1Code. Each payment is read in a
 * transaction of its own, so that a payment settled while it was being cancelled is read again as it
 * now stands.
 */
@RequestScoped
public class Cancellations {

    static final String CANCELLED = "CNCL";
    static final String REFUSED = "RJCR";
    static final String SETTLED_IS_FINAL = "LEGL";
    static final String NOTHING_TO_CANCEL = io.rmbsim.settlement.ReturnRule.UNKNOWN_ORIGINAL;
    static final String NOT_THE_SENDER = "AGNT";

    private final SettlementSequencer sequencer;
    private final Caller caller;
    private final PaymentLookup payments;

    Cancellations(SettlementSequencer sequencer, Caller caller, PaymentLookup payments) {
        this.sequencer = sequencer;
        this.caller = caller;
        this.payments = payments;
    }

    /** What one asked cancellation came to, with the payment as it now stands when the caller may see it. */
    public record Outcome(CancellationResolution resolution, PaymentSnapshot payment) {
    }

    /**
     * Answers one request.
     *
     * @param cancellationId        CxlId, nullable
     * @param originalInstructionId nullable, echoed
     * @param originalEndToEndId    nullable, echoed (the stored one is answered when the payment is found)
     * @param uetr                  the payment's UETR as sent, nullable
     */
    @Transactional
    public Outcome cancel(String cancellationId, String originalInstructionId, String originalEndToEndId, String uetr) {
        Optional<Payment> found = payments.find(uetr);
        if (found.isEmpty()) {
            return new Outcome(new CancellationResolution(cancellationId, originalInstructionId, originalEndToEndId,
                    uetr == null ? null : uetr.toLowerCase(Locale.ROOT), REFUSED, NOTHING_TO_CANCEL,
                    uetr == null ? "no OrgnlUETR: a payment is named by its UETR here" : "payment " + uetr + " is not known here"), null);
        }
        Payment p = found.get();
        String e2e = p.endToEndId;
        String id = p.uetr.toString();
        if (!caller.actsFor(p.debtorAgent)) {
            return new Outcome(new CancellationResolution(cancellationId, originalInstructionId, e2e, id, REFUSED,
                    NOT_THE_SENDER, "only the sender " + p.debtorAgent + " (or an operator) may ask to cancel it"),
                    p.snapshot());
        }
        PaymentSnapshot now = p.status == PaymentStatus.QUEUED ? sequencer.cancel(p.uetr) : null;
        if (now != null) {
            return new Outcome(new CancellationResolution(cancellationId, originalInstructionId, e2e, id, CANCELLED,
                    null, null), now);
        }
        // not queued, or settled or rejected since it was read: answer what it is now
        Payment current = p;
        if (p.status == PaymentStatus.QUEUED) {
            Payment.getEntityManager().refresh(current);
        }
        PaymentSnapshot snapshot = current.snapshot();
        return new Outcome(switch (current.status) {
            case CANCELLED -> new CancellationResolution(cancellationId, originalInstructionId, e2e, id, CANCELLED, null,
                    "already cancelled");
            case SETTLED -> new CancellationResolution(cancellationId, originalInstructionId, e2e, id, REFUSED,
                    SETTLED_IS_FINAL, "settled: final and irrevocable in CIPS; the receiving bank may return it (pacs.004)");
            case REJECTED -> new CancellationResolution(cancellationId, originalInstructionId, e2e, id, REFUSED,
                    NOTHING_TO_CANCEL, "rejected, never settled: nothing to cancel");
            case QUEUED -> new CancellationResolution(cancellationId, originalInstructionId, e2e, id, REFUSED,
                    NOTHING_TO_CANCEL, "could not be cancelled now; ask again");
        }, snapshot);
    }
}

package io.rmbsim.sequencer;

import io.rmbsim.settlement.PaymentOrder;
import io.rmbsim.settlement.PaymentStatus;
import io.rmbsim.settlement.SettlementMethod;
import java.time.Instant;
import java.time.LocalDate;

/** A payment as the sequencer holds it between acceptance and its final state, and as it is written. */
public final class PaymentRow {

    final PaymentOrder order;
    final long seq;
    final LocalDate businessDate;
    final Instant acceptedAt;
    final String route;
    /** The accounts it debits and credits (BICs), once the engine has said; none for a payment refused before it. */
    String debit1;
    String debit2;
    String credit1;
    String credit2;
    volatile PaymentStatus status;
    volatile String reasonCode;
    volatile String reason;
    volatile SettlementMethod method;
    volatile Instant settledAt;
    /** The offset or day close that settled or rejected it, if one did. */
    volatile Long run;
    /**
     * While it waits at CIPS, its position in the paying agent's CIPS queue (covered at its agent first,
     * its amount earmarked there, when its debtor is INDIRECT); null while it waits at its agent.
     */
    volatile Long cipsPosition;
    /**
     * Once settled: the id of its first credit posting and of its first debit posting. A payment's
     * credits (at most two) are numbered one after the other, and so are its debits, so these find
     * its postings by the postings' key (V13); until its command ends, their places in the command.
     */
    Long creditsFrom;
    Long debitsFrom;
    /** Written by an earlier batch: this batch updates it rather than inserting it. */
    boolean stored;

    PaymentRow(PaymentOrder order, long seq, LocalDate businessDate, Instant acceptedAt, String route) {
        this.order = order;
        this.seq = seq;
        this.businessDate = businessDate;
        this.acceptedAt = acceptedAt;
        this.route = route;
    }

    boolean accountsKnown() {
        return debit1 != null || credit1 != null;
    }

    void accounts(String debit1, String debit2, String credit1, String credit2) {
        this.debit1 = debit1;
        this.debit2 = debit2;
        this.credit1 = credit1;
        this.credit2 = credit2;
    }

    /** What the answer to a client shows, frozen when the batch that changed it committed. */
    public PaymentSnapshot snapshot() {
        return new PaymentSnapshot(order, status, reasonCode, reason, method, businessDate, acceptedAt, settledAt, route);
    }
}

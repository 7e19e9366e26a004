package io.rmbsim.sequencer;

import io.rmbsim.participant.ParticipantStatus;
import io.rmbsim.settlement.PaymentOrder;
import io.rmbsim.settlement.PaymentStatus;
import io.rmbsim.settlement.Route;
import io.rmbsim.settlement.Admission;
import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.Legs;
import io.rmbsim.settlement.PostingsRule;
import io.rmbsim.settlement.PostingsRule.Party;
import io.rmbsim.settlement.SettlementEngine;
import io.rmbsim.settlement.SettlementEvents;
import io.rmbsim.settlement.SettlementMethod;
import io.rmbsim.settlement.SettlementMode;
import io.rmbsim.settlement.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Live settlement's state, owned by the sequencer thread: the engine, the directory as settlement
 * sees it, the queued payments, and the open business day. It applies commands to the engine and
 * records what changed in the batch's {@link Journal}. Nothing here is thread-safe, by design.
 */
final class LiveLedger implements SettlementEvents {

    final SettlementEngine engine = new SettlementEngine(SettlementMode.RTGS_LSM, this);
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final Map<String, Member> members = new HashMap<>();
    private final List<String> bicOfAccount = new ArrayList<>();
    private final Map<Long, PaymentRow> inEngine = new HashMap<>();
    private final Map<UUID, PaymentRow> queued = new HashMap<>();
    private long[] running = new long[64];
    /** The value of what waits in the queue, kept as payments join and leave it (not summed per batch). */
    private long queuedValue;
    private long nextSeq;
    private long nextPostingId;
    private long nextRunId;
    /** The offset or day close now running: what settles or is rejected in it names it. */
    private Journal.Run run;
    /**
     * Inside a day close: stored payments rejected at the end of day go to {@link #rejectedAtClose}
     * rather than into the close's own batch, so that a long queue does not hold new payments back.
     */
    private boolean closing;
    /**
     * Payments a day close rejected whose rejection is not written yet: the batches after the close
     * write them a chunk at a time. Until then the store has them QUEUED under a closed business day,
     * which is how a restart finds them again ({@link StateLoader}).
     */
    private final java.util.ArrayDeque<PaymentRow> rejectedAtClose = new java.util.ArrayDeque<>();
    private volatile LocalDate businessDate;

    private Journal journal;
    private Instant now;
    private final List<Journal.Posting> credits = new ArrayList<>();
    private final List<Journal.Posting> debits = new ArrayList<>();
    private final List<PaymentRow> settledInCommand = new ArrayList<>();

    LiveLedger(Clock clock, BusinessCalendar calendar, long nextSeq, long nextPostingId, long nextRunId,
            LocalDate businessDate) {
        this.clock = clock;
        this.calendar = calendar;
        this.nextSeq = nextSeq;
        this.nextPostingId = nextPostingId;
        this.nextRunId = nextRunId;
        this.businessDate = businessDate;
    }

    // --- loading --------------------------------------------------------------------------------

    /** Adds a participant and its account (in directory order: every agent before its indirects). */
    void addMember(String bic, boolean direct, String agent, ParticipantStatus status, long balance) {
        int account = engine.openAccount(balance);
        bicOfAccount.add(bic);
        if (account >= running.length) {
            running = java.util.Arrays.copyOf(running, running.length * 2);
        }
        running[account] = balance;
        Member m = new Member(bic, direct, direct ? bic : agent, status, account);
        members.put(bic, m);
        engine.hold(account, status != ParticipantStatus.ACTIVE);
    }

    /** Puts back a payment that was queued when the service stopped, in its original place. */
    void restoreQueued(PaymentRow row) {
        row.stored = true;
        Member d = members.get(row.order.debtorAgent());
        Member c = members.get(row.order.creditorAgent());
        inEngine.put(row.seq, row);
        queued.put(row.order.uetr(), row);
        queuedValue += row.order.amount();
        engine.restoreQueued(row.seq, legs(d, c), row.order.amount(), row.order.priority(), row.seq);
    }

    void updateMember(String bic, ParticipantStatus status) {
        Member m = members.get(bic);
        members.put(bic, new Member(m.bic(), m.direct(), m.agent(), status, m.account()));
        engine.hold(m.account(), status != ParticipantStatus.ACTIVE);
    }

    boolean knows(String bic) {
        return members.containsKey(bic);
    }

    LocalDate businessDate() {
        return businessDate;
    }

    PaymentRow queuedPayment(UUID uetr) {
        return queued.get(uetr);
    }

    int queueSize() {
        return engine.queueSize();
    }

    long queueValue() {
        return queuedValue;
    }

    // --- batches and commands ---------------------------------------------------------------------

    void beginBatch(Journal journal) {
        this.journal = journal;
    }

    /**
     * Why the engine cannot take the payment now without passing its capacity (text), or null. Asked
     * before {@link #accept}: such a payment is refused to its sender and not kept, so that it can be
     * sent again once queued payments have settled or the day has closed.
     */
    String exceedsCapacity(PaymentOrder order) {
        Member d = members.get(order.debtorAgent());
        Member c = members.get(order.creditorAgent());
        // a payment that admission refuses anyway is kept as REJECTED with that reason, not refused at capacity
        if (d == null || c == null || engine.admits(legs(d, c), order.amount())
                || Admission.refusal(order.currency(), order.debtorAgent(), party(d), order.creditorAgent(), party(c)).isPresent()) {
            return null;
        }
        return "accepting it would take what settlement holds (balances plus queued debits and credits, now "
                + io.rmbsim.money.Money.format(engine.exposure()) + " CNY) past its capacity of "
                + io.rmbsim.money.Money.format(SettlementEngine.CAPACITY) + " CNY; send it again once queued payments "
                + "have settled or the business day has closed";
    }

    /** Accepts a new payment: rejects what cannot be settled here, else hands it to the engine. */
    PaymentRow accept(PaymentOrder order) {
        begin();
        Member d = members.get(order.debtorAgent());
        Member c = members.get(order.creditorAgent());
        String a = d == null ? null : d.agent();
        String b = c == null ? null : c.agent();
        String route = Route.encode(Route.of(order.debtorAgent(), a, order.creditorAgent(), b));
        Legs legs = d == null || c == null ? null : legs(d, c);
        PaymentRow row = new PaymentRow(order, nextSeq++, businessDate, now, route,
                legs == null ? null : bicOf(legs.debit1()), legs == null ? null : bicOf(legs.debit2()),
                legs == null ? null : bicOf(legs.credit1()), legs == null ? null : bicOf(legs.credit2()));
        Optional<Refusal> refusal = Admission.refusal(order.currency(), order.debtorAgent(), party(d),
                order.creditorAgent(), party(c));
        journal.payment(row);
        if (refusal.isPresent()) {
            row.status = PaymentStatus.REJECTED;
            row.reasonCode = refusal.get().reasonCode();
            row.reason = refusal.get().text();
            return row;
        }
        row.status = PaymentStatus.QUEUED; // until the engine says otherwise
        inEngine.put(row.seq, row);
        engine.submit(row.seq, legs, order.amount(), order.priority());
        end();
        return row;
    }

    /** A member as {@link Admission} sees it, with its settlement agent's standing; null when unknown. */
    private Admission.Party party(Member m) {
        if (m == null) {
            return null;
        }
        Member agent = members.get(m.agent());
        return new Admission.Party(m.bic(), standing(m.status()), agent.bic(), standing(agent.status()));
    }

    private static Admission.Standing standing(ParticipantStatus status) {
        return switch (status) {
            case ACTIVE -> Admission.Standing.ACTIVE;
            case SUSPENDED -> Admission.Standing.SUSPENDED;
            case TERMINATED -> Admission.Standing.TERMINATED;
        };
    }

    /** What a liquidity movement came to. */
    enum LiquidityOutcome {
        MOVED, BEYOND_BALANCE, EXCEEDS_CAPACITY
    }

    /**
     * Moves liquidity; a refused movement changes nothing. With an idempotency key, the movement is
     * recorded under it in the same batch, so that a retry finds it.
     */
    LiquidityOutcome liquidity(String bic, boolean in, long amount, String reference, String idempotencyKey) {
        begin();
        Member m = members.get(bic);
        // end() numbers the postings in order: the movement's own comes first, before what it releases
        long postingId = nextPostingId;
        if (in) {
            if (!engine.admitsCredit(amount)) {
                return LiquidityOutcome.EXCEEDS_CAPACITY;
            }
            credits.add(posting(m.account(), amount, "LIQUIDITY_IN", null, reference, null));
            engine.credit(m.account(), amount);
        } else {
            if (!engine.debit(m.account(), amount)) {
                return LiquidityOutcome.BEYOND_BALANCE;
            }
            debits.add(posting(m.account(), -amount, "LIQUIDITY_OUT", null, reference, null));
        }
        end();
        if (idempotencyKey != null) {
            journal.liquidityMove(new Journal.LiquidityMove(bic, idempotencyKey, in ? "IN" : "OUT", amount, reference,
                    postingId, now));
        }
        return LiquidityOutcome.MOVED;
    }

    /** Cancels a queued payment; answers it, or null when it is not queued. */
    PaymentRow cancel(UUID uetr) {
        PaymentRow row = queued.get(uetr);
        if (row == null) {
            return null;
        }
        begin();
        // taken out before the engine is told: cancelling may release others, and this one is gone
        queued.remove(uetr);
        queuedValue -= row.order.amount();
        inEngine.remove(row.seq);
        row.status = PaymentStatus.CANCELLED;
        row.settledAt = null;
        journal.payment(row);
        engine.cancel(row.seq);
        end();
        return row;
    }

    /**
     * The liquidity-saving mechanism now; answers the run, with the payments it settled (and those
     * that incoming funds then released) in settlement order.
     */
    RunResult offset() {
        begin();
        run = new Journal.Run(nextRunId++, "OFFSET", businessDate, now);
        engine.offset();
        List<PaymentRow> settled = new ArrayList<>(settledInCommand);
        end();
        return finishRun(settled);
    }

    /** End of day: a last offset, AM04 for what is still queued, and the next business day opens. */
    DayClose closeDay() {
        begin();
        LocalDate closed = businessDate;
        run = new Journal.Run(nextRunId++, "DAY_CLOSE", closed, now);
        // the engine's close: its last offset settles (into settledInCommand), then it rejects what is left
        closing = true;
        try {
            engine.closeDay();
        } finally {
            closing = false;
        }
        // written in acceptance order, as GET /payments pages them: a reader paging the rejections
        // while they are written only sees the list grow past where it is
        List<PaymentRow> toWrite = new ArrayList<>(rejectedAtClose);
        toWrite.sort(java.util.Comparator.comparingLong(row -> row.seq));
        rejectedAtClose.clear();
        rejectedAtClose.addAll(toWrite);
        List<PaymentRow> settled = new ArrayList<>(settledInCommand);
        end();
        RunResult result = finishRun(settled);
        journal.day(new Journal.DayChange(closed, "CLOSED", now, false));
        businessDate = calendar.nextBusinessDay(closed);
        journal.day(new Journal.DayChange(businessDate, "OPEN", now, true));
        return new DayClose(closed, businessDate, result);
    }

    private RunResult finishRun(List<PaymentRow> settled) {
        Journal.Run r = run;
        run = null;
        for (PaymentRow row : settled) {
            r.settled(row.order.amount(), row.method);
        }
        journal.run(r);
        return new RunResult(r, settled);
    }

    private static String notCoveredBy(LocalDate day) {
        return "not covered by the end of business day " + day;
    }

    /** An offset or a day close: its totals, and the payments it settled in settlement order. */
    record RunResult(Journal.Run run, List<PaymentRow> settled) {
    }

    public record DayClose(LocalDate closed, LocalDate opened, RunResult run) {
    }

    /**
     * Checks that what was posted agrees with the engine, account by account; {@code deep} also has the
     * engine check its queues (costly with a long queue: for tests and debug runs).
     */
    void checkAgainstEngine(boolean deep) {
        if (deep) {
            engine.checkInvariants();
        }
        for (int a = 0; a < engine.accountCount(); a++) {
            if (running[a] != engine.balance(a)) {
                throw new IllegalStateException("postings of " + bicOfAccount.get(a) + " say " + running[a]
                        + " but the engine holds " + engine.balance(a));
            }
        }
    }

    /** Puts back a payment that a day close rejected before the service stopped, its rejection not yet written. */
    void restoreRejectedAtClose(PaymentRow row, Long closeRun) {
        row.status = PaymentStatus.REJECTED;
        row.reasonCode = SettlementEngine.NOT_COVERED_BY_END_OF_DAY;
        row.reason = notCoveredBy(row.businessDate);
        row.run = closeRun;
        rejectedAtClose.add(row);
    }

    /** Whether rejections of a day close still wait to be written. */
    boolean writingRejections() {
        return !rejectedAtClose.isEmpty();
    }

    /** Hands the batch's journal up to {@code max} of the rejections a day close left to write. */
    int writeRejections(int max) {
        int n = 0;
        for (PaymentRow row; n < max && (row = rejectedAtClose.poll()) != null; n++) {
            journal.payment(row);
        }
        return n;
    }

    // --- engine events ------------------------------------------------------------------------------

    @Override
    public void settled(long ref, SettlementMethod method) {
        PaymentRow row = inEngine.remove(ref);
        if (queued.remove(row.order.uetr()) != null) {
            queuedValue -= row.order.amount();
        }
        row.status = PaymentStatus.SETTLED;
        row.method = method;
        row.settledAt = now;
        row.run = run == null ? null : run.id;
        row.reasonCode = null;
        row.reason = null;
        journal.payment(row);
        settledInCommand.add(row);
        long v = row.order.amount();
        Member d = members.get(row.order.debtorAgent());
        Member c = members.get(row.order.creditorAgent());
        Legs legs = legs(d, c);
        String counterpartyOfDebits = row.order.creditorAgent();
        String counterpartyOfCredits = row.order.debtorAgent();
        for (int acc : new int[] {legs.debit1(), legs.debit2()}) {
            if (acc != Legs.NONE) {
                debits.add(posting(acc, -v, "PAYMENT", row.order.uetr(), row.order.endToEndId(), counterpartyOfDebits));
            }
        }
        for (int acc : new int[] {legs.credit1(), legs.credit2()}) {
            if (acc != Legs.NONE) {
                credits.add(posting(acc, v, "PAYMENT", row.order.uetr(), row.order.endToEndId(), counterpartyOfCredits));
            }
        }
    }

    @Override
    public void queued(long ref) {
        PaymentRow row = inEngine.get(ref);
        row.status = PaymentStatus.QUEUED;
        queued.put(row.order.uetr(), row);
        queuedValue += row.order.amount();
    }

    @Override
    public void rejected(long ref, String reasonCode) {
        PaymentRow row = inEngine.remove(ref);
        if (queued.remove(row.order.uetr()) != null) {
            queuedValue -= row.order.amount();
        }
        row.status = PaymentStatus.REJECTED;
        row.reasonCode = reasonCode;
        row.reason = SettlementEngine.NOT_COVERED_BY_END_OF_DAY.equals(reasonCode) ? notCoveredBy(businessDate) : reasonCode;
        if (run != null) {
            row.run = run.id;
            run.rejected(row.order.amount());
        }
        if (closing && row.stored) {
            rejectedAtClose.add(row);
        } else {
            journal.payment(row);
        }
    }

    // --- postings -----------------------------------------------------------------------------------

    private void begin() {
        now = clock.instant();
        credits.clear();
        debits.clear();
        settledInCommand.clear();
    }

    /**
     * Writes the command's postings: credits before debits, so that no running balance dips below
     * the final one even inside an offset set, which settles all at once.
     */
    private void end() {
        for (List<Journal.Posting> side : List.of(credits, debits)) {
            for (Journal.Posting p : side) {
                int account = accountOf(p.account());
                running[account] = Math.addExact(running[account], p.amount());
                journal.posting(new Journal.Posting(nextPostingId++, p.account(), p.businessDate(), p.amount(),
                        running[account], p.kind(), p.uetr(), p.reference(), p.counterparty(), p.postedAt()));
            }
        }
        credits.clear();
        debits.clear();
    }

    private Journal.Posting posting(int account, long amount, String kind, UUID uetr, String reference,
            String counterparty) {
        return new Journal.Posting(0, bicOfAccount.get(account), businessDate, amount, 0, kind, uetr, reference,
                counterparty, now);
    }

    private int accountOf(String bic) {
        return members.get(bic).account();
    }

    private String bicOf(int account) {
        return account == Legs.NONE ? null : bicOfAccount.get(account);
    }

    private Legs legs(Member d, Member c) {
        Member a = members.get(d.agent());
        Member b = members.get(c.agent());
        return PostingsRule.legs(new Party(d.account(), a.account()), new Party(c.account(), b.account()));
    }
}

package io.rmbsim.sequencer;

import io.rmbsim.participant.ParticipantStatus;
import io.rmbsim.settlement.PaymentOrder;
import io.rmbsim.settlement.PaymentStatus;
import io.rmbsim.settlement.Route;
import io.rmbsim.settlement.Admission;
import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.DayLog;
import io.rmbsim.settlement.Postings;
import io.rmbsim.settlement.PostingsRule;
import io.rmbsim.settlement.QueueDiscipline;
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
 * The live driver of the settlement engine, owned by the sequencer thread: it maps participants'
 * BICs to the engine's accounts, hands it commands, and journals what its events say (the payments'
 * outcomes and the postings they carry) in the batch's {@link Journal}. The engine holds the
 * balances and the queues; this keeps only what the store needs besides (the payment rows, the open
 * business day). Nothing here is thread-safe, by design.
 */
final class LiveLedger implements SettlementEvents {

    final SettlementEngine engine;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final Map<String, Member> members = new HashMap<>();
    private final List<String> bicOfAccount = new ArrayList<>();
    private final Map<Long, PaymentRow> inEngine = new HashMap<>();
    private final Map<UUID, PaymentRow> queued = new HashMap<>();
    /** The value of what waits in the queue, kept as payments join and leave it (not summed per batch). */
    private long queuedValue;
    private long nextSeq;
    private long nextPostingId;
    private long nextRunId;
    private long nextLogId;
    /**
     * What the first batch logs before its commands: the open day's start (its accounts as the engine
     * holds them), when nothing had happened in it yet as the state was read; or that the engine was
     * read back in the middle of a day whose start is logged.
     */
    private DayLog.Kind logAtFirstBatch;
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
    /** When the open business day opens (or opened): until then payments wait and nothing settles. */
    private volatile Instant openedAt;
    /** When the open day's last netting cycle ran (or it opened): the next cycle due comes after it. */
    private Instant lastCycleAt;
    /**
     * Payments taken during the open day's end-of-day processing: they belong to the next business
     * day, and go to the engine when it opens (in acceptance order). The store has them QUEUED under
     * that later business date, which is how a restart finds them again.
     */
    private final List<PaymentRow> forNextDay = new ArrayList<>();

    private Journal journal;
    private Instant now;
    private final List<Journal.Posting> credits = new ArrayList<>();
    private final List<Journal.Posting> debits = new ArrayList<>();
    private final List<PaymentRow> settledInCommand = new ArrayList<>();
    /** The payments whose postings the command's end numbers (their creditsFrom/debitsFrom are places in it till then). */
    private final List<PaymentRow> postedInCommand = new ArrayList<>();

    LiveLedger(Clock clock, BusinessCalendar calendar, long nextSeq, long nextPostingId, long nextRunId,
            LocalDate businessDate, Instant openedAt) {
        this(clock, calendar, nextSeq, nextPostingId, nextRunId, businessDate, openedAt, QueueDiscipline.STRICT_FIFO);
    }

    /** The same, with the engine's queues letting payments go by {@code discipline} (settlement.queue-discipline). */
    LiveLedger(Clock clock, BusinessCalendar calendar, long nextSeq, long nextPostingId, long nextRunId,
            LocalDate businessDate, Instant openedAt, QueueDiscipline discipline) {
        this.engine = new SettlementEngine(SettlementMode.RTGS_LSM, this, discipline);
        this.clock = clock;
        this.calendar = calendar;
        this.nextSeq = nextSeq;
        this.nextPostingId = nextPostingId;
        this.nextRunId = nextRunId;
        this.businessDate = businessDate;
        this.openedAt = openedAt;
        this.lastCycleAt = openedAt;
        if (clock.instant().isBefore(openedAt)) {
            engine.closeForBusiness();
        }
    }

    // --- loading --------------------------------------------------------------------------------

    /** Adds a participant and its account (in directory order: every agent before its indirects). */
    void addMember(String bic, boolean direct, String agent, ParticipantStatus status, long balance) {
        addMember(bic, direct, agent, status, balance, 0, 0);
    }

    /** The same, with the credit line its agent grants it (INDIRECT) or the reservation on its CIPS account (DIRECT). */
    void addMember(String bic, boolean direct, String agent, ParticipantStatus status, long balance, long creditLine,
            long reserved) {
        int account = engine.restoreAccount(balance, creditLine, reserved, direct ? -1 : members.get(agent).account());
        bicOfAccount.add(bic);
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
        engine.restoreQueued(row.seq, settlementParty(d), settlementParty(c), row.order.amount(), row.order.priority(),
                row.seq, row.cipsPosition == null ? -1 : row.cipsPosition, row.order.deferred());
    }

    void updateMember(String bic, ParticipantStatus status) {
        Member m = members.get(bic);
        members.put(bic, new Member(m.bic(), m.direct(), m.agent(), status, m.account()));
        boolean hold = status != ParticipantStatus.ACTIVE;
        if (engine.isHeld(m.account()) != hold) {
            log(businessDate, DayLog.Kind.HOLD, bic, null, hold, null);
        }
        engine.hold(m.account(), hold);
    }

    boolean knows(String bic) {
        return members.containsKey(bic);
    }

    LocalDate businessDate() {
        return businessDate;
    }

    /** When the open business day opens, or opened. */
    Instant openedAt() {
        return openedAt;
    }

    /** Whether settlement is open now (the open business day has opened). */
    boolean isOpenForBusiness() {
        return engine.isOpenForBusiness();
    }

    /**
     * The business day a payment taken now belongs to: the open one, except during its end-of-day
     * processing, when it is the next (the payment waits for that day to open).
     */
    private LocalDate dayFor(Instant at) {
        return calendar.session(businessDate, at) == BusinessCalendar.Session.END_OF_DAY
                ? calendar.nextBusinessDay(businessDate) : businessDate;
    }

    /** Opens the business day if its opening has come: what waited is released. Answers whether it opened. */
    boolean openIfDue() {
        if (engine.isOpenForBusiness() || clock.instant().isBefore(openedAt)) {
            return false;
        }
        begin();
        log(businessDate, DayLog.Kind.OPEN, null, null, null, null);
        engine.openForBusiness();
        end();
        return true;
    }

    /** Whether the open business day's close has come (it closes by itself then, unless automatic closing is off). */
    boolean closeIsDue() {
        return engine.isOpenForBusiness() && !clock.instant().isBefore(calendar.closesAt(businessDate));
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
        if (logAtFirstBatch == DayLog.Kind.DAY_START) {
            logDayStart(businessDate);
        } else if (logAtFirstBatch == DayLog.Kind.RESTORE) {
            log(businessDate, DayLog.Kind.RESTORE, null, null, null, null);
        }
        logAtFirstBatch = null;
    }

    /**
     * Where the live day's log goes on from, as the state was read: the next entry's id, and what the
     * first batch logs ({@link DayLog.Kind#DAY_START}, {@link DayLog.Kind#RESTORE} or null for nothing).
     */
    void continueLog(long nextId, DayLog.Kind first) {
        this.nextLogId = nextId;
        this.logAtFirstBatch = first;
    }

    /** One entry of the live day's log, after the last payment taken. */
    private void log(LocalDate day, DayLog.Kind kind, String bic, Long amount, Boolean flag, Long paymentSeq) {
        journal.log(new Journal.LogEntry(nextLogId++, day, nextSeq - 1, clock.instant(), kind, bic, null, amount, null, null,
                flag, paymentSeq, null, null));
    }

    /** An offset, a netting cycle or a close: the run it is, which what it settles or rejects names. */
    private void logRun(LocalDate day, DayLog.Kind kind, long runId) {
        journal.log(new Journal.LogEntry(nextLogId++, day, nextSeq - 1, clock.instant(), kind, null, null, null, null, null,
                null, null, null, runId));
    }

    /** A business day starts: whether settlement is open at once, and every account as the engine holds it. */
    private void logDayStart(LocalDate day) {
        Instant at = clock.instant();
        journal.log(new Journal.LogEntry(nextLogId++, day, nextSeq - 1, at, DayLog.Kind.DAY_START, null, null, null, null, null,
                engine.isOpenForBusiness(), null, engine.discipline().name(), null));
        for (int a = 0; a < bicOfAccount.size(); a++) {
            logAccount(day, at, members.get(bicOfAccount.get(a)));
        }
    }

    private void logAccount(LocalDate day, Instant at, Member m) {
        int a = m.account();
        journal.log(new Journal.LogEntry(nextLogId++, day, nextSeq - 1, at, DayLog.Kind.ACCOUNT, m.bic(),
                m.direct() ? null : m.agent(), engine.balance(a), engine.creditLine(a), engine.reserved(a), engine.isHeld(a),
                null, null, null));
    }

    /** A participant joins during the day: its account opens (empty), and the day's log has it. */
    void join(String bic, boolean direct, String agent, ParticipantStatus status) {
        addMember(bic, direct, agent, status, 0);
        logAccount(businessDate, clock.instant(), members.get(bic));
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
        if (d == null || c == null || engine.admits(settlementParty(d), settlementParty(c), order.amount())
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
        LocalDate day = dayFor(now);
        PaymentRow row = new PaymentRow(order, nextSeq++, day, now, route);
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
        if (day.isAfter(businessDate)) {
            // taken during end-of-day processing: it waits for the next business day
            waitForNextDay(row);
            return row;
        }
        inEngine.put(row.seq, row);
        engine.submit(row.seq, settlementParty(d), settlementParty(c), order.amount(), order.priority(), order.deferred());
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

    /** An account's balance, credit line, earmarks and reservation as the engine has them now. */
    record AccountState(String bic, boolean indirect, long balance, long creditLine, long earmarked, long reserved,
            long withdrawable) {
    }

    /** The agents' books over all indirect accounts: earmarks, credit lines granted, and what is used of them. */
    record Books(long earmarked, long creditLines, long creditUsed) {
    }

    Books books() {
        long marked = 0;
        long lines = 0;
        long used = 0;
        for (int a = 0; a < engine.accountCount(); a++) {
            if (engine.isIndirect(a)) {
                marked += engine.earmarked(a);
                lines += engine.creditLine(a);
                used += Math.max(0, engine.earmarked(a) - engine.balance(a));
            }
        }
        return new Books(marked, lines, used);
    }

    AccountState account(String bic) {
        int a = accountOf(bic);
        return new AccountState(bic, engine.isIndirect(a), engine.balance(a), engine.creditLine(a), engine.earmarked(a),
                engine.reserved(a), engine.withdrawable(a));
    }

    /**
     * Sets the credit line an agent grants on an INDIRECT account; answers what it came to (nothing
     * changed unless SET). A higher line may release what waits there.
     */
    SettlementEngine.CreditLineChange creditLine(String bic, long line) {
        begin();
        int a = accountOf(bic);
        SettlementEngine.CreditLineChange change = engine.setCreditLine(a, line);
        if (change == SettlementEngine.CreditLineChange.SET) {
            journal.limits(bic, line, engine.reserved(a));
            log(businessDate, DayLog.Kind.CREDIT_LINE, bic, line, null, null);
        }
        end();
        return change;
    }

    /** Sets the reservation for HIGH payments on a CIPS account; lowering it may release NORM payments. */
    void reservation(String bic, long amount) {
        begin();
        int a = accountOf(bic);
        engine.setReservation(a, amount);
        journal.limits(bic, engine.creditLine(a), amount);
        log(businessDate, DayLog.Kind.RESERVATION, bic, amount, null, null);
        end();
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
        log(businessDate, DayLog.Kind.LIQUIDITY, bic, in ? amount : -amount, null, null);
        end();
        if (idempotencyKey != null) {
            journal.liquidityMove(new Journal.LiquidityMove(bic, idempotencyKey, in ? "IN" : "OUT", amount, reference,
                    postingId, now));
        }
        return LiquidityOutcome.MOVED;
    }

    private void waitForNextDay(PaymentRow row) {
        forNextDay.add(row);
        queued.put(row.order.uetr(), row);
        queuedValue += row.order.amount();
    }

    /** Puts back a payment taken for the business day after the open one (during its end-of-day processing). */
    void restoreForNextDay(PaymentRow row) {
        row.stored = true;
        waitForNextDay(row);
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
        if (forNextDay.remove(row)) {
            row.status = PaymentStatus.CANCELLED;
            journal.payment(row);
            // it never reached the engine: its own day's replay leaves it out
            log(row.businessDate, DayLog.Kind.WITHDRAW, null, null, null, row.seq);
            end();
            return row;
        }
        inEngine.remove(row.seq);
        row.status = PaymentStatus.CANCELLED;
        row.settledAt = null;
        journal.payment(row);
        log(businessDate, DayLog.Kind.CANCEL, null, null, null, row.seq);
        engine.cancel(row.seq);
        end();
        return row;
    }

    /**
     * The liquidity-saving mechanism now; answers the run, with the payments it settled (and those
     * that incoming funds then released) in settlement order.
     */
    /** Puts back when the open day's last netting cycle ran, as stored. */
    void restoreLastCycle(Instant ranAt) {
        if (ranAt != null && ranAt.isAfter(lastCycleAt)) {
            lastCycleAt = ranAt;
        }
    }

    /** The open day's next netting cycle, or null when only the one at its close is left. */
    Instant nextCycle() {
        return calendar.nextNetCycle(businessDate, lastCycleAt);
    }

    /** Whether a netting cycle is due (a cycle missed while the service was down runs once, at once). */
    boolean cycleIsDue() {
        Instant next = nextCycle();
        return engine.isOpenForBusiness() && next != null && !clock.instant().isBefore(next);
    }

    /**
     * A netting cycle of deferred net settlement now: what each payment waiting for it nets to settles
     * at once, the short participants' latest payments carried over. Answers the run, with what it
     * settled and carried over.
     */
    RunResult netCycle() {
        begin();
        run = new Journal.Run(nextRunId++, "NET_CYCLE", businessDate, now);
        logRun(businessDate, DayLog.Kind.NET_CYCLE, run.id);
        SettlementEngine.NetCycle cycle = engine.netCycle();
        List<PaymentRow> settled = new ArrayList<>(settledInCommand);
        run.carriedCount = cycle.carriedOver();
        for (PaymentRow row : inEngine.values()) {
            if (row.order.deferred()) {
                run.carriedValue = Math.addExact(run.carriedValue, row.order.amount());
            }
        }
        lastCycleAt = now;
        end();
        return finishRun(settled);
    }

    RunResult offset() {
        begin();
        run = new Journal.Run(nextRunId++, "OFFSET", businessDate, now);
        logRun(businessDate, DayLog.Kind.OFFSET, run.id);
        engine.offset();
        List<PaymentRow> settled = new ArrayList<>(settledInCommand);
        end();
        return finishRun(settled);
    }

    /**
     * End of day: a last offset, AM04 for what is still queued, and the next business day opens at
     * its opening ({@code manual}: at once). What was taken for it during end-of-day processing goes
     * to the engine then, in acceptance order.
     */
    DayClose closeDay(boolean manual) {
        if (engine.deferredQueued() > 0) {
            netCycle(); // the day's last netting cycle, a run of its own; then the close
        }
        begin();
        LocalDate closed = businessDate;
        run = new Journal.Run(nextRunId++, "DAY_CLOSE", closed, now);
        logRun(closed, DayLog.Kind.CLOSE, run.id);
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
        Instant opens = calendar.opensAt(businessDate);
        openedAt = manual || opens.isBefore(now) ? now : opens;
        lastCycleAt = openedAt;
        journal.day(new Journal.DayChange(businessDate, "OPEN", openedAt, true));
        if (now.isBefore(openedAt)) {
            engine.closeForBusiness();
        }
        // the new day's log starts with its accounts as they are now, before what was taken for it
        logDayStart(businessDate);
        begin();
        List<PaymentRow> taken = new ArrayList<>(forNextDay);
        forNextDay.clear();
        for (PaymentRow row : taken) {
            Member d = members.get(row.order.debtorAgent());
            Member c = members.get(row.order.creditorAgent());
            // the engine's events count it again as it queues (or not, as it settles)
            queued.remove(row.order.uetr());
            queuedValue -= row.order.amount();
            inEngine.put(row.seq, row);
            engine.submit(row.seq, settlementParty(d), settlementParty(c), row.order.amount(), row.order.priority(),
                    row.order.deferred());
        }
        end();
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
     * Has the engine recount its queues and exposure against its balances: costly with a long queue,
     * so for tests, debug runs and a restart (what holds on every command the engine checks itself).
     */
    void checkInvariants() {
        engine.checkInvariants();
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
    public void settled(long ref, SettlementMethod method, Postings postings) {
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
        recordAccounts(row, postings);
        row.creditsFrom = (long) credits.size();
        row.debitsFrom = (long) debits.size();
        postedInCommand.add(row);
        for (int i = 0; i < postings.size(); i++) {
            // a debit's counterparty is the creditor agent, a credit's the debtor agent
            boolean debit = postings.isDebit(i);
            (debit ? debits : credits).add(posting(postings.account(i), postings.amount(i), "PAYMENT", row.order.uetr(),
                    row.order.endToEndId(), debit ? row.order.creditorAgent() : row.order.debtorAgent()));
        }
    }

    @Override
    public void queued(long ref, Postings postings) {
        PaymentRow row = inEngine.get(ref);
        recordAccounts(row, postings);
        row.status = PaymentStatus.QUEUED;
        queued.put(row.order.uetr(), row);
        queuedValue += row.order.amount();
    }

    @Override
    public void waitsAtCips(long ref, long position) {
        PaymentRow row = inEngine.get(ref);
        row.cipsPosition = position;
        journal.payment(row);
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
        postedInCommand.clear();
    }

    /**
     * Writes the command's postings: credits before debits, so that no running balance dips below
     * the final one even inside an offset set, which settles all at once. Each posting's balance
     * after it is counted back from the engine's balance once the command is done: the engine's
     * books are the only ones.
     */
    private void end() {
        List<Journal.Posting> inOrder = new ArrayList<>(credits.size() + debits.size());
        inOrder.addAll(credits);
        inOrder.addAll(debits);
        Map<String, Long> after = new HashMap<>();
        long[] balanceAfter = new long[inOrder.size()];
        for (int i = inOrder.size() - 1; i >= 0; i--) {
            Journal.Posting p = inOrder.get(i);
            long b = after.computeIfAbsent(p.account(), bic -> engine.balance(accountOf(bic)));
            balanceAfter[i] = b;
            after.put(p.account(), b - p.amount());
        }
        long firstCredit = nextPostingId;
        long firstDebit = nextPostingId + credits.size();
        for (PaymentRow row : postedInCommand) {
            row.creditsFrom = firstCredit + row.creditsFrom;
            row.debitsFrom = firstDebit + row.debitsFrom;
        }
        for (int i = 0; i < inOrder.size(); i++) {
            Journal.Posting p = inOrder.get(i);
            journal.posting(new Journal.Posting(nextPostingId++, p.account(), p.businessDate(), p.amount(),
                    balanceAfter[i], p.kind(), p.uetr(), p.reference(), p.counterparty(), p.postedAt()));
        }
        credits.clear();
        debits.clear();
        postedInCommand.clear();
    }

    /** The accounts a payment debits and credits, as the engine's postings name them (kept with the payment, for reads). */
    private void recordAccounts(PaymentRow row, Postings postings) {
        if (row.accountsKnown()) {
            return;
        }
        String[] debited = new String[2];
        String[] credited = new String[2];
        int d = 0;
        int c = 0;
        for (int i = 0; i < postings.size(); i++) {
            if (postings.isDebit(i)) {
                debited[d++] = bicOf(postings.account(i));
            } else {
                credited[c++] = bicOf(postings.account(i));
            }
        }
        row.accounts(debited[0], debited[1], credited[0], credited[1]);
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
        return bicOfAccount.get(account);
    }

    /** A member as the engine's postings rule sees it: its account, and the CIPS account of its agent. */
    private PostingsRule.Party settlementParty(Member m) {
        return new PostingsRule.Party(m.account(), members.get(m.agent()).account());
    }
}

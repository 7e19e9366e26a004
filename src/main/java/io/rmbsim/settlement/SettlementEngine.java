package io.rmbsim.settlement;

import java.util.Arrays;

/**
 * The settlement rules of an RTGS system with a central queue and a liquidity-saving mechanism, as
 * BoF-PSS2 and TARGET2 model them, on accounts holding {@code long} fen:
 * <ul>
 * <li>a payment settles in full or not at all, with cover at every account it debits;</li>
 * <li>without cover it queues: HIGH before NORM, first in, first out per debited account; a queued
 * payment is released by incoming funds once it is at the head of every queue it waits in;</li>
 * <li>bilateral offsetting settles queued payments in both directions between two accounts together;
 * multilateral offsetting settles the largest feasible set of all queued payments together;</li>
 * <li>no account is ever negative; nothing is created or lost.</li>
 * </ul>
 * Single-threaded and deterministic: the same commands in the same order give the same events.
 * Drivers (the live service, the simulator) serialise commands and act on {@link SettlementEvents},
 * whose settlements carry the postings made: no driver works the legs out again. What must hold where
 * state changes (cover, capacity) is checked there, on every call, not only in tests.
 */
public final class SettlementEngine {

    private static final int NIL = PaymentQueue.NIL;

    /**
     * The most the engine holds at once, in fen: the sum, over all accounts, of the balance and of
     * what the queued payments would debit and credit there. 2^62 fen (about 46 quadrillion yuan,
     * hundreds of times the value CIPS settles in a year) keeps every balance, queue value, net
     * position and sum of them that anyone reports inside a {@code long}, with room to spare. What
     * would take the engine past it is refused ({@link #EXCEEDS_CAPACITY}), never wrapped.
     */
    public static final long CAPACITY = 1L << 62;

    /** ISO 20022 AM13, AmountExceedsClearingSystemLimit: accepting it would take the engine past {@link #CAPACITY}. */
    public static final String EXCEEDS_CAPACITY = "AM13";

    /** ISO 20022 AM04, InsufficientFunds: the account does not hold enough. */
    public static final String INSUFFICIENT_FUNDS = "AM04";

    /** {@link #INSUFFICIENT_FUNDS} as a day close gives it: still queued, not covered, when the business day closed. */
    public static final String NOT_COVERED_BY_END_OF_DAY = INSUFFICIENT_FUNDS;

    private final SettlementEvents events;
    private final SettlementMode mode;
    private final PaymentQueue queue = new PaymentQueue();
    private final Offsetting offsetting;
    /** What each settlement posted, handed to the driver with the event (one view, filled again each time). */
    private final Postings postings = new Postings();
    private long[] balance = new long[16];
    private boolean[] held = new boolean[16];
    private int accounts;
    /** Balances plus queued debits and credits, over all accounts: at most {@link #CAPACITY}. */
    private long exposure;
    private long sequence;
    private long bilateralSets;
    private long multilateralSets;

    // accounts whose queue may now release something
    private int[] work = new int[16];
    private boolean[] inWork = new boolean[16];
    private int workHead;
    private int workSize;
    private boolean releasing;

    public SettlementEngine(SettlementMode mode, SettlementEvents events) {
        this.mode = mode;
        this.events = events;
        this.offsetting = new Offsetting(this, queue);
    }

    public SettlementMode mode() {
        return mode;
    }

    /** Opens a settlement account with its opening balance; answers its index. */
    public int openAccount(long openingBalance) {
        if (openingBalance < 0) {
            throw new IllegalArgumentException("an account never holds a negative balance");
        }
        if (openingBalance > CAPACITY - exposure) {
            throw new IllegalArgumentException("the opening balances together exceed what the engine can hold ("
                    + CAPACITY + " fen)");
        }
        exposure += openingBalance;
        if (accounts == balance.length) {
            int n = accounts * 2;
            balance = Arrays.copyOf(balance, n);
            held = Arrays.copyOf(held, n);
            work = Arrays.copyOf(work, n);
            inWork = Arrays.copyOf(inWork, n);
        }
        queue.growAccounts(accounts + 1);
        balance[accounts] = openingBalance;
        return accounts++;
    }

    public int accountCount() {
        return accounts;
    }

    public long balance(int account) {
        return balance[account];
    }

    public long queuedOutgoing(int account) {
        return queue.queuedOut[account];
    }

    public long queuedIncoming(int account) {
        return queue.queuedIn[account];
    }

    public int queueSize() {
        return queue.size();
    }

    /** Balances plus queued debits and credits over all accounts, in fen; never above {@link #CAPACITY}. */
    public long exposure() {
        return exposure;
    }

    /**
     * Whether a payment of {@code amount} between these agents fits: queued, it adds its amount once
     * per leg the postings rule gives it, and nothing the engine holds may pass {@link #CAPACITY}.
     * {@link #submit} refuses what does not fit with {@link #EXCEEDS_CAPACITY}; a driver that answers
     * its client at once asks first.
     */
    public boolean admits(PostingsRule.Party debtorAgent, PostingsRule.Party creditorAgent, long amount) {
        return admits(PostingsRule.legs(debtorAgent, creditorAgent), amount);
    }

    private boolean admits(Legs legs, long amount) {
        if (amount <= 0 || amount > CAPACITY / 4) {
            return false;
        }
        int n = legCount(legs.debit1(), legs.debit2()) + legCount(legs.credit1(), legs.credit2());
        return n * amount <= CAPACITY - exposure;
    }

    /** Whether {@code amount} fen of liquidity can come in (see {@link #CAPACITY}). */
    public boolean admitsCredit(long amount) {
        return amount > 0 && amount <= CAPACITY - exposure;
    }

    /**
     * Submits a payment of {@code amount} fen from the debtor agent to the creditor agent; the
     * postings rule gives the accounts it debits and credits. It settles at once when every debited
     * account has cover and nothing of its priority or higher waits ahead of it there; otherwise it
     * queues.
     */
    public void submit(long ref, PostingsRule.Party debtorAgent, PostingsRule.Party creditorAgent, long amount,
            Priority priority) {
        submit(ref, PostingsRule.legs(debtorAgent, creditorAgent), amount, priority);
    }

    private void submit(long ref, Legs legs, long amount, Priority priority) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a payment moves a positive amount");
        }
        if (!admits(legs, amount)) {
            events.rejected(ref, EXCEEDS_CAPACITY);
            return;
        }
        if (legs.debit1() == Legs.NONE) {
            // nothing to cover: the debtor is the agent's own customer, outside the model
            postCovered(legs.credit1(), legs.credit2(), Legs.NONE, Legs.NONE, amount);
            checkExposure();
            postings.fill(Legs.NONE, Legs.NONE, legs.credit1(), legs.credit2(), amount);
            events.settled(ref, legs.bookTransfer() ? SettlementMethod.BOOK_TRANSFER : SettlementMethod.RTGS, postings);
            scheduleCredits(legs.credit1(), legs.credit2());
            release();
            return;
        }
        if (mode != SettlementMode.DNS && settlesOnArrival(legs, amount, priority)) {
            postCovered(legs.credit1(), legs.credit2(), legs.debit1(), legs.debit2(), amount);
            checkExposure();
            postings.fill(legs.debit1(), legs.debit2(), legs.credit1(), legs.credit2(), amount);
            events.settled(ref, legs.bookTransfer() ? SettlementMethod.BOOK_TRANSFER : SettlementMethod.RTGS, postings);
            scheduleCredits(legs.credit1(), legs.credit2());
            release();
            return;
        }
        enqueue(ref, legs, amount, priority, sequence++);
        postings.fill(legs.debit1(), legs.debit2(), legs.credit1(), legs.credit2(), amount);
        events.queued(ref, postings);
        if (mode == SettlementMode.RTGS_LSM && legs.from() != Legs.NONE && legs.to() != Legs.NONE) {
            offsetting.bilateral(legs.from(), legs.to());
        }
    }

    /**
     * Puts back a payment that was queued before a restart, at its original place in the queues,
     * without settling anything or telling anyone: the state it restores was already consistent.
     */
    public void restoreQueued(long ref, PostingsRule.Party debtorAgent, PostingsRule.Party creditorAgent, long amount,
            Priority priority, long arrival) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a payment moves a positive amount");
        }
        Legs legs = PostingsRule.legs(debtorAgent, creditorAgent);
        if (!admits(legs, amount)) {
            throw new IllegalStateException("a restored queue holds more than the engine can (" + CAPACITY + " fen)");
        }
        enqueue(ref, legs, amount, priority, arrival);
        sequence = Math.max(sequence, arrival + 1);
    }

    /**
     * Funds arrive on the account (liquidity moved in); queued payments may now be released. Refused
     * (false, nothing changed) when the engine would pass {@link #CAPACITY}.
     */
    public boolean credit(int account, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a liquidity movement is positive");
        }
        if (!admitsCredit(amount)) {
            return false;
        }
        balance[account] += amount;
        exposure += amount;
        schedule(account);
        release();
        return true;
    }

    /** Funds leave the account (liquidity moved out); refused (false) beyond the balance. */
    public boolean debit(int account, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a liquidity movement is positive");
        }
        if (balance[account] < amount) {
            return false;
        }
        balance[account] -= amount;
        exposure -= amount;
        return true;
    }

    /** Takes a queued payment out of the queue; false when it is not queued. */
    public boolean cancel(long ref) {
        Integer slot = queue.slotOf(ref);
        if (slot == null) {
            return false;
        }
        int d1 = queue.debit1[slot];
        int d2 = queue.debit2[slot];
        dequeue(slot);
        schedule(d1);
        schedule(d2);
        release();
        return true;
    }

    /**
     * Holds or frees an account (its participant suspended or reactivated). Payments touching a held
     * account stay queued and are passed over by release and offsetting, without blocking others.
     */
    public void hold(int account, boolean hold) {
        held[account] = hold;
        if (!hold) {
            for (int a = 0; a < accounts; a++) {
                schedule(a);
            }
            release();
        }
    }

    public boolean isHeld(int account) {
        return held[account];
    }

    /**
     * The liquidity-saving mechanism: bilateral offsetting for every pair, then multilateral
     * (gridlock resolution) across all queues. In DNS mode this is the netting itself.
     * Answers how many payments it settled.
     */
    public OffsetResult offset() {
        int bilateralSets = 0;
        int bilateralPayments = 0;
        if (mode != SettlementMode.DNS) {
            for (long key : queue.pairKeys()) {
                int x = (int) (key >>> 32);
                int y = (int) key;
                if (x < y) {
                    int settled = offsetting.bilateral(x, y);
                    if (settled > 0) {
                        bilateralSets++;
                        bilateralPayments += settled;
                    }
                }
            }
        }
        int multilateral = offsetting.multilateral();
        return new OffsetResult(bilateralSets, bilateralPayments, multilateral > 0 ? 1 : 0, multilateral);
    }

    /** Multilateral offsetting alone; answers the number of payments settled. */
    public int multilateralOffset() {
        return offsetting.multilateral();
    }

    /** What one run of the liquidity-saving mechanism settled: sets and payments. */
    public record OffsetResult(int bilateralSets, int bilateralPayments, int multilateralSets, int multilateralPayments) {
        public int payments() {
            return bilateralPayments + multilateralPayments;
        }
    }

    /**
     * Closes the business day: a last offset as the mode wants it (the liquidity-saving mechanism in
     * RTGS_LSM, the netting in DNS, none in plain RTGS), then every payment still queued leaves the
     * queue unsettled with {@link #NOT_COVERED_BY_END_OF_DAY}. The events go out as they happen:
     * settlements of the last offset first, then the rejections in release order.
     */
    public DayClose closeDay() {
        OffsetResult last = mode == SettlementMode.RTGS ? new OffsetResult(0, 0, 0, 0) : offset();
        int rejected = rejectAllQueued(NOT_COVERED_BY_END_OF_DAY);
        return new DayClose(last, rejected);
    }

    /** What a day close did: its last offset ({@code lastOffset.payments()} settled), and how many payments it rejected. */
    public record DayClose(OffsetResult lastOffset, int rejected) {
        public int settled() {
            return lastOffset.payments();
        }
    }

    /** End of day: every payment still queued leaves the queue unsettled, with {@code reasonCode}. */
    public int rejectAllQueued(String reasonCode) {
        int[] slots = queue.inReleaseOrder();
        for (int s : slots) {
            long ref = queue.ref[s];
            dequeue(s);
            events.rejected(ref, reasonCode);
        }
        return slots.length;
    }

    /** The queued payments' references in release order: HIGH before NORM, then arrival. */
    public long[] queuedInReleaseOrder() {
        int[] slots = queue.inReleaseOrder();
        long[] refs = new long[slots.length];
        for (int i = 0; i < slots.length; i++) {
            refs[i] = queue.ref[slots[i]];
        }
        return refs;
    }

    /** Throws if an invariant does not hold: balances never negative, queue sums and exposure agree. For tests and debug runs. */
    public void checkInvariants() {
        long[] out = new long[accounts];
        for (int s : queue.inReleaseOrder()) {
            if (queue.debit1[s] != Legs.NONE) {
                out[queue.debit1[s]] += queue.amount[s];
            }
            if (queue.debit2[s] != Legs.NONE) {
                out[queue.debit2[s]] += queue.amount[s];
            }
        }
        long held = 0;
        for (int a = 0; a < accounts; a++) {
            held += balance[a] + queue.queuedOut[a] + queue.queuedIn[a];
        }
        if (held != exposure || exposure > CAPACITY) {
            throw new IllegalStateException("exposure " + exposure + " != " + held + " or beyond capacity");
        }
        for (int a = 0; a < accounts; a++) {
            if (balance[a] < 0) {
                throw new IllegalStateException("account " + a + " is negative: " + balance[a]);
            }
            if (out[a] != queue.queuedOut[a]) {
                throw new IllegalStateException("account " + a + " queue value " + queue.queuedOut[a] + " != " + out[a]);
            }
        }
    }

    // --- package-private: used by Offsetting ---------------------------------------------------

    long balanceOf(int account) {
        return balance[account];
    }

    boolean isHeldSlot(int s) {
        return held(queue.debit1[s]) || held(queue.debit2[s]) || held(queue.credit1[s]) || held(queue.credit2[s]);
    }

    /** Offset sets settled so far, bilateral ones on entry included. */
    public long bilateralSetsSettled() {
        return bilateralSets;
    }

    public long multilateralSetsSettled() {
        return multilateralSets;
    }

    /** Settles a set of queued payments at once (its feasibility already established), then releases. */
    void settleSet(int[] slots, int n, SettlementMethod method) {
        if (method == SettlementMethod.BILATERAL_OFFSET) {
            bilateralSets++;
        } else {
            multilateralSets++;
        }
        for (int i = 0; i < n; i++) {
            int s = slots[i];
            post(queue.credit1[s], queue.credit2[s], queue.debit1[s], queue.debit2[s], queue.amount[s]);
        }
        for (int i = 0; i < n; i++) {
            int s = slots[i];
            if (balance[queue.debit1[s]] < 0 || queue.debit2[s] != Legs.NONE && balance[queue.debit2[s]] < 0) {
                throw new IllegalStateException("offset set was not feasible");
            }
        }
        for (int i = 0; i < n; i++) {
            int s = slots[i];
            long ref = queue.ref[s];
            schedule(queue.debit1[s]);
            schedule(queue.debit2[s]);
            scheduleCredits(queue.credit1[s], queue.credit2[s]);
            postings.fill(queue.debit1[s], queue.debit2[s], queue.credit1[s], queue.credit2[s], queue.amount[s]);
            dequeue(s);
            events.settled(ref, method, postings);
        }
        release();
    }

    // --- the queue release ---------------------------------------------------------------------

    private boolean settlesOnArrival(int d, long amount, Priority priority) {
        if (d == Legs.NONE) {
            return true;
        }
        if (balance[d] < amount || firstUnheld(d, 0) != NIL) {
            return false;
        }
        return priority == Priority.HIGH || firstUnheld(d, 1) == NIL;
    }

    private boolean settlesOnArrival(Legs legs, long amount, Priority priority) {
        if (held(legs.debit1()) || held(legs.debit2()) || held(legs.credit1()) || held(legs.credit2())) {
            return false;
        }
        return settlesOnArrival(legs.debit1(), amount, priority) && settlesOnArrival(legs.debit2(), amount, priority);
    }

    /** Releases, account by account, the queue heads that now have cover everywhere they wait. */
    private void release() {
        if (mode == SettlementMode.DNS || releasing) {
            return;
        }
        releasing = true;
        try {
            while (workSize > 0) {
                int a = work[workHead];
                workHead = (workHead + 1) % work.length;
                workSize--;
                inWork[a] = false;
                while (true) {
                    int s = head(a);
                    if (s == NIL || !releasable(s)) {
                        break;
                    }
                    long ref = queue.ref[s];
                    SettlementMethod method = queue.book[s] ? SettlementMethod.BOOK_TRANSFER : SettlementMethod.RTGS;
                    postCovered(queue.credit1[s], queue.credit2[s], queue.debit1[s], queue.debit2[s], queue.amount[s]);
                    schedule(queue.debit1[s]);
                    schedule(queue.debit2[s]);
                    scheduleCredits(queue.credit1[s], queue.credit2[s]);
                    postings.fill(queue.debit1[s], queue.debit2[s], queue.credit1[s], queue.credit2[s], queue.amount[s]);
                    dequeue(s);
                    events.settled(ref, method, postings);
                }
            }
        } finally {
            releasing = false;
        }
    }

    private boolean releasable(int s) {
        for (int d : new int[] {queue.debit1[s], queue.debit2[s]}) {
            if (d != Legs.NONE && (head(d) != s || balance[d] < queue.amount[s])) {
                return false;
            }
        }
        return true;
    }

    /** The first payment the account's queue would release: HIGH before NORM, held ones passed over. */
    private int head(int account) {
        int s = firstUnheld(account, 0);
        return s != NIL ? s : firstUnheld(account, 1);
    }

    private int firstUnheld(int account, int prio) {
        for (int s = queue.first(account, prio); s != NIL; s = queue.next(s, account)) {
            if (!isHeldSlot(s)) {
                return s;
            }
        }
        return NIL;
    }

    private boolean held(int account) {
        return account != Legs.NONE && held[account];
    }

    /**
     * Moves {@code amount} from the debited to the credited accounts. Inside an offset set a debit
     * may pass below zero until the set's other credits arrive ({@link #settleSet} checks the set);
     * a single payment's debits never do ({@link #postCovered}). A queued payment's postings count
     * twice in the exposure until it leaves the queue, where {@link #dequeue} checks it again.
     */
    private void post(int credit1, int credit2, int debit1, int debit2, long amount) {
        if (debit1 != Legs.NONE) {
            balance[debit1] -= amount;
        }
        if (debit2 != Legs.NONE) {
            balance[debit2] -= amount;
        }
        // cannot overflow while exposure stays within CAPACITY; addExact says so loudly if it ever did
        if (credit1 != Legs.NONE) {
            balance[credit1] = Math.addExact(balance[credit1], amount);
        }
        if (credit2 != Legs.NONE) {
            balance[credit2] = Math.addExact(balance[credit2], amount);
        }
        exposure += (long) (legCount(credit1, credit2) - legCount(debit1, debit2)) * amount;
    }

    /** {@link #post} for one payment whose cover was established: no debited account may end below zero. */
    private void postCovered(int credit1, int credit2, int debit1, int debit2, long amount) {
        post(credit1, credit2, debit1, debit2, amount);
        if (debit1 != Legs.NONE && balance[debit1] < 0 || debit2 != Legs.NONE && balance[debit2] < 0) {
            throw new IllegalStateException("a payment of " + amount + " fen took an account below zero");
        }
    }

    private void checkExposure() {
        if (exposure < 0 || exposure > CAPACITY) {
            throw new IllegalStateException("exposure " + exposure + " outside 0.." + CAPACITY);
        }
    }

    private void enqueue(long ref, Legs legs, long amount, Priority priority, long arrival) {
        queue.enqueue(ref, legs, amount, priority, arrival);
        exposure += (long) (legCount(legs.debit1(), legs.debit2()) + legCount(legs.credit1(), legs.credit2())) * amount;
        checkExposure();
    }

    private void dequeue(int s) {
        exposure -= (long) (legCount(queue.debit1[s], queue.debit2[s]) + legCount(queue.credit1[s], queue.credit2[s]))
                * queue.amount[s];
        queue.remove(s);
        checkExposure();
    }

    private static int legCount(int first, int second) {
        return (first != Legs.NONE ? 1 : 0) + (second != Legs.NONE ? 1 : 0);
    }

    private void scheduleCredits(int credit1, int credit2) {
        schedule(credit1);
        schedule(credit2);
    }

    private void schedule(int account) {
        if (account == Legs.NONE || inWork[account] || mode == SettlementMode.DNS) {
            return;
        }
        inWork[account] = true;
        work[(workHead + workSize) % work.length] = account;
        workSize++;
    }
}

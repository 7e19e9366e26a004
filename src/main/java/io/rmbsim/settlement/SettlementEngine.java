package io.rmbsim.settlement;

import java.util.Arrays;

/**
 * The settlement rules of CIPS as a two-tier RTGS system with a central queue and a liquidity-saving
 * mechanism, as BoF-PSS2 and TARGET2 model them, on accounts holding {@code long} fen:
 * <ul>
 * <li>a payment settles in full or not at all, with all its postings at once;</li>
 * <li>the agent's books come first: an INDIRECT debtor's payment needs cover on its own account at
 * its agent ({@code balance + creditLine - earmarked}) and waits in that account's queue until it
 * has it; covered, its amount is earmarked there and it goes on to CIPS. So an indirect without
 * cover never holds up its agent's CIPS queue;</li>
 * <li>at CIPS it needs cover on the paying agent's CIPS account, above the account's reservation
 * unless it is HIGH; without it, it queues there;</li>
 * <li>every queue is HIGH before NORM, first in, first out; a queued payment is released by incoming
 * funds once it is at the head of its queue. Under {@link QueueDiscipline#FIFO_BYPASS} (TARGET2's rule
 * for normal payments) a NORM payment with cover goes past the NORM payments ahead of it that have
 * none, on arrival and on release, as long as no HIGH payment waits on the account;</li>
 * <li>bilateral offsetting settles payments queued at CIPS in both directions between two accounts
 * together; multilateral offsetting settles the largest feasible set of all of them together;</li>
 * <li>a CIPS account is never negative, an indirect account never below minus its credit line nor
 * its earmarks beyond what it can cover; nothing is created or lost.</li>
 * </ul>
 * Single-threaded and deterministic: the same commands in the same order give the same events.
 * Drivers (the live service, the simulator) serialise commands and act on {@link SettlementEvents},
 * whose settlements carry the postings made: no driver works the legs out again. What must hold where
 * state changes (cover, capacity) is checked there, on every call, not only in tests.
 */
public final class SettlementEngine {

    private static final int NIL = PaymentQueue.NIL;
    private static final int HIGH = Priority.HIGH.ordinal();
    private static final int NORM = Priority.NORM.ordinal();

    /**
     * The most the engine holds at once, in fen: the sum, over all accounts, of the balance, the
     * credit line and what the queued payments would debit and credit there. 2^62 fen (about 46
     * quadrillion yuan, hundreds of times the value CIPS settles in a year) keeps every balance,
     * queue value, net position and sum of them that anyone reports inside a {@code long}, with room
     * to spare. What would take the engine past it is refused ({@link #EXCEEDS_CAPACITY}), never wrapped.
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
    private final QueueDiscipline discipline;
    private final PaymentQueue queue = new PaymentQueue();
    private final Offsetting offsetting;
    /** What each settlement posted, handed to the driver with the event (one view, filled again each time). */
    private final Postings postings = new Postings();
    private long[] balance = new long[16];
    /** An INDIRECT account's intraday credit line from its agent (0 on CIPS accounts). */
    private long[] creditLine = new long[16];
    /** What payments covered on an INDIRECT account, now waiting at CIPS, will debit it. */
    private long[] earmarked = new long[16];
    /** The part of a CIPS account's balance only HIGH payments may use. */
    private long[] reserved = new long[16];
    /** For an INDIRECT account, its agent's CIPS account; NIL for a CIPS account. */
    private int[] agentOf = new int[16];
    private boolean[] held = new boolean[16];
    private int accounts;
    /** Balances, credit lines, and queued debits and credits, over all accounts: at most {@link #CAPACITY}. */
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
    /** Whether the business day is open: closed (a weekend, a holiday, before the opening), payments wait. */
    private boolean open = true;
    /** CIPS pairs a payment joined from its agent's queue during a release: offset bilaterally once it is done. */
    private long[] joinedPairs = new long[16];
    private int joinedCount;

    /** An engine whose queues are {@link QueueDiscipline#STRICT_FIFO}. */
    public SettlementEngine(SettlementMode mode, SettlementEvents events) {
        this(mode, events, QueueDiscipline.STRICT_FIFO);
    }

    /** An engine whose queues, at both tiers, let payments go by {@code discipline}. */
    public SettlementEngine(SettlementMode mode, SettlementEvents events, QueueDiscipline discipline) {
        if (mode == null || events == null || discipline == null) {
            throw new IllegalArgumentException("an engine needs a mode, someone to tell and a queue discipline");
        }
        this.mode = mode;
        this.events = events;
        this.discipline = discipline;
        this.offsetting = new Offsetting(this, queue);
    }

    public SettlementMode mode() {
        return mode;
    }

    public QueueDiscipline discipline() {
        return discipline;
    }

    /**
     * Closes settlement until {@link #openForBusiness}: between business days (a weekend, a holiday,
     * before the opening) payments are taken and wait, liquidity and credit lines change, and nothing
     * settles.
     */
    public void closeForBusiness() {
        open = false;
    }

    /** The business day opens: what waited is covered and released, queue by queue, as funds allow. */
    public void openForBusiness() {
        if (open) {
            return;
        }
        open = true;
        for (int s : queue.inReleaseOrder(PaymentQueue.AT_OPENING)) {
            settleQueued(s, SettlementMethod.BOOK_TRANSFER);
        }
        for (int a = 0; a < accounts; a++) {
            schedule(a);
        }
        release();
    }

    public boolean isOpenForBusiness() {
        return open;
    }

    /** Opens a CIPS settlement account (a DIRECT participant's) with its opening balance; answers its index. */
    public int openAccount(long openingBalance) {
        return open(openingBalance, NIL);
    }

    /**
     * Opens an INDIRECT participant's account on the books of its agent, whose CIPS account is
     * {@code agentCipsAccount}; answers its index.
     */
    public int openAccount(long openingBalance, int agentCipsAccount) {
        if (agentCipsAccount < 0 || agentCipsAccount >= accounts || agentOf[agentCipsAccount] != NIL) {
            throw new IllegalArgumentException("an indirect account is held at a CIPS account, not at " + agentCipsAccount);
        }
        return open(openingBalance, agentCipsAccount);
    }

    /**
     * Opens a whole network's accounts at once, in any order: account {@code i} (the next index
     * onwards) opens with {@code openings[i]}, and is a CIPS account when {@code agents[i]} is itself
     * or negative, else the account of an INDIRECT participant at the CIPS account {@code agents[i]}
     * (an index into the same arrays).
     */
    public void openAccounts(long[] openings, int[] agents) {
        int first = accounts;
        for (int i = 0; i < openings.length; i++) {
            int agent = agents[i];
            if (agent >= 0 && agent != i && (agent >= openings.length || agents[agent] >= 0 && agents[agent] != agent)) {
                throw new IllegalArgumentException("account " + i + " is held at " + agent + ", which is not a CIPS account");
            }
        }
        for (long opening : openings) {
            open(opening, NIL);
        }
        for (int i = 0; i < openings.length; i++) {
            agentOf[first + i] = agents[i] < 0 || agents[i] == i ? NIL : first + agents[i];
        }
    }

    /**
     * Opens an account as a restart finds it: its balance, and the credit line its agent granted
     * (an INDIRECT account, {@code agentCipsAccount} its agent's CIPS account) or the reservation on
     * it (a CIPS account, {@code agentCipsAccount} negative). Answers its index.
     */
    public int restoreAccount(long storedBalance, long line, long reservation, int agentCipsAccount) {
        boolean indirect = agentCipsAccount >= 0;
        if (indirect && (agentCipsAccount >= accounts || agentOf[agentCipsAccount] != NIL)) {
            throw new IllegalArgumentException("an indirect account is held at a CIPS account, not at " + agentCipsAccount);
        }
        if (line < 0 || reservation < 0 || storedBalance + line < 0 || (indirect ? reservation != 0 : line != 0 || storedBalance < 0)) {
            throw new IllegalArgumentException("account state out of its rules: balance " + storedBalance + ", credit line "
                    + line + ", reservation " + reservation);
        }
        int a = open(storedBalance + line, indirect ? agentCipsAccount : NIL);
        balance[a] -= line;
        creditLine[a] = line;
        reserved[a] = reservation;
        return a;
    }

    /** Opens an account holding {@code exposed} (its balance and credit line together, zero or more). */
    private int open(long exposed, int agent) {
        if (exposed < 0) {
            throw new IllegalArgumentException("an account opens with a balance of zero or more");
        }
        if (exposed > CAPACITY - exposure) {
            throw new IllegalArgumentException("the opening balances together exceed what the engine can hold ("
                    + CAPACITY + " fen)");
        }
        exposure += exposed;
        long openingBalance = exposed;
        if (accounts == balance.length) {
            int n = accounts * 2;
            balance = Arrays.copyOf(balance, n);
            creditLine = Arrays.copyOf(creditLine, n);
            earmarked = Arrays.copyOf(earmarked, n);
            reserved = Arrays.copyOf(reserved, n);
            agentOf = Arrays.copyOf(agentOf, n);
            held = Arrays.copyOf(held, n);
            work = Arrays.copyOf(work, n);
            inWork = Arrays.copyOf(inWork, n);
        }
        queue.growAccounts(accounts + 1);
        balance[accounts] = openingBalance;
        agentOf[accounts] = agent;
        return accounts++;
    }

    public int accountCount() {
        return accounts;
    }

    /** Whether the account is an INDIRECT participant's, on its agent's books (else a CIPS account). */
    public boolean isIndirect(int account) {
        return agentOf[account] != NIL;
    }

    public long balance(int account) {
        return balance[account];
    }

    public long creditLine(int account) {
        return creditLine[account];
    }

    public long earmarked(int account) {
        return earmarked[account];
    }

    public long reserved(int account) {
        return reserved[account];
    }

    /**
     * What a payment may still use on the account: {@code balance + creditLine - earmarked} on an
     * INDIRECT account, the balance on a CIPS account (a NORM payment there needs it above the
     * reservation).
     */
    public long available(int account) {
        return balance[account] + creditLine[account] - earmarked[account];
    }

    /**
     * What queued payments will debit the account: at an INDIRECT account all of its queued payments,
     * waiting for cover there or covered (earmarked) and waiting at CIPS; at a CIPS account the
     * payments queued at CIPS from it, not those still waiting at an agent.
     */
    public long queuedOutgoing(int account) {
        return queue.waiting[account] + earmarked[account];
    }

    public long queuedIncoming(int account) {
        return queue.queuedIn[account];
    }

    public int queueSize() {
        return queue.size();
    }

    /** Balances, credit lines, and queued debits and credits over all accounts, in fen; never above {@link #CAPACITY}. */
    public long exposure() {
        return exposure;
    }

    /** What setting a credit line came to. */
    public enum CreditLineChange {
        SET,
        /** Lower than what is used of it now ({@code earmarked - balance}): nothing changed. */
        BELOW_USE,
        /** It would take the engine past {@link #CAPACITY}: nothing changed. */
        EXCEEDS_CAPACITY
    }

    /**
     * Sets the intraday credit line an agent grants on an INDIRECT account; 0 removes it. It may not
     * go below what is used of it. A higher line may release what waits there.
     */
    public CreditLineChange setCreditLine(int account, long line) {
        if (!isIndirect(account)) {
            throw new IllegalArgumentException("a credit line is granted on an indirect participant's account only");
        }
        if (line < 0) {
            throw new IllegalArgumentException("a credit line is zero or more");
        }
        if (balance[account] + line - earmarked[account] < 0) {
            return CreditLineChange.BELOW_USE;
        }
        long change = line - creditLine[account];
        if (change > CAPACITY - exposure) {
            return CreditLineChange.EXCEEDS_CAPACITY;
        }
        creditLine[account] = line;
        exposure += change;
        if (change > 0) {
            schedule(account);
            release();
        }
        return CreditLineChange.SET;
    }

    /**
     * Sets aside {@code amount} of a CIPS account's balance for HIGH payments: a NORM payment needs
     * cover above it. Lowering it may release what waits there. Liquidity cannot leave from it.
     */
    public void setReservation(int account, long amount) {
        if (isIndirect(account)) {
            throw new IllegalArgumentException("a reservation is made on a CIPS account only");
        }
        if (amount < 0 || amount > CAPACITY) {
            throw new IllegalArgumentException("a reservation is between zero and the engine's capacity");
        }
        boolean lower = amount < reserved[account];
        reserved[account] = amount;
        if (lower) {
            schedule(account);
            release();
        }
    }

    /**
     * Whether a payment of {@code amount} between these agents fits: queued, it adds its amount once
     * per leg the postings rule gives it, and nothing the engine holds may pass {@link #CAPACITY}.
     * {@link #submit} refuses what does not fit with {@link #EXCEEDS_CAPACITY}; a driver that answers
     * its client at once asks first.
     */
    public boolean admits(PostingsRule.Party debtorAgent, PostingsRule.Party creditorAgent, long amount) {
        return admits(legs(debtorAgent, creditorAgent), amount);
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

    /** The postings rule's legs, after checking that the parties are the accounts the engine holds. */
    private Legs legs(PostingsRule.Party debtorAgent, PostingsRule.Party creditorAgent) {
        check(debtorAgent);
        check(creditorAgent);
        return PostingsRule.legs(debtorAgent, creditorAgent);
    }

    private void check(PostingsRule.Party p) {
        int a = p.account();
        if (a < 0 || a >= accounts || (p.isDirect() ? agentOf[a] != NIL : agentOf[a] != p.cipsAccount())) {
            throw new IllegalArgumentException("party " + p + " is not an account the engine holds as such");
        }
    }

    /**
     * Submits a payment of {@code amount} fen from the debtor agent to the creditor agent; the
     * postings rule gives the accounts it debits and credits. An INDIRECT debtor's payment is
     * covered on its agent's books first (or waits there); then it settles at once when the paying
     * agent's CIPS account covers it and nothing of its priority or higher waits ahead of it there;
     * otherwise it queues at CIPS. Under {@link QueueDiscipline#FIFO_BYPASS} only a HIGH payment
     * waiting ahead holds a payment with cover back, at either tier.
     */
    public void submit(long ref, PostingsRule.Party debtorAgent, PostingsRule.Party creditorAgent, long amount,
            Priority priority) {
        submit(ref, debtorAgent, creditorAgent, amount, priority, false);
    }

    /**
     * The same, for deferred net settlement when {@code deferred} (always in DNS mode): covered at its
     * agent like any other, it then waits for the next netting cycle ({@link #netCycle}) rather than
     * settling gross.
     */
    public void submit(long ref, PostingsRule.Party debtorAgent, PostingsRule.Party creditorAgent, long amount,
            Priority priority, boolean deferred) {
        submit(ref, legs(debtorAgent, creditorAgent), amount, priority, deferred || mode == SettlementMode.DNS);
    }

    private void submit(long ref, Legs legs, long amount, Priority priority, boolean deferred) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a payment moves a positive amount");
        }
        if (!admits(legs, amount)) {
            events.rejected(ref, EXCEEDS_CAPACITY);
            return;
        }
        int agentDebit = agentDebitOf(legs);
        if (legs.debit1() == Legs.NONE) {
            // nothing to cover: the debtor is the agent's own customer, outside the model
            if (open) {
                settleNow(ref, legs, amount, Legs.NONE);
            } else {
                enqueue(ref, legs, Legs.NONE, Legs.NONE, Legs.NONE, amount, priority, deferred, PaymentQueue.AT_OPENING);
                postings.fill(legs.debit1(), legs.debit2(), legs.credit1(), legs.credit2(), amount);
                events.queued(ref, postings);
            }
            return;
        }
        int cipsDebit = cipsDebitOf(legs);
        int cipsCredit = legs.bookTransfer() ? Legs.NONE : legs.to();
        boolean anyHeld = held(legs.debit1()) || held(legs.debit2()) || held(legs.credit1()) || held(legs.credit2());
        if (agentDebit != Legs.NONE) {
            if (!open || anyHeld || !nothingAhead(agentDebit, priority) || available(agentDebit) < amount) {
                enqueue(ref, legs, agentDebit, cipsDebit, cipsCredit, amount, priority, deferred, PaymentQueue.AT_AGENT);
                postings.fill(legs.debit1(), legs.debit2(), legs.credit1(), legs.credit2(), amount);
                events.queued(ref, postings);
                return;
            }
            if (cipsDebit == Legs.NONE) {
                settleNow(ref, legs, amount, Legs.NONE);
                return;
            }
            earmarked[agentDebit] += amount;
        }
        if (open && !deferred && !anyHeld && nothingAhead(cipsDebit, priority)
                && coveredAtCips(cipsDebit, amount, priority.ordinal())) {
            settleNow(ref, legs, amount, agentDebit);
            return;
        }
        int s = enqueue(ref, legs, agentDebit, cipsDebit, cipsCredit, amount, priority, deferred,
                deferred ? PaymentQueue.AT_NETTING : PaymentQueue.AT_CIPS);
        postings.fill(legs.debit1(), legs.debit2(), legs.credit1(), legs.credit2(), amount);
        events.queued(ref, postings);
        events.waitsAtCips(ref, queue.seq[s]);
        if (open && !deferred && mode == SettlementMode.RTGS_LSM) {
            offsetting.bilateral(cipsDebit, cipsCredit);
        }
    }

    /** A payment settled as it arrives; {@code earmarkedAt} is the INDIRECT account whose earmark it consumes, or NONE. */
    private void settleNow(long ref, Legs legs, long amount, int earmarkedAt) {
        if (earmarkedAt != Legs.NONE) {
            earmarked[earmarkedAt] -= amount;
        }
        postCovered(legs.credit1(), legs.credit2(), legs.debit1(), legs.debit2(), amount);
        checkExposure();
        postings.fill(legs.debit1(), legs.debit2(), legs.credit1(), legs.credit2(), amount);
        events.settled(ref, legs.bookTransfer() ? SettlementMethod.BOOK_TRANSFER : SettlementMethod.RTGS, postings);
        scheduleCredits(legs.credit1(), legs.credit2());
        release();
    }

    /** The INDIRECT debtor's account at its agent, which covers the payment first; NONE for a DIRECT debtor. */
    private int agentDebitOf(Legs legs) {
        if (legs.bookTransfer()) {
            return legs.debit1() != Legs.NONE && isIndirect(legs.debit1()) ? legs.debit1() : Legs.NONE;
        }
        return legs.debit1() != legs.from() ? legs.debit1() : Legs.NONE;
    }

    /** The paying agent's CIPS account; NONE for a book transfer, which never reaches CIPS. */
    private static int cipsDebitOf(Legs legs) {
        return legs.bookTransfer() ? Legs.NONE : legs.from();
    }

    /**
     * Puts back a payment that was queued before a restart, at its place, without settling anything or
     * telling anyone: the state it restores was already consistent. {@code cipsPosition} is where it
     * waits at CIPS (covered at its agent, its amount earmarked there), as {@link SettlementEvents#waitsAtCips}
     * gave it; negative while it waits for cover at its agent, or for a payment of a DIRECT debtor
     * stored without one (then it queues at CIPS by its arrival).
     */
    public void restoreQueued(long ref, PostingsRule.Party debtorAgent, PostingsRule.Party creditorAgent, long amount,
            Priority priority, long arrival, long cipsPosition) {
        restoreQueued(ref, debtorAgent, creditorAgent, amount, priority, arrival, cipsPosition, false);
    }

    /** The same for a payment of deferred net settlement when {@code deferred} (always in DNS mode). */
    public void restoreQueued(long ref, PostingsRule.Party debtorAgent, PostingsRule.Party creditorAgent, long amount,
            Priority priority, long arrival, long cipsPosition, boolean deferred) {
        boolean net = deferred || mode == SettlementMode.DNS;
        if (amount <= 0) {
            throw new IllegalArgumentException("a payment moves a positive amount");
        }
        Legs legs = legs(debtorAgent, creditorAgent);
        if (!admits(legs, amount)) {
            throw new IllegalStateException("a restored queue holds more than the engine can (" + CAPACITY + " fen)");
        }
        int agentDebit = agentDebitOf(legs);
        int cipsDebit = cipsDebitOf(legs);
        int cipsCredit = legs.bookTransfer() ? Legs.NONE : legs.to();
        if (legs.debit1() == Legs.NONE) {
            enqueue(ref, legs, Legs.NONE, Legs.NONE, Legs.NONE, amount, priority, net, PaymentQueue.AT_OPENING, arrival);
            sequence = Math.max(sequence, arrival + 1);
            return;
        }
        boolean atCips = cipsDebit != Legs.NONE && (cipsPosition >= 0 || agentDebit == Legs.NONE);
        long position = atCips && cipsPosition >= 0 ? cipsPosition : arrival;
        if (atCips && agentDebit != Legs.NONE) {
            earmarked[agentDebit] += amount;
        }
        enqueue(ref, legs, agentDebit, cipsDebit, cipsCredit, amount, priority, net, !atCips ? PaymentQueue.AT_AGENT
                : net ? PaymentQueue.AT_NETTING : PaymentQueue.AT_CIPS, position);
        sequence = Math.max(sequence, Math.max(arrival, position) + 1);
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

    /**
     * Funds leave the account (liquidity moved out); refused (false) beyond what it can give: on a CIPS
     * account the balance above its reservation, on an INDIRECT account the balance, and no more than
     * leaves its earmarks covered.
     */
    public boolean debit(int account, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a liquidity movement is positive");
        }
        if (amount > withdrawable(account)) {
            return false;
        }
        balance[account] -= amount;
        exposure -= amount;
        return true;
    }

    /** What liquidity may leave the account now (see {@link #debit}). */
    public long withdrawable(int account) {
        long b = balance[account];
        return Math.max(0, isIndirect(account) ? Math.min(b, available(account)) : b - reserved[account]);
    }

    /** Takes a queued payment out of the queue (releasing its earmark); false when it is not queued. */
    public boolean cancel(long ref) {
        Integer slot = queue.slotOf(ref);
        if (slot == null) {
            return false;
        }
        int s = slot;
        int agentDebit = queue.agentDebit[s];
        int cipsDebit = queue.cipsDebit[s];
        releaseEarmark(s);
        dequeue(s);
        schedule(agentDebit);
        schedule(cipsDebit);
        release();
        return true;
    }

    private void releaseEarmark(int s) {
        if (queue.stage[s] != PaymentQueue.AT_AGENT && queue.agentDebit[s] != Legs.NONE) {
            earmarked[queue.agentDebit[s]] -= queue.amount[s];
        }
    }

    /**
     * Holds or frees an account (its participant suspended or reactivated). Payments touching a held
     * account stay queued and are passed over by release and offsetting, without blocking others.
     */
    public void hold(int account, boolean hold) {
        held[account] = hold;
        if (!hold) {
            for (int a = 0; a < accounts; a++) {
                // payments passed over as held count again, whatever their amount
                queue.normFloor[a] = Math.min(queue.normFloor[a], 0);
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
     * (gridlock resolution) across all queues at CIPS. In DNS mode this is the netting itself.
     * Answers what it settled.
     */
    public OffsetResult offset() {
        if (!open) {
            return new OffsetResult(0, 0, 0, 0);
        }
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
        int multilateral = multilateralOffset();
        return new OffsetResult(bilateralSets, bilateralPayments, multilateral > 0 ? 1 : 0, multilateral);
    }

    /** Multilateral offsetting alone (the netting in DNS mode); answers the number of payments settled. */
    public int multilateralOffset() {
        if (!open) {
            return 0;
        }
        return mode == SettlementMode.DNS ? netCycle().settled() : offsetting.multilateral(PaymentQueue.AT_CIPS);
    }

    /**
     * A netting cycle of deferred net settlement: every account's multilateral net position over the
     * payments waiting for it settles at once. Where some account's net debit is not covered, its
     * payments are taken out, latest first, until the rest is covered; what is taken out (and what
     * still waits for cover at its agent) is carried over to the next cycle. Nothing while closed.
     */
    public NetCycle netCycle() {
        int settled = open ? offsetting.multilateral(PaymentQueue.AT_NETTING) : 0;
        return new NetCycle(settled, deferredQueued());
    }

    /** What a netting cycle did: payments settled, and those of deferred net settlement still waiting after it. */
    public record NetCycle(int settled, int carriedOver) {
    }

    /** How many payments of deferred net settlement wait, at their agent or for a cycle. */
    public int deferredQueued() {
        return queue.deferredSize();
    }

    /** What one run of the liquidity-saving mechanism settled: sets and payments. */
    public record OffsetResult(int bilateralSets, int bilateralPayments, int multilateralSets, int multilateralPayments) {
        public int payments() {
            return bilateralPayments + multilateralPayments;
        }
    }

    /**
     * Closes the business day: a last offset as the mode wants it (the liquidity-saving mechanism in
     * RTGS_LSM, the netting in DNS, none in plain RTGS), then every payment still queued, at its agent
     * or at CIPS, leaves unsettled with {@link #NOT_COVERED_BY_END_OF_DAY} (its earmark released). The
     * events go out as they happen: settlements of the last offset first, then the rejections in
     * release order.
     */
    public DayClose closeDay() {
        OffsetResult last = mode == SettlementMode.RTGS ? new OffsetResult(0, 0, 0, 0) : offset();
        // the last netting cycle of the day, for what deferred net settlement still holds (in DNS mode the offset was it)
        NetCycle cycle = mode != SettlementMode.DNS && deferredQueued() > 0 ? netCycle() : new NetCycle(0, 0);
        int rejected = rejectAllQueued(NOT_COVERED_BY_END_OF_DAY);
        return new DayClose(last, cycle, rejected);
    }

    /**
     * What a day close did: its last offset, its last netting cycle ({@link #settled()} is what both
     * settled), and how many payments it rejected.
     */
    public record DayClose(OffsetResult lastOffset, NetCycle lastCycle, int rejected) {
        public int settled() {
            return lastOffset.payments() + lastCycle.settled();
        }
    }

    /** End of day: every payment still queued leaves the queue unsettled, with {@code reasonCode}. */
    public int rejectAllQueued(String reasonCode) {
        int[] slots = queue.inReleaseOrder();
        for (int s : slots) {
            long ref = queue.ref[s];
            releaseEarmark(s);
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

    /**
     * Throws if an invariant does not hold: no account below what it may reach, earmarks the sum of
     * what waits at CIPS from each account, queue sums and exposure agree, no NORM payment waits
     * under the bound that lets a release skip its queue ({@link QueueDiscipline#FIFO_BYPASS}). For
     * tests and debug runs (what holds on every command the engine checks there).
     */
    public void checkInvariants() {
        long[] out = new long[accounts];
        long[] marked = new long[accounts];
        for (int s : queue.inReleaseOrder()) {
            if (queue.debit1[s] != Legs.NONE) {
                out[queue.debit1[s]] += queue.amount[s];
            }
            if (queue.debit2[s] != Legs.NONE) {
                out[queue.debit2[s]] += queue.amount[s];
            }
            if (queue.stage[s] != PaymentQueue.AT_AGENT && queue.agentDebit[s] != Legs.NONE) {
                marked[queue.agentDebit[s]] += queue.amount[s];
            }
        }
        long held = 0;
        for (int a = 0; a < accounts; a++) {
            held += balance[a] + creditLine[a] + queue.queuedOut[a] + queue.queuedIn[a];
        }
        if (held != exposure || exposure > CAPACITY) {
            throw new IllegalStateException("exposure " + exposure + " != " + held + " or beyond capacity");
        }
        for (int a = 0; a < accounts; a++) {
            if (available(a) < 0 || balance[a] < -creditLine[a] || !isIndirect(a) && (balance[a] < 0 || creditLine[a] != 0)) {
                throw new IllegalStateException("account " + a + " is below what it may reach: balance " + balance[a]
                        + ", credit line " + creditLine[a] + ", earmarked " + earmarked[a]);
            }
            if (out[a] != queue.queuedOut[a]) {
                throw new IllegalStateException("account " + a + " queue value " + queue.queuedOut[a] + " != " + out[a]);
            }
            if (marked[a] != earmarked[a]) {
                throw new IllegalStateException("account " + a + " earmarked " + earmarked[a] + " != " + marked[a]);
            }
            for (int s = queue.first(a, NORM); s != NIL; s = queue.next(s)) {
                if (!isHeldSlot(s) && queue.amount[s] <= queue.normFloor[a]) {
                    throw new IllegalStateException("account " + a + ": a NORM payment of " + queue.amount[s]
                            + " waits under the bound " + queue.normFloor[a] + " its queue scan trusts");
                }
            }
        }
    }

    // --- package-private: used by Offsetting ---------------------------------------------------

    long balanceOf(int account) {
        return balance[account];
    }

    long reservedOf(int account) {
        return reserved[account];
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

    /**
     * Settles a set of payments waiting at CIPS at once (its feasibility at the CIPS accounts already
     * established; their INDIRECT debits are earmarked), then releases.
     */
    void settleSet(int[] slots, int n, SettlementMethod method) {
        if (method == SettlementMethod.BILATERAL_OFFSET) {
            bilateralSets++;
        } else {
            multilateralSets++;
        }
        for (int i = 0; i < n; i++) {
            int s = slots[i];
            releaseEarmark(s);
            post(queue.credit1[s], queue.credit2[s], queue.debit1[s], queue.debit2[s], queue.amount[s]);
        }
        for (int i = 0; i < n; i++) {
            int s = slots[i];
            if (belowFloor(queue.debit1[s]) || belowFloor(queue.debit2[s])) {
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

    /**
     * Nothing that a payment of {@code priority} must wait behind waits, unheld, in the account's
     * queue: under {@link QueueDiscipline#STRICT_FIFO} nothing of its priority or higher, under
     * {@link QueueDiscipline#FIFO_BYPASS} no HIGH payment.
     */
    private boolean nothingAhead(int account, Priority priority) {
        return firstUnheld(account, HIGH) == NIL && (priority == Priority.HIGH
                || discipline == QueueDiscipline.FIFO_BYPASS || firstUnheld(account, NORM) == NIL);
    }

    /** Whether a CIPS account covers {@code amount} for a payment of this priority (NORM above the reservation). */
    private boolean coveredAtCips(int account, long amount, int prio) {
        return balance[account] - (prio == NORM ? reserved[account] : 0) >= amount;
    }

    /**
     * Releases, account by account, the queue heads that now have cover: at an INDIRECT account the
     * head is covered and earmarked (and goes on to CIPS, or settles when it is a book transfer); at a
     * CIPS account it settles. In DNS mode what reaches CIPS waits for the netting. Under
     * {@link QueueDiscipline#FIFO_BYPASS} the HIGH payments go so, first in, first out, and then,
     * once no HIGH payment waits, the NORM ones as {@link #releaseNormPassingOver} lets them.
     */
    private void release() {
        if (releasing || !open) {
            return;
        }
        releasing = true;
        try {
            while (workSize > 0) {
                int a = work[workHead];
                workHead = (workHead + 1) % work.length;
                workSize--;
                inWork[a] = false;
                if (discipline == QueueDiscipline.STRICT_FIFO) {
                    for (int s = head(a); s != NIL && releaseOne(a, s); s = head(a)) {
                        // the next head
                    }
                } else {
                    int s = firstUnheld(a, HIGH);
                    while (s != NIL && releaseOne(a, s)) {
                        s = firstUnheld(a, HIGH);
                    }
                    if (s == NIL) {
                        releaseNormPassingOver(a);
                    }
                }
            }
        } finally {
            releasing = false;
        }
        offsetJoinedPairs();
    }

    /**
     * Lets queued payment {@code s}, waiting in account {@code a}'s queue, go if {@code a} covers it:
     * at an INDIRECT account it is earmarked and goes on to CIPS (or settles, a book transfer); at a
     * CIPS account it settles (NORM above the reservation). False, nothing changed, without cover.
     */
    private boolean releaseOne(int a, int s) {
        long amount = queue.amount[s];
        if (queue.stage[s] == PaymentQueue.AT_AGENT) {
            if (available(a) < amount) {
                return false;
            }
            if (queue.cipsDebit[s] == Legs.NONE) {
                settleQueued(s, SettlementMethod.BOOK_TRANSFER);
                return true;
            }
            earmarked[a] += amount;
            boolean netting = queue.deferred[s];
            queue.place(s, netting ? PaymentQueue.AT_NETTING : PaymentQueue.AT_CIPS, sequence++);
            events.waitsAtCips(queue.ref[s], queue.seq[s]);
            if (!netting) {
                schedule(queue.cipsDebit[s]);
                joined(queue.cipsDebit[s], queue.cipsCredit[s]);
            }
            return true;
        }
        if (mode == SettlementMode.DNS || !coveredAtCips(a, amount, queue.priority[s])) {
            return false;
        }
        settleQueued(s, queue.book[s] ? SettlementMethod.BOOK_TRANSFER : SettlementMethod.RTGS);
        return true;
    }

    /**
     * What a NORM payment may use on the account now: {@link #available} on an INDIRECT account (its
     * queue is at its agent), the balance above the reservation on a CIPS account.
     */
    private long normCover(int account) {
        return isIndirect(account) ? available(account) : balance[account] - reserved[account];
    }

    /**
     * {@link QueueDiscipline#FIFO_BYPASS}, once no HIGH payment waits on account {@code a}: its NORM
     * payments, in queue order, each let go when {@code a} covers it and passed over (keeping its
     * place) when not. The scan costs the length of the NORM queue, and happens only when {@code a}
     * now covers more than {@link PaymentQueue#normFloor} (the smallest waiting NORM amount as the
     * last scan left it, lowered by every payment that joined since): a release that brings nothing
     * the smallest could use (most repeats of the account in the work list, its own debits among
     * them) costs nothing, and a scan otherwise lets at least one payment go, unless payments left
     * the queue since the last one (offsetting, cancels) or held ones were freed. It ends early when
     * nothing is left to use; what it passes over sets the bound again.
     */
    private void releaseNormPassingOver(int a) {
        if (normCover(a) <= queue.normFloor[a]) {
            return;
        }
        long smallest = Long.MAX_VALUE;
        int s = queue.first(a, NORM);
        while (s != NIL) {
            if (normCover(a) <= 0) {
                smallest = 1; // the rest unseen: only their being positive is known
                break;
            }
            int after = queue.next(s);
            if (!isHeldSlot(s) && !releaseOne(a, s)) {
                smallest = Math.min(smallest, queue.amount[s]);
            }
            if (after != NIL && !queue.waitsIn(after, a, NORM)) {
                // the queue changed under the scan (a driver acting from an event): scan it again
                after = queue.first(a, NORM);
                smallest = Long.MAX_VALUE;
            }
            s = after;
        }
        queue.normFloor[a] = smallest == Long.MAX_VALUE ? Long.MAX_VALUE : smallest - 1;
    }

    /** Settles one queued payment whose cover was established where it waits. */
    private void settleQueued(int s, SettlementMethod method) {
        long ref = queue.ref[s];
        releaseEarmark(s);
        postCovered(queue.credit1[s], queue.credit2[s], queue.debit1[s], queue.debit2[s], queue.amount[s]);
        schedule(queue.debit1[s]);
        schedule(queue.debit2[s]);
        scheduleCredits(queue.credit1[s], queue.credit2[s]);
        postings.fill(queue.debit1[s], queue.debit2[s], queue.credit1[s], queue.credit2[s], queue.amount[s]);
        dequeue(s);
        events.settled(ref, method, postings);
    }

    private void joined(int from, int to) {
        if (mode != SettlementMode.RTGS_LSM || to == Legs.NONE) {
            return;
        }
        if (joinedCount == joinedPairs.length) {
            joinedPairs = Arrays.copyOf(joinedPairs, joinedCount * 2);
        }
        joinedPairs[joinedCount++] = PaymentQueue.pairKey(from, to);
    }

    /** Payments that joined a CIPS queue from their agent's get the bilateral offset a new arrival gets. */
    private void offsetJoinedPairs() {
        while (joinedCount > 0) {
            long key = joinedPairs[--joinedCount];
            offsetting.bilateral((int) (key >>> 32), (int) key);
        }
    }

    /** The first payment the account's queue would release: HIGH before NORM, held ones passed over. */
    private int head(int account) {
        int s = firstUnheld(account, HIGH);
        return s != NIL ? s : firstUnheld(account, NORM);
    }

    private int firstUnheld(int account, int prio) {
        for (int s = queue.first(account, prio); s != NIL; s = queue.next(s)) {
            if (!isHeldSlot(s)) {
                return s;
            }
        }
        return NIL;
    }

    private boolean held(int account) {
        return account != Legs.NONE && held[account];
    }

    /** Below what the account may reach: zero on a CIPS account; on an INDIRECT one, minus its credit line, earmarks included. */
    private boolean belowFloor(int account) {
        return account != Legs.NONE && available(account) < 0;
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

    /** {@link #post} for one payment whose cover was established: no debited account may end below its floor. */
    private void postCovered(int credit1, int credit2, int debit1, int debit2, long amount) {
        post(credit1, credit2, debit1, debit2, amount);
        if (belowFloor(debit1) || belowFloor(debit2)) {
            throw new IllegalStateException("a payment of " + amount + " fen took an account below what it may reach");
        }
    }

    private void checkExposure() {
        if (exposure < 0 || exposure > CAPACITY) {
            throw new IllegalStateException("exposure " + exposure + " outside 0.." + CAPACITY);
        }
    }

    private int enqueue(long ref, Legs legs, int agentDebit, int cipsDebit, int cipsCredit, long amount,
            Priority priority, boolean deferred, byte where) {
        return enqueue(ref, legs, agentDebit, cipsDebit, cipsCredit, amount, priority, deferred, where, sequence++);
    }

    private int enqueue(long ref, Legs legs, int agentDebit, int cipsDebit, int cipsCredit, long amount,
            Priority priority, boolean deferred, byte where, long arrival) {
        int s = queue.enqueue(ref, legs, agentDebit, cipsDebit, cipsCredit, amount, priority, deferred, arrival, where);
        exposure += (long) (legCount(legs.debit1(), legs.debit2()) + legCount(legs.credit1(), legs.credit2())) * amount;
        checkExposure();
        return s;
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
        if (account == Legs.NONE || inWork[account]) {
            return;
        }
        inWork[account] = true;
        work[(workHead + workSize) % work.length] = account;
        workSize++;
    }
}

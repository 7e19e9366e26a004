package io.rmbsim.settlement;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The queues, as settlement in two tiers has them. A queued payment waits in exactly one account's
 * queue at a time, HIGH before NORM and first in, first out within a priority:
 * <ul>
 * <li>{@link #AT_AGENT}: an INDIRECT debtor's payment waits for cover in the queue of its own account
 * on its agent's books;</li>
 * <li>{@link #AT_CIPS}: covered there (its amount earmarked) or sent by a DIRECT participant, it
 * waits in the queue of the paying agent's CIPS account, and in the list of its offsetting pair;</li>
 * <li>{@link #AT_NETTING}: a payment for deferred net settlement, covered at the agent like the
 * others, waits for the next netting cycle (in arrival order, in no account's queue);</li>
 * <li>{@link #AT_OPENING}: a payment that debits nothing, taken while settlement is closed, waits for
 * the opening (in no account's queue).</li>
 * </ul>
 * Held in arrays (one slot per queued payment, reused once it leaves) so that the simulator can push
 * millions of payments through without garbage.
 */
final class PaymentQueue {

    static final int NIL = -1;
    private static final int NORM = Priority.NORM.ordinal();

    static final byte AT_AGENT = 0;
    static final byte AT_CIPS = 1;
    static final byte AT_NETTING = 2;
    /** A payment that debits nothing (an agent paying its own indirect), taken while settlement is closed. */
    static final byte AT_OPENING = 3;
    private static final byte NOWHERE = -1;

    // per slot
    long[] ref = new long[0];
    long[] amount = new long[0];
    long[] seq = new long[0];
    byte[] priority = new byte[0];
    byte[] stage = new byte[0];
    int[] debit1 = new int[0];
    int[] debit2 = new int[0];
    int[] credit1 = new int[0];
    int[] credit2 = new int[0];
    /** The INDIRECT debtor's account at its agent (covered there first, then earmarked), or NONE. */
    int[] agentDebit = new int[0];
    /** The paying agent's CIPS account (A), or NONE for a book transfer. */
    int[] cipsDebit = new int[0];
    /** The receiving agent's CIPS account (B), or NONE for a book transfer. */
    int[] cipsCredit = new int[0];
    boolean[] book = new boolean[0];
    /** Settled by deferred net settlement: after its agent, it waits for a netting cycle. */
    boolean[] deferred = new boolean[0];
    private boolean[] live = new boolean[0];
    /** The account whose queue holds the slot (NONE at netting). */
    private int[] at = new int[0];
    private int[] next = new int[0];
    private int[] prev = new int[0];
    private int[] pairNext = new int[0];
    private int[] pairPrev = new int[0];
    private int capacity;
    private int freeHead = NIL;
    private int used;
    private int size;
    private int netting;
    private int deferredCount;

    // per account: [0] HIGH, [1] NORM
    private int[][] head = {new int[0], new int[0]};
    private int[][] tail = {new int[0], new int[0]};
    /** What the queued payments will debit from each account, whichever queue they wait in. */
    long[] queuedOut = new long[0];
    /** What the queued payments will credit to each account. */
    long[] queuedIn = new long[0];
    /** The value waiting in each account's own queue (for cover there). */
    long[] waiting = new long[0];
    /**
     * Per account, a bound under which no NORM payment waiting in its queue fits: every one of them
     * not held is larger (amounts are positive, so 0 always holds). A payment joining lowers it to
     * below its amount; the engine raises it after scanning the queue under
     * {@link QueueDiscipline#FIFO_BYPASS}, so that a release that brings no cover above it skips the scan.
     */
    long[] normFloor = new long[0];

    private final Map<Long, int[]> pairs = new HashMap<>();
    private final Map<Long, Integer> slotOfRef = new HashMap<>();

    int size() {
        return size;
    }

    /** How many payments of deferred net settlement wait, at their agents or for a netting cycle. */
    int deferredSize() {
        return deferredCount;
    }

    /** How many payments wait for a netting cycle. */
    int nettingSize() {
        return netting;
    }

    void growAccounts(int accounts) {
        int old = queuedOut.length;
        if (accounts <= old) {
            return;
        }
        int n = Math.max(accounts, old * 2);
        for (int p = 0; p < 2; p++) {
            head[p] = grow(head[p], n);
            tail[p] = grow(tail[p], n);
        }
        queuedOut = Arrays.copyOf(queuedOut, n);
        queuedIn = Arrays.copyOf(queuedIn, n);
        waiting = Arrays.copyOf(waiting, n);
        normFloor = Arrays.copyOf(normFloor, n);
        // an account's queue opens empty: no payment fits under any bound
        Arrays.fill(normFloor, old, n, Long.MAX_VALUE);
    }

    private static int[] grow(int[] a, int n) {
        int old = a.length;
        int[] b = Arrays.copyOf(a, n);
        Arrays.fill(b, old, n, NIL);
        return b;
    }

    Integer slotOf(long paymentRef) {
        return slotOfRef.get(paymentRef);
    }

    /**
     * Takes a payment in: {@code agentDebit} and {@code cipsDebit} say where it is covered, in that
     * order; it starts waiting at {@code stage} (see {@link #place}).
     */
    int enqueue(long paymentRef, Legs legs, int agentDebitAccount, int cipsDebitAccount, int cipsCreditAccount,
            long value, Priority prio, boolean net, long sequence, byte where) {
        if (slotOfRef.containsKey(paymentRef)) {
            throw new IllegalStateException("payment " + paymentRef + " is already queued");
        }
        int s = allocate();
        ref[s] = paymentRef;
        amount[s] = value;
        priority[s] = (byte) prio.ordinal();
        debit1[s] = legs.debit1();
        debit2[s] = legs.debit2();
        credit1[s] = legs.credit1();
        credit2[s] = legs.credit2();
        agentDebit[s] = agentDebitAccount;
        cipsDebit[s] = cipsDebitAccount;
        cipsCredit[s] = cipsCreditAccount;
        book[s] = legs.bookTransfer();
        deferred[s] = net;
        if (net) {
            deferredCount++;
        }
        live[s] = true;
        for (int d : new int[] {debit1[s], debit2[s]}) {
            if (d != Legs.NONE) {
                queuedOut[d] += value;
            }
        }
        for (int c : new int[] {credit1[s], credit2[s]}) {
            if (c != Legs.NONE) {
                queuedIn[c] += value;
            }
        }
        slotOfRef.put(paymentRef, s);
        size++;
        place(s, where, sequence);
        return s;
    }

    /**
     * Puts the slot where it now waits, at the tail of its priority there with arrival {@code sequence}:
     * {@link #AT_AGENT} in its agent debit's queue, {@link #AT_CIPS} in its CIPS debit's queue and its
     * pair's list, {@link #AT_NETTING} in the netting batch. A slot already waiting somewhere leaves
     * that place first.
     */
    void place(int s, byte where, long sequence) {
        leave(s);
        stage[s] = where;
        seq[s] = sequence;
        if (where == AT_NETTING) {
            netting++;
            return;
        }
        if (where == AT_OPENING) {
            return;
        }
        int account = where == AT_AGENT ? agentDebit[s] : cipsDebit[s];
        at[s] = account;
        int p = priority[s];
        int last = tail[p][account];
        prev[s] = last;
        next[s] = NIL;
        if (last == NIL) {
            head[p][account] = s;
        } else {
            next[last] = s;
        }
        tail[p][account] = s;
        waiting[account] += amount[s];
        if (p == NORM && normFloor[account] >= amount[s]) {
            normFloor[account] = amount[s] - 1;
        }
        if (where == AT_CIPS && cipsCredit[s] != Legs.NONE) {
            int[] list = pairs.computeIfAbsent(pairKey(cipsDebit[s], cipsCredit[s]), k -> new int[] {NIL, NIL});
            pairPrev[s] = list[1];
            pairNext[s] = NIL;
            if (list[1] == NIL) {
                list[0] = s;
            } else {
                pairNext[list[1]] = s;
            }
            list[1] = s;
        }
    }

    /** Takes the payment out of every list it is in and frees its slot. */
    void remove(int s) {
        leave(s);
        for (int d : new int[] {debit1[s], debit2[s]}) {
            if (d != Legs.NONE) {
                queuedOut[d] -= amount[s];
            }
        }
        for (int c : new int[] {credit1[s], credit2[s]}) {
            if (c != Legs.NONE) {
                queuedIn[c] -= amount[s];
            }
        }
        slotOfRef.remove(ref[s]);
        if (deferred[s]) {
            deferredCount--;
        }
        live[s] = false;
        next[s] = freeHead;
        freeHead = s;
        size--;
    }

    /** Out of the place it waits in (its account's queue and pair list, or the netting batch); nothing else changes. */
    private void leave(int s) {
        if (stage[s] == AT_NETTING) {
            netting--;
        } else if (at[s] != NIL) {
            unlink(s);
        }
        stage[s] = NOWHERE;
        at[s] = NIL;
    }

    private void unlink(int s) {
        int account = at[s];
        waiting[account] -= amount[s];
        int p = priority[s];
        int before = prev[s];
        int after = next[s];
        if (before == NIL) {
            head[p][account] = after;
        } else {
            next[before] = after;
        }
        if (after == NIL) {
            tail[p][account] = before;
        } else {
            prev[after] = before;
        }
        if (stage[s] == AT_CIPS && cipsCredit[s] != Legs.NONE) {
            long key = pairKey(cipsDebit[s], cipsCredit[s]);
            int[] list = pairs.get(key);
            if (pairPrev[s] == NIL) {
                list[0] = pairNext[s];
            } else {
                pairNext[pairPrev[s]] = pairNext[s];
            }
            if (pairNext[s] == NIL) {
                list[1] = pairPrev[s];
            } else {
                pairPrev[pairNext[s]] = pairPrev[s];
            }
            if (list[0] == NIL) {
                pairs.remove(key);
            }
        }
    }

    int first(int account, int prio) {
        return head[prio][account];
    }

    int next(int s) {
        return next[s];
    }

    /** Whether slot {@code s} is a queued payment of priority {@code prio} waiting in the account's queue. */
    boolean waitsIn(int s, int account, int prio) {
        return live[s] && at[s] == account && priority[s] == prio;
    }

    int pairFirst(int fromAccount, int toAccount) {
        int[] list = pairs.get(pairKey(fromAccount, toAccount));
        return list == null ? NIL : list[0];
    }

    int pairNext(int s) {
        return pairNext[s];
    }

    /** The pairs with payments queued at CIPS, as {@code from << 32 | to}, in ascending order. */
    long[] pairKeys() {
        long[] keys = new long[pairs.size()];
        int i = 0;
        for (long k : pairs.keySet()) {
            keys[i++] = k;
        }
        Arrays.sort(keys);
        return keys;
    }

    static long pairKey(int fromAccount, int toAccount) {
        return ((long) fromAccount << 32) | (toAccount & 0xffffffffL);
    }

    /** Every queued slot in release order: HIGH before NORM, then arrival. */
    int[] inReleaseOrder() {
        return inReleaseOrder((byte) -1);
    }

    /** The slots waiting at {@code where} ({@link #AT_CIPS}, say), in release order. */
    int[] inReleaseOrder(byte where) {
        int[] slots = new int[where == AT_NETTING ? netting : size];
        int n = 0;
        for (int s = 0; s < used; s++) {
            if (live[s] && (where < 0 || stage[s] == where)) {
                slots[n++] = s;
            }
        }
        sortInReleaseOrder(slots, n);
        return n == slots.length ? slots : Arrays.copyOf(slots, n);
    }

    /** Sorts slots[0..n) into release order: HIGH before NORM, then arrival. */
    void sortInReleaseOrder(int[] slots, int n) {
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = slots[i];
        }
        Arrays.sort(boxed, (a, b) -> priority[a] != priority[b] ? Byte.compare(priority[a], priority[b])
                : Long.compare(seq[a], seq[b]));
        for (int i = 0; i < n; i++) {
            slots[i] = boxed[i];
        }
    }

    private int allocate() {
        if (freeHead != NIL) {
            int s = freeHead;
            freeHead = next[s];
            stage[s] = NOWHERE;
            at[s] = NIL;
            return s;
        }
        if (used == capacity) {
            int n = Math.max(16, capacity * 2);
            ref = Arrays.copyOf(ref, n);
            amount = Arrays.copyOf(amount, n);
            seq = Arrays.copyOf(seq, n);
            priority = Arrays.copyOf(priority, n);
            stage = Arrays.copyOf(stage, n);
            debit1 = Arrays.copyOf(debit1, n);
            debit2 = Arrays.copyOf(debit2, n);
            credit1 = Arrays.copyOf(credit1, n);
            credit2 = Arrays.copyOf(credit2, n);
            agentDebit = Arrays.copyOf(agentDebit, n);
            cipsDebit = Arrays.copyOf(cipsDebit, n);
            cipsCredit = Arrays.copyOf(cipsCredit, n);
            book = Arrays.copyOf(book, n);
            deferred = Arrays.copyOf(deferred, n);
            live = Arrays.copyOf(live, n);
            at = Arrays.copyOf(at, n);
            next = Arrays.copyOf(next, n);
            prev = Arrays.copyOf(prev, n);
            pairNext = Arrays.copyOf(pairNext, n);
            pairPrev = Arrays.copyOf(pairPrev, n);
            capacity = n;
        }
        stage[used] = NOWHERE;
        at[used] = NIL;
        return used++;
    }
}

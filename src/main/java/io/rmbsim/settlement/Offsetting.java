package io.rmbsim.settlement;

import java.util.Arrays;

/**
 * The liquidity-saving mechanism. Both kinds take a candidate set in release order and make it
 * feasible the way BoF-PSS2 and TARGET2 do: while some account would end short, take that account's
 * debits out of the set from the back of its queue (lowest priority, latest first), and look again;
 * then settle what is left all at once. Short means: a CIPS account below zero (or below its
 * reservation while the set still holds NORM payments from it); an INDIRECT account below what it
 * may use ({@code balance + creditLine - earmarks}), counting only the debits of payments still
 * waiting for cover there: what waits at CIPS is covered already, by its earmark.
 * <ul>
 * <li>bilateral: the payments queued at CIPS between two CIPS accounts, in both directions; it
 * settles only if both directions remain (otherwise it would be a gross payment jumping its queue);</li>
 * <li>multilateral (gridlock resolution, and the netting of deferred net settlement): every payment
 * waiting, at its agent or at CIPS, not held. So an agent's queue and CIPS's unlock each other, and
 * at the lower bound everything settles, as with one tier.</li>
 * </ul>
 */
final class Offsetting {

    private static final int NIL = PaymentQueue.NIL;
    private static final byte NORM = (byte) Priority.NORM.ordinal();

    private final SettlementEngine engine;
    private final PaymentQueue queue;

    // scratch, indexed by account or by node; only touched entries are reset after each run
    private long[] delta = new long[0];
    /** NORM payments in the set that debit each account: while there are any, it must stay above its reservation. */
    private int[] normDebits = new int[0];
    private int[] debitsHead = new int[0];
    private boolean[] touched = new boolean[0];
    private boolean[] inWork = new boolean[0];
    private int[] touchedList = new int[0];
    private int touchedCount;
    private int[] nodeSlot = new int[64];
    private int[] nodeNext = new int[64];
    private int nodes;
    private boolean[] inSet = new boolean[0];
    private int[] candidates = new int[64];

    Offsetting(SettlementEngine engine, PaymentQueue queue) {
        this.engine = engine;
        this.queue = queue;
    }

    /** Bilateral offsetting between accounts x and y; answers the number of payments settled. */
    int bilateral(int x, int y) {
        if (queue.pairFirst(x, y) == NIL || queue.pairFirst(y, x) == NIL) {
            return 0;
        }
        int n = 0;
        for (int s = queue.pairFirst(x, y); s != NIL; s = queue.pairNext(s)) {
            n = addCandidate(n, s);
        }
        for (int s = queue.pairFirst(y, x); s != NIL; s = queue.pairNext(s)) {
            n = addCandidate(n, s);
        }
        queue.sortInReleaseOrder(candidates, n);
        int kept = resolve(n);
        boolean forth = false;
        boolean back = false;
        for (int i = 0; i < kept; i++) {
            forth |= queue.cipsDebit[candidates[i]] == x;
            back |= queue.cipsDebit[candidates[i]] == y;
        }
        if (!forth || !back) {
            return 0;
        }
        engine.settleSet(candidates.clone(), kept, SettlementMethod.BILATERAL_OFFSET);
        return kept;
    }

    /**
     * Multilateral offsetting across the payments waiting at their agents and at {@code where} (the
     * CIPS queues, or the netting batch: those for deferred net settlement, in both tiers); answers
     * the number of payments settled.
     */
    int multilateral(byte where) {
        int[] all = queue.inReleaseOrder();
        int n = 0;
        boolean netting = where == PaymentQueue.AT_NETTING;
        for (int s : all) {
            byte stage = queue.stage[s];
            if ((stage == where || stage == PaymentQueue.AT_AGENT) && queue.deferred[s] == netting) {
                n = addCandidate(n, s);
            }
        }
        int kept = resolve(n);
        if (kept == 0) {
            return 0;
        }
        engine.settleSet(Arrays.copyOf(candidates, kept), kept, where == PaymentQueue.AT_NETTING
                ? SettlementMethod.DNS : SettlementMethod.MULTILATERAL_OFFSET);
        return kept;
    }

    private int addCandidate(int n, int s) {
        if (engine.isHeldSlot(s)) {
            return n;
        }
        if (n == candidates.length) {
            candidates = Arrays.copyOf(candidates, n * 2);
        }
        candidates[n] = s;
        return n + 1;
    }

    /**
     * Reduces candidates[0..n) (in release order) to a feasible set, kept in release order at the
     * front of the array; answers its size.
     */
    private int resolve(int n) {
        ensureCapacity();
        nodes = 0;
        touchedCount = 0;
        for (int i = 0; i < n; i++) {
            int s = candidates[i];
            inSet[s] = true;
            long v = queue.amount[s];
            // prepending makes each account's list start at the back of its queue
            pushDebit(queue.cipsDebit[s], s, v);
            if (queue.stage[s] == PaymentQueue.AT_AGENT) {
                pushDebit(queue.agentDebit[s], s, v);
            }
            addDelta(queue.credit1[s], v);
            addDelta(queue.credit2[s], v);
        }
        int[] work = new int[Math.max(1, touchedCount)];
        int head = 0;
        int size = 0;
        for (int i = 0; i < touchedCount; i++) {
            int a = touchedList[i];
            if (short_(a)) {
                work[(head + size++) % work.length] = a;
                inWork[a] = true;
            }
        }
        while (size > 0) {
            int a = work[head];
            head = (head + 1) % work.length;
            size--;
            inWork[a] = false;
            while (short_(a)) {
                int node = debitsHead[a];
                while (node != NIL && !inSet[nodeSlot[node]]) {
                    node = nodeNext[node];
                }
                if (node == NIL) {
                    // only debits make an account short; with the engine's capacity no sum wraps
                    throw new IllegalStateException("account " + a + " is short with no debit left to take out");
                }
                debitsHead[a] = nodeNext[node];
                int s = nodeSlot[node];
                inSet[s] = false;
                long v = queue.amount[s];
                takeDebitBack(queue.cipsDebit[s], s, v);
                if (queue.stage[s] == PaymentQueue.AT_AGENT) {
                    takeDebitBack(queue.agentDebit[s], s, v);
                }
                for (int c : new int[] {queue.credit1[s], queue.credit2[s]}) {
                    if (c != Legs.NONE) {
                        delta[c] -= v;
                        if (short_(c) && !inWork[c]) {
                            work[(head + size++) % work.length] = c;
                            inWork[c] = true;
                        }
                    }
                }
            }
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int s = candidates[i];
            if (inSet[s]) {
                candidates[kept++] = s;
                inSet[s] = false;
            }
        }
        for (int i = 0; i < touchedCount; i++) {
            int a = touchedList[i];
            delta[a] = 0;
            normDebits[a] = 0;
            debitsHead[a] = NIL;
            touched[a] = false;
        }
        return kept;
    }

    /**
     * A CIPS account below zero, or below its reservation while NORM payments from it are in the set;
     * an INDIRECT account below what it may use.
     */
    private boolean short_(int account) {
        if (engine.isIndirect(account)) {
            return engine.available(account) + delta[account] < 0;
        }
        return engine.balanceOf(account) + delta[account] < (normDebits[account] > 0 ? engine.reservedOf(account) : 0);
    }

    private void takeDebitBack(int account, int s, long v) {
        if (account == Legs.NONE) {
            return;
        }
        delta[account] += v;
        if (queue.priority[s] == NORM) {
            normDebits[account]--;
        }
    }

    private void pushDebit(int account, int s, long v) {
        if (account == Legs.NONE) {
            return;
        }
        touch(account);
        delta[account] -= v;
        if (queue.priority[s] == NORM) {
            normDebits[account]++;
        }
        if (nodes == nodeSlot.length) {
            nodeSlot = Arrays.copyOf(nodeSlot, nodes * 2);
            nodeNext = Arrays.copyOf(nodeNext, nodes * 2);
        }
        nodeSlot[nodes] = s;
        nodeNext[nodes] = debitsHead[account];
        debitsHead[account] = nodes++;
    }

    private void addDelta(int account, long v) {
        if (account == Legs.NONE) {
            return;
        }
        touch(account);
        delta[account] += v;
    }

    private void touch(int account) {
        if (!touched[account]) {
            touched[account] = true;
            touchedList[touchedCount++] = account;
        }
    }

    private void ensureCapacity() {
        int accounts = engine.accountCount();
        if (delta.length < accounts) {
            int old = delta.length;
            delta = Arrays.copyOf(delta, accounts);
            normDebits = Arrays.copyOf(normDebits, accounts);
            debitsHead = Arrays.copyOf(debitsHead, accounts);
            Arrays.fill(debitsHead, old, accounts, NIL);
            touched = Arrays.copyOf(touched, accounts);
            inWork = Arrays.copyOf(inWork, accounts);
            touchedList = Arrays.copyOf(touchedList, accounts);
        }
        int slots = queue.ref.length;
        if (inSet.length < slots) {
            inSet = Arrays.copyOf(inSet, slots);
        }
    }
}

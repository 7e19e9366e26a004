package io.rmbsim.settlement;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The central queue: every queued payment waits in the queue of each account it debits, HIGH before
 * NORM and first in, first out within a priority, and in the list of its offsetting pair. Held in
 * arrays (one slot per queued payment, reused once it leaves) so that the simulator can push
 * millions of payments through without garbage.
 */
final class PaymentQueue {

    static final int NIL = -1;

    // per slot
    long[] ref = new long[0];
    long[] amount = new long[0];
    long[] seq = new long[0];
    byte[] priority = new byte[0];
    int[] debit1 = new int[0];
    int[] debit2 = new int[0];
    int[] credit1 = new int[0];
    int[] credit2 = new int[0];
    int[] from = new int[0];
    int[] to = new int[0];
    boolean[] book = new boolean[0];
    private boolean[] live = new boolean[0];
    private int[] next1 = new int[0];
    private int[] prev1 = new int[0];
    private int[] next2 = new int[0];
    private int[] prev2 = new int[0];
    private int[] pairNext = new int[0];
    private int[] pairPrev = new int[0];
    private int capacity;
    private int freeHead = NIL;
    private int used;
    private int size;

    // per account: [0] HIGH, [1] NORM
    private int[][] head = {new int[0], new int[0]};
    private int[][] tail = {new int[0], new int[0]};
    long[] queuedOut = new long[0];
    long[] queuedIn = new long[0];
    int[] countOut = new int[0];

    private final Map<Long, int[]> pairs = new HashMap<>();
    private final Map<Long, Integer> slotOfRef = new HashMap<>();

    int size() {
        return size;
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
        countOut = Arrays.copyOf(countOut, n);
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

    /** Appends the payment to the tail of its priority in the queue of each debited account. */
    int enqueue(long paymentRef, Legs legs, long value, Priority prio, long sequence) {
        if (slotOfRef.containsKey(paymentRef)) {
            throw new IllegalStateException("payment " + paymentRef + " is already queued");
        }
        int s = allocate();
        ref[s] = paymentRef;
        amount[s] = value;
        seq[s] = sequence;
        priority[s] = (byte) prio.ordinal();
        debit1[s] = legs.debit1();
        debit2[s] = legs.debit2();
        credit1[s] = legs.credit1();
        credit2[s] = legs.credit2();
        from[s] = legs.from();
        to[s] = legs.to();
        book[s] = legs.bookTransfer();
        live[s] = true;
        link(s, debit1[s]);
        link(s, debit2[s]);
        for (int c : new int[] {credit1[s], credit2[s]}) {
            if (c != Legs.NONE) {
                queuedIn[c] += value;
            }
        }
        if (from[s] != Legs.NONE && to[s] != Legs.NONE) {
            int[] list = pairs.computeIfAbsent(pairKey(from[s], to[s]), k -> new int[] {NIL, NIL});
            pairPrev[s] = list[1];
            pairNext[s] = NIL;
            if (list[1] == NIL) {
                list[0] = s;
            } else {
                pairNext[list[1]] = s;
            }
            list[1] = s;
        }
        slotOfRef.put(paymentRef, s);
        size++;
        return s;
    }

    /** Takes the payment out of every list it is in and frees its slot. */
    void remove(int s) {
        unlink(s, debit1[s]);
        unlink(s, debit2[s]);
        for (int c : new int[] {credit1[s], credit2[s]}) {
            if (c != Legs.NONE) {
                queuedIn[c] -= amount[s];
            }
        }
        if (from[s] != Legs.NONE && to[s] != Legs.NONE) {
            long key = pairKey(from[s], to[s]);
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
        slotOfRef.remove(ref[s]);
        live[s] = false;
        next1[s] = freeHead;
        freeHead = s;
        size--;
    }

    int first(int account, int prio) {
        return head[prio][account];
    }

    int last(int account, int prio) {
        return tail[prio][account];
    }

    int next(int s, int account) {
        return debit1[s] == account ? next1[s] : next2[s];
    }

    int pairFirst(int fromAccount, int toAccount) {
        int[] list = pairs.get(pairKey(fromAccount, toAccount));
        return list == null ? NIL : list[0];
    }

    int pairNext(int s) {
        return pairNext[s];
    }

    /** The pairs with queued payments, as {@code from << 32 | to}, in ascending order. */
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
        int[] slots = new int[size];
        int n = 0;
        for (int s = 0; s < used; s++) {
            if (live[s]) {
                slots[n++] = s;
            }
        }
        sortInReleaseOrder(slots, n);
        return slots;
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
            freeHead = next1[s];
            return s;
        }
        if (used == capacity) {
            int n = Math.max(16, capacity * 2);
            ref = Arrays.copyOf(ref, n);
            amount = Arrays.copyOf(amount, n);
            seq = Arrays.copyOf(seq, n);
            priority = Arrays.copyOf(priority, n);
            debit1 = Arrays.copyOf(debit1, n);
            debit2 = Arrays.copyOf(debit2, n);
            credit1 = Arrays.copyOf(credit1, n);
            credit2 = Arrays.copyOf(credit2, n);
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            book = Arrays.copyOf(book, n);
            live = Arrays.copyOf(live, n);
            next1 = Arrays.copyOf(next1, n);
            prev1 = Arrays.copyOf(prev1, n);
            next2 = Arrays.copyOf(next2, n);
            prev2 = Arrays.copyOf(prev2, n);
            pairNext = Arrays.copyOf(pairNext, n);
            pairPrev = Arrays.copyOf(pairPrev, n);
            capacity = n;
        }
        return used++;
    }

    private void link(int s, int account) {
        if (account == Legs.NONE) {
            return;
        }
        int p = priority[s];
        int last = tail[p][account];
        setPrev(s, account, last);
        setNext(s, account, NIL);
        if (last == NIL) {
            head[p][account] = s;
        } else {
            setNext(last, account, s);
        }
        tail[p][account] = s;
        queuedOut[account] += amount[s];
        countOut[account]++;
    }

    private void unlink(int s, int account) {
        if (account == Legs.NONE) {
            return;
        }
        int p = priority[s];
        int before = prev(s, account);
        int after = next(s, account);
        if (before == NIL) {
            head[p][account] = after;
        } else {
            setNext(before, account, after);
        }
        if (after == NIL) {
            tail[p][account] = before;
        } else {
            setPrev(after, account, before);
        }
        queuedOut[account] -= amount[s];
        countOut[account]--;
    }

    private int prev(int s, int account) {
        return debit1[s] == account ? prev1[s] : prev2[s];
    }

    private void setNext(int s, int account, int value) {
        if (debit1[s] == account) {
            next1[s] = value;
        } else {
            next2[s] = value;
        }
    }

    private void setPrev(int s, int account, int value) {
        if (debit1[s] == account) {
            prev1[s] = value;
        } else {
            prev2[s] = value;
        }
    }
}

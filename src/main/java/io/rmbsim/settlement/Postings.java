package io.rmbsim.settlement;

/**
 * The postings of one settlement, as the engine made them: each an account and a signed amount in
 * fen (debits negative, first; then credits). They sum to zero, except where the debtor is an
 * agent's own customer outside the model, whose payment only credits.
 * <p>
 * A view the engine fills again for every {@link SettlementEvents#settled} call, so that millions of
 * settlements allocate nothing: read it during the call, copy what you keep.
 */
public final class Postings {

    private final int[] account = new int[4];
    private final long[] amount = new long[4];
    private int size;

    Postings() {
    }

    /** How many postings: one to four. */
    public int size() {
        return size;
    }

    /** The account of posting {@code i}. */
    public int account(int i) {
        check(i);
        return account[i];
    }

    /** The signed amount of posting {@code i}, in fen: negative for a debit. */
    public long amount(int i) {
        check(i);
        return amount[i];
    }

    /** Whether posting {@code i} debits its account. */
    public boolean isDebit(int i) {
        return amount(i) < 0;
    }

    void fill(int debit1, int debit2, int credit1, int credit2, long value) {
        size = 0;
        add(debit1, -value);
        add(debit2, -value);
        add(credit1, value);
        add(credit2, value);
    }

    private void add(int acc, long signed) {
        if (acc != Legs.NONE) {
            account[size] = acc;
            amount[size] = signed;
            size++;
        }
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("posting " + i + " of " + size);
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            s.append(i == 0 ? "" : ", ").append(account[i]).append(amount[i] < 0 ? " " : " +").append(amount[i]);
        }
        return s.append(']').toString();
    }
}

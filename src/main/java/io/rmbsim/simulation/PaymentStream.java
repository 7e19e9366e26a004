package io.rmbsim.simulation;

import java.util.Arrays;
import java.util.List;

/**
 * A stream of payments to simulate, held column by column so that millions fit in little memory:
 * arrival time (epoch seconds), debtor and creditor agent (indices into {@link #participants()}),
 * amount in fen, priority. Ordered by time; equal times keep input order.
 */
public final class PaymentStream {

    /** A participant of a simulated network; {@code agent} is the index of its settlement agent, or its own. */
    public record Participant(String bic, boolean direct, int agent) {
    }

    private final List<Participant> participants;
    private long[] time = new long[1024];
    private int[] debtor = new int[1024];
    private int[] creditor = new int[1024];
    private long[] amount = new long[1024];
    private boolean[] high = new boolean[1024];
    private int size;

    public PaymentStream(List<Participant> participants) {
        this.participants = List.copyOf(participants);
        for (int i = 0; i < participants.size(); i++) {
            Participant p = participants.get(i);
            if (p.direct() != (p.agent() == i) || !participants.get(p.agent()).direct()) {
                throw new IllegalArgumentException(p.bic() + ": a DIRECT participant is its own agent; an INDIRECT one settles through a DIRECT one");
            }
        }
    }

    public void add(long epochSecond, int debtorIndex, int creditorIndex, long fen, boolean highPriority) {
        if (debtorIndex == creditorIndex) {
            throw new IllegalArgumentException("a payment needs two institutions");
        }
        if (fen <= 0) {
            throw new IllegalArgumentException("a payment moves a positive amount");
        }
        if (size > 0 && epochSecond < time[size - 1]) {
            throw new IllegalArgumentException("payments must come in time order");
        }
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            debtor = Arrays.copyOf(debtor, n);
            creditor = Arrays.copyOf(creditor, n);
            amount = Arrays.copyOf(amount, n);
            high = Arrays.copyOf(high, n);
        }
        time[size] = epochSecond;
        debtor[size] = debtorIndex;
        creditor[size] = creditorIndex;
        amount[size] = fen;
        high[size] = highPriority;
        size++;
    }

    public List<Participant> participants() {
        return participants;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return time[i];
    }

    public int debtor(int i) {
        return debtor[i];
    }

    public int creditor(int i) {
        return creditor[i];
    }

    public long amount(int i) {
        return amount[i];
    }

    public boolean high(int i) {
        return high[i];
    }

    public long totalValue() {
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += amount[i];
        }
        return total;
    }
}

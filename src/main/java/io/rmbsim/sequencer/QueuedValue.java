package io.rmbsim.sequencer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the journal holds as queued to and from settlement accounts: the payments it wrote QUEUED on
 * the open business day (a closed day's are rejected already, their rejection being written), and
 * where each waits ({@code cips_position}: null while it waits for cover at its agent). Read from
 * the store, so that every instance answers the same; the journal that writes the {@code payment}
 * table is this package's.
 */
@ApplicationScoped
public class QueuedValue {

    /**
     * An account's queued payments: those that will debit it (value and count: at an INDIRECT account,
     * all of its payments still queued, whether waiting for cover at its agent or covered and waiting
     * at CIPS; at a CIPS account, the payments queued at CIPS, not those still waiting at an agent),
     * what the covered ones have earmarked on it (INDIRECT accounts), and those that will credit it.
     */
    public record Totals(long outgoingValue, long outgoingCount, long earmarked, long incomingValue) {
        public static final Totals NONE = new Totals(0, 0, 0, 0);
    }

    private final EntityManager em;

    QueuedValue(EntityManager em) {
        this.em = em;
    }

    public Totals of(String account, LocalDate open) {
        return of(List.of(account), open).getOrDefault(account, Totals.NONE);
    }

    /** The totals of each account named that has anything queued. */
    public Map<String, Totals> of(Collection<String> accounts, LocalDate open) {
        Map<String, long[]> sums = new HashMap<>();
        // [0] outgoing value, [1] outgoing count, [2] earmarked, [3] incoming value
        // an indirect's, at its agent (cips_position null); a direct's, at CIPS (it has no second debit)
        add(sums, accounts, open, "debit1", "(cips_position is null or debit2 is null)", 0);
        // an indirect's, covered and earmarked at its agent, waiting at CIPS: out of the indirect's account...
        add(sums, accounts, open, "debit1", "cips_position is not null and debit2 is not null", 0, 2);
        // ... and queued at its agent's CIPS account
        add(sums, accounts, open, "debit2", "cips_position is not null", 0);
        add(sums, accounts, open, "credit1", "1 = 1", 3);
        add(sums, accounts, open, "credit2", "credit2 <> credit1", 3);
        Map<String, Totals> totals = new HashMap<>();
        sums.forEach((account, s) -> totals.put(account, new Totals(s[0], s[1], s[2], s[3])));
        return totals;
    }

    /** Adds, per account on {@code side}, the queued payments {@code where} holds to each of {@code into}. */
    private void add(Map<String, long[]> sums, Collection<String> accounts, LocalDate open, String side, String where,
            int... into) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + side + ", sum(amount), count(*) from payment"
                + " where status = 'QUEUED' and business_date >= :open and " + side + " in (:accounts) and " + where
                + " group by " + side).setParameter("open", open).setParameter("accounts", accounts).getResultList();
        for (Object[] row : rows) {
            long[] s = sums.computeIfAbsent((String) row[0], a -> new long[4]);
            for (int i : into) {
                s[i] += ((Number) row[1]).longValue();
                if (i == 0) {
                    s[1] += ((Number) row[2]).longValue();
                }
            }
        }
    }
}

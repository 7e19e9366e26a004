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
 * the open business day (a closed day's are rejected already, their rejection being written). Read
 * from the store, so that every instance answers the same; the journal that writes the
 * {@code payment} table is this package's.
 */
@ApplicationScoped
public class QueuedValue {

    /** An account's queued payments: those debiting it (value and count) and those crediting it (value). */
    public record Totals(long outgoingValue, long outgoingCount, long incomingValue) {
        public static final Totals NONE = new Totals(0, 0, 0);
    }

    private final EntityManager em;

    QueuedValue(EntityManager em) {
        this.em = em;
    }

    public Totals of(String account, LocalDate open) {
        return of(List.of(account), open).getOrDefault(account, Totals.NONE);
    }

    /**
     * The totals of each account named that has anything queued. A queued payment debits one or two
     * accounts and credits one or two: it counts once per account on each side.
     */
    public Map<String, Totals> of(Collection<String> accounts, LocalDate open) {
        Map<String, long[]> sums = new HashMap<>();
        for (String side : List.of("debit1", "debit2", "credit1", "credit2")) {
            String same = side.endsWith("2") ? " and " + side + " <> " + side.replace('2', '1') : "";
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select " + side + ", sum(amount), count(*) from payment"
                    + " where status = 'QUEUED' and business_date >= :open and " + side + " in (:accounts)" + same
                    + " group by " + side).setParameter("open", open).setParameter("accounts", accounts).getResultList();
            int at = side.startsWith("debit") ? 0 : 2;
            for (Object[] row : rows) {
                long[] s = sums.computeIfAbsent((String) row[0], a -> new long[3]);
                s[at] += ((Number) row[1]).longValue();
                if (at == 0) {
                    s[1] += ((Number) row[2]).longValue();
                }
            }
        }
        Map<String, Totals> totals = new HashMap<>();
        sums.forEach((account, s) -> totals.put(account, new Totals(s[0], s[1], s[2])));
        return totals;
    }
}

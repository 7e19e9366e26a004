package io.rmbsim.ledger;

import io.quarkus.panache.common.Sort;
import io.rmbsim.iso20022.Camt053Writer;
import io.rmbsim.iso20022.Statement;
import io.rmbsim.iso20022.StatementEntry;
import io.rmbsim.money.Money;
import io.rmbsim.sequencer.QueuedValue;
import io.rmbsim.sequencer.SettlementSequencer;
import io.rmbsim.web.Criteria;
import io.rmbsim.web.Page;
import io.rmbsim.web.PageRequest;
import io.rmbsim.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Reading the ledger: accounts, postings and statements, as committed by the settlement sequencer. */
@ApplicationScoped
public class Ledger {

    private final EntityManager em;
    private final SettlementSequencer sequencer;
    private final Clock clock;
    private final QueuedValue queued;

    Ledger(EntityManager em, SettlementSequencer sequencer, Clock clock, QueuedValue queued) {
        this.em = em;
        this.sequencer = sequencer;
        this.clock = clock;
        this.queued = queued;
    }

    public SettlementAccount account(String bic) {
        SettlementAccount a = SettlementAccount.findById(bic);
        if (a == null) {
            throw ProblemException.notFound("settlement account", bic);
        }
        return a;
    }

    /** The account as committed now (a query, not the session's copy: the sequencer writes balances). */
    public AccountView view(String bic) {
        List<Object[]> found = em.createQuery("select a.heldAt, a.balance, a.creditLine, a.reserved from SettlementAccount a"
                + " where a.bic = :bic", Object[].class).setParameter("bic", bic).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("settlement account", bic);
        }
        Object[] a = found.get(0);
        LocalDate open = sequencer.businessDate();
        return view(bic, (String) a[0], ((Number) a[1]).longValue(), ((Number) a[2]).longValue(),
                ((Number) a[3]).longValue(), queued.of(bic, open), open);
    }

    private static AccountView view(String bic, String heldAt, long balance, long creditLine, long reserved,
            QueuedValue.Totals queued, LocalDate open) {
        return new AccountView(bic, heldAt, "CNY", Money.format(balance), Money.format(queued.outgoingValue()),
                Money.format(queued.incomingValue()), queued.outgoingCount(), Money.format(creditLine),
                Money.format(queued.earmarked()), Money.format(reserved),
                Money.format(balance + creditLine - queued.earmarked() - reserved), open);
    }

    /**
     * Settlement accounts in BIC order, as committed now, each with what is queued to and from it;
     * {@code only}, when given, limits the list to those accounts (a member's scope).
     */
    public Page<AccountView> list(String heldAt, java.util.Set<String> only, PageRequest page) {
        Criteria criteria = new Criteria().equal("heldAt", heldAt);
        if (only != null) {
            criteria.where("bic in :only", Map.of("only", only));
        }
        List<SettlementAccount> accounts = SettlementAccount.<SettlementAccount>find(criteria.query(), Sort.by("bic"),
                criteria.parameters()).page(page.page(), page.size()).list();
        long total = SettlementAccount.count(criteria.query(), criteria.parameters());
        if (accounts.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), total);
        }
        LocalDate open = sequencer.businessDate();
        Map<String, QueuedValue.Totals> queuedNow = queued.of(accounts.stream().map(a -> a.bic).toList(), open);
        List<AccountView> items = accounts.stream().map(a -> view(a.bic, a.heldAt, a.balance, a.creditLine, a.reserved,
                queuedNow.getOrDefault(a.bic, QueuedValue.Totals.NONE), open)).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /**
     * A payment's postings, in the order they were made; {@code only}, when given, limits them to those
     * accounts. Found by the postings' key: a payment's credits (at most two) have ids in a row from
     * its creditsFrom, its debits from its debitsFrom; none before it settles.
     */
    public List<PostingView> postingsOf(java.util.UUID uetr, Long creditsFrom, Long debitsFrom, java.util.Set<String> only) {
        if (creditsFrom == null && debitsFrom == null) {
            return List.of();
        }
        Criteria criteria = new Criteria().equal("uetr", uetr).where(
                "(id between :credits and :credits + 1 or id between :debits and :debits + 1)",
                Map.of("credits", creditsFrom == null ? debitsFrom : creditsFrom,
                        "debits", debitsFrom == null ? creditsFrom : debitsFrom));
        if (only != null) {
            criteria.where("accountBic in :only", Map.of("only", only));
        }
        return Posting.<Posting>find(criteria.query(), Sort.by("id"), criteria.parameters()).list().stream()
                .map(PostingView::of).toList();
    }

    /**
     * An account's postings in the order they were made. Posting ids grow with the business day, so id
     * order is (business date, id) order, which the index on (account, business date, id) gives.
     */
    private static final Sort IN_ORDER = Sort.by("businessDate").and("id");

    public Page<PostingView> postings(String bic, LocalDate from, LocalDate to, String kind, PageRequest page) {
        account(bic);
        Criteria criteria = new Criteria().equal("accountBic", bic).equal("kind", kind);
        if (from != null) {
            criteria.where("businessDate >= :from", Map.of("from", from));
        }
        if (to != null) {
            criteria.where("businessDate <= :to", Map.of("to", to));
        }
        // in id order, which is (business date, id) order: posting_day_ix serves it (V12)
        List<Posting> items = Posting.<Posting>find(criteria.query(), IN_ORDER, criteria.parameters())
                .page(page.page(), page.size()).list();
        return new Page<>(items.stream().map(PostingView::of).toList(), page.page(), page.size(),
                Posting.count(criteria.query(), criteria.parameters()));
    }

    /** One business day of an account: opening balance, entries in order, closing balance. */
    private record Day(SettlementAccount account, LocalDate date, boolean closed, long opening, long closing,
            List<Posting> entries) {
    }

    private Day day(String bic, LocalDate date) {
        SettlementAccount a = account(bic);
        LocalDate open = sequencer.businessDate();
        if (date.isAfter(open)) {
            throw ProblemException.invalid("date", "business day " + date + " has not opened yet (open: " + open + ")");
        }
        List<Posting> entries = Posting.list("accountBic = ?1 and businessDate = ?2", Sort.by("id"), bic, date);
        List<Posting> before = Posting.find("accountBic = ?1 and businessDate < ?2", Sort.descending("businessDate", "id"), bic, date)
                .page(0, 1).list();
        long opening = before.isEmpty() ? 0 : before.get(0).balanceAfter;
        long closing = entries.isEmpty() ? opening : entries.get(entries.size() - 1).balanceAfter;
        return new Day(a, date, date.isBefore(open), opening, closing, entries);
    }

    public StatementView statement(String bic, LocalDate date) {
        Day d = day(bic, date);
        long credits = d.entries().stream().filter(p -> p.amount > 0).mapToLong(p -> p.amount).sum();
        long debits = d.entries().stream().filter(p -> p.amount < 0).mapToLong(p -> -p.amount).sum();
        return new StatementView(d.account().bic, d.account().heldAt, date, d.closed(), "CNY", Money.format(d.opening()),
                Money.format(d.closing()), Money.format(credits), Money.format(debits),
                d.entries().stream().map(PostingView::of).toList());
    }

    /** The statement as ISO 20022 camt.053.001.08. */
    public String camt053(String bic, LocalDate date) {
        Day d = day(bic, date);
        String heldAt = d.account().heldAt;
        boolean cips = SettlementAccount.CIPS.equals(heldAt);
        List<StatementEntry> lines = d.entries().stream().map(p -> new StatementEntry(Math.abs(p.amount), p.amount > 0,
                p.businessDate, OffsetDateTime.ofInstant(p.postedAt, ZoneOffset.UTC), "P" + p.id,
                p.uetr == null ? null : p.uetr.toString(), "PAYMENT".equals(p.kind) ? p.reference : null,
                p.counterparty, "PAYMENT".equals(p.kind) ? "PAYMENT" : p.kind.replace('_', ' '))).toList();
        return Camt053Writer.write(new Statement("STMT-" + bic + "-" + date, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)),
                cips ? "CIPS/" + bic : heldAt + "/" + bic, bic, cips ? null : heldAt, date, d.opening(), d.closing(),
                d.closed(), lines));
    }
}

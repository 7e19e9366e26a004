package io.rmbsim.sequencer;

import io.rmbsim.cluster.Fence;
import io.rmbsim.sequencer.TableRows.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Everything one batch of commands changed, written in one database transaction (group commit):
 * new and changed payments, postings, account balances, business days. Nothing is answered before
 * the transaction commits, so every answered payment is durable.
 */
final class Journal {

    record Posting(long id, String account, LocalDate businessDate, long amount, long balanceAfter, String kind,
            java.util.UUID uetr, String reference, String counterparty, Instant postedAt) {
    }

    record DayChange(LocalDate date, String state, Instant at, boolean insert) {
    }

    /** A liquidity movement made under a client's idempotency key. */
    record LiquidityMove(String account, String key, String direction, long amount, String reference, long postingId,
            Instant at) {
    }

    /**
     * One entry of the live day's log ({@link io.rmbsim.settlement.DayLog}): a command the engine was
     * given besides a payment, after payment {@code afterSeq}; the columns its kind uses, null otherwise.
     */
    record LogEntry(long id, LocalDate businessDate, long afterSeq, Instant at, io.rmbsim.settlement.DayLog.Kind kind,
            String bic, String agent, Long amount, Long creditLine, Long reserved, Boolean flag, Long paymentSeq,
            String discipline, Long run) {
    }

    /** An offset or a day close, with what it settled and rejected (totals kept as payments leave the queue). */
    static final class Run {
        final long id;
        final String kind;
        final LocalDate businessDate;
        final Instant at;
        long settledCount;
        long settledValue;
        long bilateralCount;
        long multilateralCount;
        long rejectedCount;
        long rejectedValue;
        /** What a netting cycle carried over to the next cycle. */
        long carriedCount;
        long carriedValue;

        Run(long id, String kind, LocalDate businessDate, Instant at) {
            this.id = id;
            this.kind = kind;
            this.businessDate = businessDate;
            this.at = at;
        }

        /** Counts a settled payment; the engine's capacity keeps every such sum inside a long, addExact says so if not. */
        void settled(long amount, io.rmbsim.settlement.SettlementMethod method) {
            settledCount++;
            settledValue = Math.addExact(settledValue, amount);
            if (method == io.rmbsim.settlement.SettlementMethod.BILATERAL_OFFSET) {
                bilateralCount++;
            } else if (method == io.rmbsim.settlement.SettlementMethod.MULTILATERAL_OFFSET) {
                multilateralCount++;
            }
        }

        void rejected(long amount) {
            rejectedCount++;
            rejectedValue = Math.addExact(rejectedValue, amount);
        }
    }

    final List<PaymentRow> payments = new ArrayList<>();
    private final Set<PaymentRow> seen = new LinkedHashSet<>();
    final List<Posting> postings = new ArrayList<>();
    final Map<String, Long> balances = new LinkedHashMap<>();
    /** Credit lines and reservations set in the batch: {@code [creditLine, reserved]} per account. */
    final Map<String, long[]> limits = new LinkedHashMap<>();
    final List<DayChange> days = new ArrayList<>();
    final List<Run> runs = new ArrayList<>();
    final List<LiquidityMove> liquidityMoves = new ArrayList<>();
    final List<LogEntry> log = new ArrayList<>();
    /** How many new payments the write inserted (the rest of {@link #payments} were updates). */
    int inserted;
    /** How long the write's transaction took, nanoseconds (0: nothing was written). */
    long writeNanos;
    /** Other features' rows that go into this batch's transaction. */
    private final List<BatchRider> riders = new ArrayList<>();

    void payment(PaymentRow row) {
        if (seen.add(row)) {
            payments.add(row);
        }
    }

    void posting(Posting posting) {
        postings.add(posting);
        balances.put(posting.account(), posting.balanceAfter());
    }

    void limits(String account, long creditLine, long reserved) {
        limits.put(account, new long[] {creditLine, reserved});
    }

    void day(DayChange change) {
        days.add(change);
    }

    void run(Run run) {
        runs.add(run);
    }

    void liquidityMove(LiquidityMove move) {
        liquidityMoves.add(move);
    }

    void log(LogEntry entry) {
        log.add(entry);
    }

    /** Takes {@code rider}'s waiting rows into this batch. */
    void ride(BatchRider rider) throws SQLException {
        rider.take();
        if (rider.took()) {
            riders.add(rider);
        }
    }

    /** Tells the riders that the batch committed (true) or failed. */
    void ridersDone(boolean committed, Throwable cause) {
        for (BatchRider r : riders) {
            if (committed) {
                r.committed();
            } else {
                r.failed(cause);
            }
        }
        riders.clear(); // told once
    }

    boolean isEmpty() {
        return payments.isEmpty() && postings.isEmpty() && days.isEmpty() && runs.isEmpty() && limits.isEmpty()
                && log.isEmpty() && riders.isEmpty();
    }

    /**
     * Writes the batch in one transaction; throws, having rolled back, if anything fails. The fence
     * comes first: a batch of an instance that no longer leads settlement writes nothing. On PostgreSQL
     * everything but a day's opening or close goes in one statement, the fence's check last in it
     * ({@link TableRows}): two round trips to the server, the statement and the commit, whatever the
     * batch holds; each round trip costs the more, the busier the machine. H2 runs in process and
     * takes a JDBC batch per table.
     */
    void write(DataSource dataSource, Fence fence) throws SQLException {
        if (isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<TableRows> tables = tables();
                if (isPostgres(c)) {
                    String fenceQuery = fence.query();
                    if (fenceQuery == null) {
                        fence.check(c);
                    }
                    writeDays(c);
                    writeInOneStatement(c, tables, fence, fenceQuery);
                } else {
                    fence.check(c);
                    writeDays(c);
                    for (TableRows t : tables) {
                        t.writeBatch(c);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        for (PaymentRow row : payments) {
            row.stored = true;
        }
        writeNanos = System.nanoTime() - started;
    }

    /** The store is PostgreSQL (the kind is fixed when the application is built: asked once). */
    private static volatile Boolean postgres;

    static boolean isPostgres(Connection c) throws SQLException {
        Boolean p = postgres;
        if (p == null) {
            p = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
            postgres = p;
        }
        return p;
    }

    /**
     * The batch's rows in one statement: a data-modifying {@code WITH} item per table, then the fence's
     * query (locking the epoch's row until the commit), whose answer the fence checks.
     */
    private static void writeInOneStatement(Connection c, List<TableRows> tables, Fence fence, String fenceQuery)
            throws SQLException {
        List<TableRows> parts = tables.stream().filter(t -> !t.isEmpty()).toList();
        if (parts.isEmpty()) {
            if (fenceQuery != null) {
                fence.check(c);
            }
            return;
        }
        StringBuilder sql = new StringBuilder("with ");
        for (int i = 0; i < parts.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(parts.get(i).unnestPart("w" + i));
        }
        sql.append(' ').append(fenceQuery == null ? "select 0" : fenceQuery);
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int index = 1;
            for (TableRows t : parts) {
                index = t.bindArrays(c, s, index);
            }
            try (ResultSet rs = s.executeQuery()) {
                long read = rs.next() ? rs.getLong(1) : -1;
                if (fenceQuery != null) {
                    fence.verify(read);
                }
            }
        }
    }

    /** What the batch writes besides the days, table by table, in an order that the store's keys accept. */
    private List<TableRows> tables() throws SQLException {
        List<TableRows> tables = new ArrayList<>();
        paymentRows(tables);
        tables.add(runRows());
        tables.add(postingRows());
        tables.add(liquidityMoveRows());
        tables.add(accountRows());
        tables.add(logRows());
        for (BatchRider r : riders) {
            tables.add(r.rows());
        }
        return tables;
    }

    private void writeDays(Connection c) throws SQLException {
        for (DayChange d : days) {
            if (d.insert()) {
                try (PreparedStatement s = c.prepareStatement(
                        "insert into business_day (business_date, state, opened_at) values (?, ?, ?)")) {
                    s.setObject(1, d.date());
                    s.setString(2, d.state());
                    s.setObject(3, at(d.at()));
                    s.executeUpdate();
                }
            } else {
                try (PreparedStatement s = c.prepareStatement(
                        "update business_day set state = ?, closed_at = ? where business_date = ?")) {
                    s.setString(1, d.state());
                    s.setObject(2, at(d.at()));
                    s.setObject(3, d.date());
                    s.executeUpdate();
                }
            }
        }
    }

    private void paymentRows(List<TableRows> tables) {
        TableRows insert = TableRows.insert("payment").column("uetr", Type.UUID).column("seq", Type.BIGINT)
                .column("end_to_end_id", Type.TEXT).column("debtor_agent", Type.TEXT).column("creditor_agent", Type.TEXT)
                .column("amount", Type.BIGINT).column("currency", Type.TEXT).column("priority", Type.TEXT)
                .column("debtor_name", Type.TEXT).column("debtor_account", Type.TEXT).column("creditor_name", Type.TEXT)
                .column("creditor_account", Type.TEXT).column("purpose", Type.TEXT).column("remittance_info", Type.TEXT)
                .column("status", Type.TEXT).column("reason_code", Type.TEXT).column("reason", Type.TEXT)
                .column("settlement_method", Type.TEXT).column("business_date", Type.DATE).column("accepted_at", Type.TIMESTAMP)
                .column("settled_at", Type.TIMESTAMP).column("route", Type.TEXT).column("debit1", Type.TEXT).column("debit2", Type.TEXT)
                .column("credit1", Type.TEXT).column("credit2", Type.TEXT).column("settlement_run", Type.BIGINT)
                .column("cips_position", Type.BIGINT).column("settlement", Type.TEXT).column("kind", Type.TEXT)
                .column("return_of", Type.UUID).column("credits_from", Type.BIGINT).column("debits_from", Type.BIGINT);
        TableRows update = TableRows.update("payment", false).column("uetr", Type.UUID).column("status", Type.TEXT)
                .column("reason_code", Type.TEXT).column("reason", Type.TEXT).column("settlement_method", Type.TEXT)
                .column("settled_at", Type.TIMESTAMP).column("settlement_run", Type.BIGINT).column("cips_position", Type.BIGINT)
                .column("credits_from", Type.BIGINT).column("debits_from", Type.BIGINT);
        for (PaymentRow r : payments) {
            String method = r.method == null ? null : r.method.name();
            if (r.stored) {
                update.add(r.order.uetr(), r.status.name(), r.reasonCode, r.reason, method, r.settledAt, r.run, r.cipsPosition,
                        r.creditsFrom, r.debitsFrom);
            } else {
                var o = r.order;
                insert.add(o.uetr(), r.seq, o.endToEndId(), o.debtorAgent(), o.creditorAgent(), o.amount(), o.currency(),
                        o.priority().name(), o.debtorName(), o.debtorAccount(), o.creditorName(), o.creditorAccount(),
                        o.purpose(), o.remittanceInformation(), r.status.name(), r.reasonCode, r.reason, method,
                        r.businessDate, r.acceptedAt, r.settledAt, r.route, r.debit1, r.debit2, r.credit1, r.credit2, r.run,
                        r.cipsPosition, o.settlement().name(), o.kind().name(), o.returnOf(), r.creditsFrom, r.debitsFrom);
            }
        }
        inserted = insert.size();
        tables.add(insert);
        tables.add(update);
    }

    /**
     * Whether the journal can be written: a posting written and rolled back, behind the fence, so
     * that the store's constraints on postings are evaluated as a real batch would meet them.
     */
    static void probe(DataSource dataSource, Fence fence) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                fence.check(c);
                try (PreparedStatement s = c.prepareStatement("insert into posting (id, account_bic, business_date,"
                        + " amount, balance_after, kind, uetr, reference, counterparty, posted_at)"
                        + " select (select coalesce(max(id), 0) + 1 from posting), bic, current_date, 1, 1, 'PAYMENT', null,"
                        + " 'journal probe', null, current_timestamp from settlement_account order by bic fetch first 1 rows only")) {
                    s.executeUpdate();
                }
            } finally {
                c.rollback();
            }
        }
    }

    private TableRows runRows() {
        TableRows rows = TableRows.insert("settlement_run").column("id", Type.BIGINT).column("kind", Type.TEXT)
                .column("business_date", Type.DATE).column("ran_at", Type.TIMESTAMP).column("settled_count", Type.BIGINT)
                .column("settled_value", Type.BIGINT).column("bilateral_count", Type.BIGINT).column("multilateral_count", Type.BIGINT)
                .column("rejected_count", Type.BIGINT).column("rejected_value", Type.BIGINT).column("carried_count", Type.BIGINT)
                .column("carried_value", Type.BIGINT);
        for (Run r : runs) {
            rows.add(r.id, r.kind, r.businessDate, r.at, r.settledCount, r.settledValue, r.bilateralCount, r.multilateralCount,
                    r.rejectedCount, r.rejectedValue, r.carriedCount, r.carriedValue);
        }
        return rows;
    }

    private TableRows liquidityMoveRows() {
        TableRows rows = TableRows.insert("liquidity_move").column("account_bic", Type.TEXT).column("idempotency_key", Type.TEXT)
                .column("direction", Type.TEXT).column("amount", Type.BIGINT).column("reference", Type.TEXT)
                .column("posting_id", Type.BIGINT).column("moved_at", Type.TIMESTAMP);
        for (LiquidityMove m : liquidityMoves) {
            rows.add(m.account(), m.key(), m.direction(), m.amount(), m.reference(), m.postingId(), m.at());
        }
        return rows;
    }

    private TableRows postingRows() {
        TableRows rows = TableRows.insert("posting").column("id", Type.BIGINT).column("account_bic", Type.TEXT)
                .column("business_date", Type.DATE).column("amount", Type.BIGINT).column("balance_after", Type.BIGINT)
                .column("kind", Type.TEXT).column("uetr", Type.UUID).column("reference", Type.TEXT).column("counterparty", Type.TEXT)
                .column("posted_at", Type.TIMESTAMP);
        for (Posting p : postings) {
            rows.add(p.id(), p.account(), p.businessDate(), p.amount(), p.balanceAfter(), p.kind(), p.uetr(), p.reference(),
                    p.counterparty(), p.postedAt());
        }
        return rows;
    }

    /**
     * Each account the batch changed, in one row: its balance after the batch's last posting, its
     * credit line and reservation, each null where the batch left it (the store checks
     * {@code balance + credit_line >= 0} on the row as a whole, so they go together).
     */
    private TableRows accountRows() {
        TableRows rows = TableRows.update("settlement_account", true).column("bic", Type.TEXT).column("balance", Type.BIGINT)
                .column("credit_line", Type.BIGINT).column("reserved", Type.BIGINT);
        Set<String> changed = new LinkedHashSet<>(balances.keySet());
        changed.addAll(limits.keySet());
        for (String bic : changed) {
            long[] limit = limits.get(bic);
            rows.add(bic, balances.get(bic), limit == null ? null : limit[0], limit == null ? null : limit[1]);
        }
        return rows;
    }

    private TableRows logRows() {
        TableRows rows = TableRows.insert("settlement_log").column("id", Type.BIGINT).column("business_date", Type.DATE)
                .column("after_seq", Type.BIGINT).column("logged_at", Type.TIMESTAMP).column("kind", Type.TEXT).column("bic", Type.TEXT)
                .column("agent", Type.TEXT).column("amount", Type.BIGINT).column("credit_line", Type.BIGINT).column("reserved", Type.BIGINT)
                .column("flag", Type.BOOLEAN).column("payment_seq", Type.BIGINT).column("discipline", Type.TEXT)
                .column("settlement_run", Type.BIGINT);
        for (LogEntry e : log) {
            rows.add(e.id(), e.businessDate(), e.afterSeq(), e.at(), e.kind().name(), e.bic(), e.agent(), e.amount(),
                    e.creditLine(), e.reserved(), e.flag(), e.paymentSeq(), e.discipline(), e.run());
        }
        return rows;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

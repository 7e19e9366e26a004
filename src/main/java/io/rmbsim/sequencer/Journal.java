package io.rmbsim.sequencer;

import io.rmbsim.cluster.Fence;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
     * comes first: a batch of an instance that no longer leads settlement writes nothing.
     */
    void write(DataSource dataSource, Fence fence) throws SQLException {
        if (isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                fence.check(c);
                writeDays(c);
                writePayments(c);
                writeRuns(c);
                writePostings(c);
                writeLiquidityMoves(c);
                writeAccounts(c);
                writeLog(c);
                for (BatchRider r : riders) {
                    r.write(c);
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

    private void writePayments(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into payment (uetr, seq, end_to_end_id, debtor_agent,"
                + " creditor_agent, amount, currency, priority, debtor_name, debtor_account, creditor_name,"
                + " creditor_account, purpose, remittance_info, status, reason_code, reason, settlement_method,"
                + " business_date, accepted_at, settled_at, route, debit1, debit2, credit1, credit2, settlement_run,"
                + " cips_position, settlement, kind, return_of) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("update payment set status = ?, reason_code = ?,"
                        + " reason = ?, settlement_method = ?, settled_at = ?, settlement_run = ?, cips_position = ?"
                        + " where uetr = ?")) {
            int inserts = 0;
            int updates = 0;
            for (PaymentRow r : payments) {
                if (r.stored) {
                    update.setString(1, r.status.name());
                    update.setString(2, r.reasonCode);
                    update.setString(3, r.reason);
                    update.setString(4, r.method == null ? null : r.method.name());
                    update.setObject(5, at(r.settledAt));
                    setRun(update, 6, r.run);
                    setLong(update, 7, r.cipsPosition);
                    update.setObject(8, r.order.uetr());
                    update.addBatch();
                    updates++;
                } else {
                    var o = r.order;
                    insert.setObject(1, o.uetr());
                    insert.setLong(2, r.seq);
                    insert.setString(3, o.endToEndId());
                    insert.setString(4, o.debtorAgent());
                    insert.setString(5, o.creditorAgent());
                    insert.setLong(6, o.amount());
                    insert.setString(7, o.currency());
                    insert.setString(8, o.priority().name());
                    insert.setString(9, o.debtorName());
                    insert.setString(10, o.debtorAccount());
                    insert.setString(11, o.creditorName());
                    insert.setString(12, o.creditorAccount());
                    insert.setString(13, o.purpose());
                    insert.setString(14, o.remittanceInformation());
                    insert.setString(15, r.status.name());
                    insert.setString(16, r.reasonCode);
                    insert.setString(17, r.reason);
                    insert.setString(18, r.method == null ? null : r.method.name());
                    insert.setObject(19, r.businessDate);
                    insert.setObject(20, at(r.acceptedAt));
                    insert.setObject(21, at(r.settledAt));
                    insert.setString(22, r.route);
                    insert.setString(23, r.debit1);
                    insert.setString(24, r.debit2);
                    insert.setString(25, r.credit1);
                    insert.setString(26, r.credit2);
                    setRun(insert, 27, r.run);
                    setLong(insert, 28, r.cipsPosition);
                    insert.setString(29, o.settlement().name());
                    insert.setString(30, o.kind().name());
                    insert.setObject(31, o.returnOf());
                    insert.addBatch();
                    inserts++;
                }
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
            inserted = inserts;
            if (updates > 0) {
                update.executeBatch();
            }
        }
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

    private static void setRun(PreparedStatement s, int index, Long run) throws SQLException {
        setLong(s, index, run);
    }

    private void writeRuns(Connection c) throws SQLException {
        if (runs.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("insert into settlement_run (id, kind, business_date, ran_at,"
                + " settled_count, settled_value, bilateral_count, multilateral_count, rejected_count, rejected_value,"
                + " carried_count, carried_value) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Run r : runs) {
                s.setLong(1, r.id);
                s.setString(2, r.kind);
                s.setObject(3, r.businessDate);
                s.setObject(4, at(r.at));
                s.setLong(5, r.settledCount);
                s.setLong(6, r.settledValue);
                s.setLong(7, r.bilateralCount);
                s.setLong(8, r.multilateralCount);
                s.setLong(9, r.rejectedCount);
                s.setLong(10, r.rejectedValue);
                s.setLong(11, r.carriedCount);
                s.setLong(12, r.carriedValue);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void writeLiquidityMoves(Connection c) throws SQLException {
        if (liquidityMoves.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("insert into liquidity_move (account_bic, idempotency_key,"
                + " direction, amount, reference, posting_id, moved_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (LiquidityMove m : liquidityMoves) {
                s.setString(1, m.account());
                s.setString(2, m.key());
                s.setString(3, m.direction());
                s.setLong(4, m.amount());
                s.setString(5, m.reference());
                s.setLong(6, m.postingId());
                s.setObject(7, at(m.at()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void writePostings(Connection c) throws SQLException {
        if (postings.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("insert into posting (id, account_bic, business_date, amount,"
                + " balance_after, kind, uetr, reference, counterparty, posted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Posting p : postings) {
                s.setLong(1, p.id());
                s.setString(2, p.account());
                s.setObject(3, p.businessDate());
                s.setLong(4, p.amount());
                s.setLong(5, p.balanceAfter());
                s.setString(6, p.kind());
                s.setObject(7, p.uetr());
                s.setString(8, p.reference());
                s.setString(9, p.counterparty());
                s.setObject(10, at(p.postedAt()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Each account the batch changed, in one statement: its balance after the batch's last posting,
     * its credit line and reservation (the store checks {@code balance + credit_line >= 0} on the row
     * as a whole, so both go together).
     */
    private void writeAccounts(Connection c) throws SQLException {
        if (balances.isEmpty() && limits.isEmpty()) {
            return;
        }
        Set<String> changed = new LinkedHashSet<>(balances.keySet());
        changed.addAll(limits.keySet());
        try (PreparedStatement s = c.prepareStatement("update settlement_account set balance = coalesce(?, balance),"
                + " credit_line = coalesce(?, credit_line), reserved = coalesce(?, reserved) where bic = ?")) {
            for (String bic : changed) {
                Long balance = balances.get(bic);
                long[] limit = limits.get(bic);
                setLong(s, 1, balance);
                setLong(s, 2, limit == null ? null : limit[0]);
                setLong(s, 3, limit == null ? null : limit[1]);
                s.setString(4, bic);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void writeLog(Connection c) throws SQLException {
        if (log.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("insert into settlement_log (id, business_date, after_seq, logged_at,"
                + " kind, bic, agent, amount, credit_line, reserved, flag, payment_seq, discipline, settlement_run)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LogEntry e : log) {
                s.setLong(1, e.id());
                s.setObject(2, e.businessDate());
                s.setLong(3, e.afterSeq());
                s.setObject(4, at(e.at()));
                s.setString(5, e.kind().name());
                s.setString(6, e.bic());
                s.setString(7, e.agent());
                setLong(s, 8, e.amount());
                setLong(s, 9, e.creditLine());
                setLong(s, 10, e.reserved());
                if (e.flag() == null) {
                    s.setNull(11, java.sql.Types.BOOLEAN);
                } else {
                    s.setBoolean(11, e.flag());
                }
                setLong(s, 12, e.paymentSeq());
                s.setString(13, e.discipline());
                setLong(s, 14, e.run());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, java.sql.Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

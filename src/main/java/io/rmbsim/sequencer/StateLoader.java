package io.rmbsim.sequencer;

import io.rmbsim.participant.ParticipantStatus;
import io.rmbsim.settlement.PaymentOrder;
import io.rmbsim.settlement.PaymentStatus;
import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.Priority;
import io.rmbsim.settlement.QueueDiscipline;
import io.rmbsim.settlement.SettlementMethod;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads live settlement's state back from the database: when leadership is gained, and after a failed write. */
final class StateLoader {

    private static final String PAYMENT_COLUMNS = "uetr, seq, end_to_end_id, debtor_agent, creditor_agent, amount,"
            + " currency, priority, debtor_name, debtor_account, creditor_name, creditor_account, purpose,"
            + " remittance_info, status, reason_code, reason, settlement_method, business_date, accepted_at,"
            + " settled_at, route, debit1, debit2, credit1, credit2, settlement_run, cips_position, settlement, kind,"
            + " return_of";

    private final DataSource dataSource;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final QueueDiscipline discipline;

    StateLoader(DataSource dataSource, Clock clock, BusinessCalendar calendar, QueueDiscipline discipline) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.calendar = calendar;
        this.discipline = discipline;
    }

    LiveLedger load() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            OpenDay open = openBusinessDay(c);
            LocalDate day = open.date();
            LiveLedger ledger = new LiveLedger(clock, calendar, max(c, "select max(seq) from payment") + 1,
                    max(c, "select max(id) from posting") + 1, max(c, "select max(id) from settlement_run") + 1, day,
                    open.opensAt(), discipline);
            // agents before the indirect participants that settle through them
            try (PreparedStatement s = c.prepareStatement("select p.bic, p.participation, p.settlement_agent, p.status,"
                    + " a.balance, a.credit_line, a.reserved from participant p join settlement_account a on a.bic = p.bic"
                    + " order by case when p.participation = 'DIRECT' then 0 else 1 end, p.bic");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ledger.addMember(rs.getString(1), "DIRECT".equals(rs.getString(2)), rs.getString(3),
                            ParticipantStatus.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7));
                }
            }
            // a payment still QUEUED under a closed business day was rejected by that day's close, whose
            // rejections were still being written: they are written again after the restart
            Map<LocalDate, Long> closeRuns = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select business_date, id from settlement_run where kind = 'DAY_CLOSE'");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    closeRuns.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                }
            }
            try (PreparedStatement s = c.prepareStatement("select " + PAYMENT_COLUMNS
                    + " from payment where status = 'QUEUED' order by seq");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    PaymentRow row = row(rs);
                    if (row.businessDate.isBefore(day)) {
                        ledger.restoreRejectedAtClose(row, closeRuns.get(row.businessDate));
                    } else if (row.businessDate.isAfter(day)) {
                        ledger.restoreForNextDay(row);
                    } else {
                        ledger.restoreQueued(row);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select max(ran_at) from settlement_run"
                    + " where kind = 'NET_CYCLE' and business_date = ?")) {
                s.setObject(1, day);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    OffsetDateTime ranAt = rs.getObject(1, OffsetDateTime.class);
                    ledger.restoreLastCycle(ranAt == null ? null : ranAt.toInstant());
                }
            }
            ledger.continueLog(max(c, "select max(id) from settlement_log") + 1, logAtFirstBatch(c, day));
            ledger.checkInvariants();
            return ledger;
        }
    }

    /**
     * What the live day's log needs first: {@link DayLog.Kind#RESTORE} when the open day's start is
     * logged (the engine is read back in its middle); {@link DayLog.Kind#DAY_START} when it is not and
     * nothing has happened in the day yet (the first start of a new store, or of a store from before
     * the log), so that the state just read is its start; else nothing: a day already under way when
     * the log began cannot be replayed.
     */
    private static io.rmbsim.settlement.DayLog.Kind logAtFirstBatch(Connection c, LocalDate day) throws SQLException {
        if (exists(c, "select 1 from settlement_log where business_date = ? and kind = 'DAY_START'", day)) {
            return io.rmbsim.settlement.DayLog.Kind.RESTORE;
        }
        // (postings are not looked at: they come with payments, and a liquidity movement alone in a day
        // of a store from before the log, read back, only moves that day's opening balance)
        boolean underWay = exists(c, "select 1 from payment where business_date = ?", day)
                || exists(c, "select 1 from settlement_run where business_date = ?", day)
                || exists(c, "select 1 from settlement_log where business_date = ?", day);
        return underWay ? null : io.rmbsim.settlement.DayLog.Kind.DAY_START;
    }

    private static boolean exists(Connection c, String query, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query + " fetch first 1 rows only")) {
            s.setObject(1, day);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The payments already stored under these UETRs, as they stand. */
    static Map<UUID, PaymentSnapshot> storedPayments(DataSource dataSource, List<UUID> uetrs) throws SQLException {
        Map<UUID, PaymentSnapshot> found = new HashMap<>();
        if (uetrs.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(Journal.isPostgres(c)
                        // one index probe per UETR, whatever the planner makes of a long list against a young table
                        ? "select " + PAYMENT_COLUMNS + " from unnest(?) as k(id) join lateral (select * from payment"
                                + " where uetr = k.id offset 0) p on true"
                        : "select " + PAYMENT_COLUMNS + " from payment where uetr = any(?)")) {
            s.setArray(1, uuids(c, uetrs));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    PaymentRow row = row(rs);
                    found.put(row.order.uetr(), row.snapshot());
                }
            }
        }
        return found;
    }

    /**
     * UETRs as one array parameter: one statement text whatever their number, prepared once. On
     * PostgreSQL a list ({@code in (?, ...)} or {@code = any(?)}) of a few thousand UETRs made the
     * planner scan the whole table (0.8 s for a batch of three documents of 1,000 at 350,000 payments):
     * there the lookup is a lateral join that probes the primary key once per UETR.
     */
    private static java.sql.Array uuids(Connection c, List<UUID> uetrs) throws SQLException {
        return c.createArrayOf("uuid", uetrs.toArray(new UUID[0]));
    }

    /**
     * A payment some return names, as stored: what it was, where it stands, and what the stored returns
     * of it that still count (queued or settled) add up to.
     */
    record Returnable(PaymentOrder order, PaymentStatus status, long returned) {
    }

    /**
     * The stored payments these returns name, by UETR (one that is not stored is absent), each with
     * what its stored returns that count add up to: two queries for the whole batch.
     */
    static Map<UUID, Returnable> returnables(DataSource dataSource, List<UUID> originals) throws SQLException {
        Map<UUID, Returnable> found = new HashMap<>();
        if (originals.isEmpty()) {
            return found;
        }
        Map<UUID, PaymentSnapshot> payments = storedPayments(dataSource, originals);
        Map<UUID, Long> returned = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select return_of, sum(amount) from payment where return_of = any(?)"
                        + " and status in ('QUEUED', 'SETTLED') group by return_of")) {
            s.setArray(1, uuids(c, originals));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    returned.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
        }
        payments.forEach((uetr, p) -> found.put(uetr, new Returnable(p.order(), p.status(), returned.getOrDefault(uetr, 0L))));
        return found;
    }

    /** A liquidity movement stored under its idempotency key. */
    record StoredMove(String direction, long amount, String reference) {
    }

    /** An idempotency key of a liquidity movement, on its account. */
    record MoveKey(String account, String idempotencyKey) {
    }

    /** The liquidity movements already made under these keys, by {@code account + " " + key}. */
    static Map<String, StoredMove> storedLiquidityMoves(DataSource dataSource, List<MoveKey> keys) throws SQLException {
        Map<String, StoredMove> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select direction, amount, reference from liquidity_move"
                        + " where account_bic = ? and idempotency_key = ?")) {
            for (MoveKey key : keys) {
                s.setString(1, key.account());
                s.setString(2, key.idempotencyKey());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        found.put(key.account() + " " + key.idempotencyKey(), new StoredMove(rs.getString(1), rs.getLong(2), rs.getString(3)));
                    }
                }
            }
        }
        return found;
    }

    /** The open business day as stored: what an instance that does not run the sequencer answers. */
    static Optional<LocalDate> openBusinessDate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return storedOpenDay(c).map(OpenDay::date);
        }
    }

    /** The open business day, and when it opens (or opened): its {@code opened_at}. */
    record OpenDay(LocalDate date, Instant opensAt) {
    }

    private static Optional<OpenDay> storedOpenDay(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select business_date, opened_at from business_day where state = 'OPEN' order by business_date desc");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(new OpenDay(rs.getObject(1, LocalDate.class), instant(rs, "opened_at")))
                    : Optional.empty();
        }
    }

    /** When the stored open business day opens, or opened: what an instance that does not lead answers. */
    static Optional<Instant> openDayOpening(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return storedOpenDay(c).map(OpenDay::opensAt);
        }
    }

    /**
     * The open business day as stored; on a new store, the one the calendar has open now, opening at
     * its opening (or now, when that has passed).
     */
    private OpenDay openBusinessDay(Connection c) throws SQLException {
        Optional<OpenDay> stored = storedOpenDay(c);
        if (stored.isPresent()) {
            return stored.get();
        }
        Instant now = clock.instant();
        LocalDate day = calendar.openAt(now);
        Instant opens = calendar.opensAt(day);
        Instant openedAt = opens.isAfter(now) ? opens : now;
        try (PreparedStatement s = c.prepareStatement(
                "insert into business_day (business_date, state, opened_at) values (?, 'OPEN', ?)")) {
            s.setObject(1, day);
            s.setObject(2, OffsetDateTime.ofInstant(openedAt, ZoneOffset.UTC));
            s.executeUpdate();
        }
        return new OpenDay(day, openedAt);
    }

    private static long max(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? 0 : value;
        }
    }

    private static PaymentRow row(ResultSet rs) throws SQLException {
        PaymentOrder order = new PaymentOrder(rs.getObject("uetr", UUID.class), rs.getString("end_to_end_id"),
                rs.getString("debtor_agent"), rs.getString("creditor_agent"), rs.getLong("amount"),
                rs.getString("currency"), Priority.valueOf(rs.getString("priority")), rs.getString("debtor_name"),
                rs.getString("debtor_account"), rs.getString("creditor_name"), rs.getString("creditor_account"),
                rs.getString("purpose"), rs.getString("remittance_info"),
                io.rmbsim.settlement.SettlementType.valueOf(rs.getString("settlement")),
                io.rmbsim.settlement.TransferKind.valueOf(rs.getString("kind")), rs.getObject("return_of", UUID.class));
        PaymentRow row = new PaymentRow(order, rs.getLong("seq"), rs.getObject("business_date", LocalDate.class),
                instant(rs, "accepted_at"), rs.getString("route"));
        row.accounts(rs.getString("debit1"), rs.getString("debit2"), rs.getString("credit1"), rs.getString("credit2"));
        row.status = PaymentStatus.valueOf(rs.getString("status"));
        row.reasonCode = rs.getString("reason_code");
        row.reason = rs.getString("reason");
        String method = rs.getString("settlement_method");
        row.method = method == null ? null : SettlementMethod.valueOf(method);
        row.settledAt = instant(rs, "settled_at");
        long run = rs.getLong("settlement_run");
        row.run = rs.wasNull() ? null : run;
        long position = rs.getLong("cips_position");
        row.cipsPosition = rs.wasNull() ? null : position;
        row.stored = true;
        return row;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}

package io.rmbsim.simulation;

import io.rmbsim.settlement.Admission;
import io.rmbsim.settlement.DayLog;
import io.rmbsim.settlement.QueueDiscipline;
import io.rmbsim.settlement.SettlementEngine;
import io.rmbsim.settlement.SettlementMethod;
import io.rmbsim.web.Problems;
import io.rmbsim.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads a closed live business day back as the engine was given it ({@link RecordedDay}): the day's
 * log ({@link DayLog}, written by the settlement sequencer) and its payments. Reads only: a replay
 * never touches the live ledger.
 */
@ApplicationScoped
public class LiveDays {

    /** What a replay needs to know of a day before it is read whole: enough to check it and to size the run. */
    public record Header(LocalDate businessDate, QueueDiscipline discipline, long payments, int accounts) {
    }

    private final DataSource dataSource;

    LiveDays(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The day, if it can be replayed: 404 when there is no such business day, 409 while it is open or
     * when its start was not logged (it began before the service logged its days).
     */
    public Header check(LocalDate date) {
        try (Connection c = dataSource.getConnection()) {
            String state;
            try (PreparedStatement s = c.prepareStatement("select state from business_day where business_date = ?")) {
                s.setObject(1, date);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new ProblemException(Problems.notFound("no business day " + date + " in the live ledger"));
                    }
                    state = rs.getString(1);
                }
            }
            if (!"CLOSED".equals(state)) {
                throw ProblemException.conflict("business day " + date + " is still open: only a closed day can be replayed");
            }
            QueueDiscipline discipline = null;
            int accounts = 0;
            boolean closed = false;
            try (PreparedStatement s = c.prepareStatement("select kind, discipline from settlement_log"
                    + " where business_date = ? and kind in ('DAY_START', 'ACCOUNT', 'CLOSE')")) {
                s.setObject(1, date);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        switch (DayLog.Kind.valueOf(rs.getString(1))) {
                            case DAY_START -> discipline = QueueDiscipline.valueOf(rs.getString(2));
                            case ACCOUNT -> accounts++;
                            default -> closed = true;
                        }
                    }
                }
            }
            if (discipline == null || !closed) {
                throw ProblemException.conflict("business day " + date + " was not logged from its start to its close "
                        + "(it began before this version of the service logged its days), so it cannot be replayed exactly");
            }
            long payments;
            try (PreparedStatement s = c.prepareStatement("select count(*) from payment where business_date = ?")) {
                s.setObject(1, date);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    payments = rs.getLong(1);
                }
            }
            return new Header(date, discipline, payments, accounts);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The whole day, as {@link #check} found it. */
    public RecordedDay load(Header header) {
        try (Connection c = dataSource.getConnection()) {
            return load(c, header.businessDate(), (int) Math.min(header.payments(), Integer.MAX_VALUE - 8));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static ProblemException unavailable(SQLException e) {
        return new ProblemException(Problems.simulationsUnavailable("the live ledger cannot be read: " + e.getMessage()), 5);
    }

    /** The payments' columns besides the stream, grown as they are read. */
    private static final class Columns {
        long[] seq;
        boolean[] deferred;
        UUID[] uetr;
        byte[] live;
        SettlementMethod[] method;
        String[] reason;
        long[] run;

        Columns(int capacity) {
            seq = new long[capacity];
            deferred = new boolean[capacity];
            uetr = new UUID[capacity];
            live = new byte[capacity];
            method = new SettlementMethod[capacity];
            reason = new String[capacity];
            run = new long[capacity];
        }

        void resize(int n) {
            if (n != seq.length) {
                seq = Arrays.copyOf(seq, n);
                deferred = Arrays.copyOf(deferred, n);
                uetr = Arrays.copyOf(uetr, n);
                live = Arrays.copyOf(live, n);
                method = Arrays.copyOf(method, n);
                reason = Arrays.copyOf(reason, n);
                run = Arrays.copyOf(run, n);
            }
        }
    }

    /** One row of the day's log, as stored. */
    private record Row(DayLog.Kind kind, long afterSeq, long at, String bic, String agent, long amount, long creditLine,
            long reserved, boolean flag, long paymentSeq, String discipline, long run) {
    }

    /** The day; {@code payments}, its count of payments, sizes the columns (they grow if there are more). */
    private static RecordedDay load(Connection c, LocalDate date, int payments) throws SQLException {
        List<Row> log = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select kind, after_seq, logged_at, bic, agent, amount, credit_line,"
                + " reserved, flag, payment_seq, discipline, settlement_run from settlement_log where business_date = ?"
                + " order by id")) {
            s.setObject(1, date);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    log.add(new Row(DayLog.Kind.valueOf(rs.getString(1)), rs.getLong(2),
                            rs.getObject(3, OffsetDateTime.class).toEpochSecond(), rs.getString(4), rs.getString(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9), rs.getLong(10), rs.getString(11),
                            rs.getLong(12)));
                }
            }
        }
        // the accounts, in the live engine's order: as the day started, then as they joined
        Map<String, Integer> index = new HashMap<>();
        List<PaymentStream.Participant> participants = new ArrayList<>();
        List<Row> accounts = new ArrayList<>();
        Set<Long> withdrawn = new HashSet<>();
        Row start = null;
        for (Row r : log) {
            if (r.kind() == DayLog.Kind.DAY_START && start == null) {
                start = r;
            } else if (r.kind() == DayLog.Kind.ACCOUNT && !index.containsKey(r.bic())) {
                int a = participants.size();
                index.put(r.bic(), a);
                participants.add(new PaymentStream.Participant(r.bic(), r.agent() == null,
                        r.agent() == null ? a : index.get(r.agent())));
                accounts.add(r);
            } else if (r.kind() == DayLog.Kind.WITHDRAW) {
                withdrawn.add(r.paymentSeq());
            }
        }
        int n = accounts.size();
        long[] balance = new long[n];
        long[] creditLine = new long[n];
        long[] reserved = new long[n];
        boolean[] held = new boolean[n];
        for (int a = 0; a < n; a++) {
            Row r = accounts.get(a);
            balance[a] = r.amount();
            creditLine[a] = r.creditLine();
            reserved[a] = r.reserved();
            held[a] = r.flag();
        }

        // the payments the engine took: in the order it took them, less those refused at admission or withdrawn before the day
        // in columns of primitives, as the stream holds its own: a day of millions of payments fits the
        // memory the run's estimate gave it (SimulationRun.RECORDED_BYTES_PER_PAYMENT)
        int capacity = Math.max(16, payments);
        PaymentStream stream = new PaymentStream(participants, capacity);
        Columns columns = new Columns(capacity);
        int m = 0;
        long last = Long.MIN_VALUE;
        try (PreparedStatement s = c.prepareStatement("select seq, uetr, debtor_agent, creditor_agent, amount, priority,"
                + " settlement, status, reason_code, settlement_method, accepted_at, settlement_run from payment"
                + " where business_date = ?"
                + " order by seq")) {
            s.setObject(1, date);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String status = rs.getString(8);
                    // still QUEUED under a closed day: rejected by its close, the rejection not written yet
                    String reason = "QUEUED".equals(status) ? SettlementEngine.NOT_COVERED_BY_END_OF_DAY : rs.getString(9);
                    long number = rs.getLong(1);
                    if ("REJECTED".equals(status) && Admission.refuses(reason) || withdrawn.contains(number)) {
                        continue;
                    }
                    Integer debtor = index.get(rs.getString(3));
                    Integer creditor = index.get(rs.getString(4));
                    if (debtor == null || creditor == null) {
                        throw new IllegalStateException("payment " + number + " of " + date + " names an account the day's log lacks");
                    }
                    // seconds, never backwards: a clock stepped back keeps the order the engine took them in
                    last = Math.max(last, rs.getObject(11, OffsetDateTime.class).toEpochSecond());
                    stream.add(last, debtor, creditor, rs.getLong(5), "HIGH".equals(rs.getString(6)));
                    if (m == columns.seq.length) {
                        columns.resize(m * 2);
                    }
                    columns.seq[m] = number;
                    columns.deferred[m] = "DNS".equals(rs.getString(7));
                    columns.uetr[m] = rs.getObject(2, UUID.class);
                    String method = rs.getString(10);
                    columns.live[m] = switch (status) {
                        case "SETTLED" -> RecordedDay.SETTLED;
                        case "CANCELLED" -> RecordedDay.CANCELLED;
                        default -> RecordedDay.REJECTED;
                    };
                    columns.method[m] = method == null ? null : SettlementMethod.valueOf(method);
                    columns.reason[m] = reason;
                    columns.run[m] = rs.getLong(12);
                    m++;
                }
            }
        }
        columns.resize(m);
        long[] seq = columns.seq;

        // the commands of the day, after its start
        List<RecordedDay.Entry> entries = new ArrayList<>();
        long closedAt = Long.MIN_VALUE;
        int restores = 0;
        for (Row r : log) {
            Integer account = r.bic() == null ? null : index.get(r.bic());
            int payment = -1;
            if (r.kind() == DayLog.Kind.CANCEL) {
                int p = Arrays.binarySearch(seq, r.paymentSeq());
                payment = p >= 0 ? p : -1;
            }
            if (r.kind() == DayLog.Kind.CLOSE) {
                closedAt = r.at();
            }
            if (r.kind() == DayLog.Kind.RESTORE) {
                restores++;
            }
            entries.add(new RecordedDay.Entry(r.kind(), r.afterSeq(), r.at(), account == null ? -1 : account, r.amount(),
                    r.flag(), payment, r.run()));
        }
        if (start == null || closedAt == Long.MIN_VALUE) {
            throw new IllegalStateException("business day " + date + " is not logged from its start to its close");
        }
        return new RecordedDay(date, QueueDiscipline.valueOf(start.discipline()), stream, seq, columns.deferred,
                columns.uetr, columns.live, columns.method, columns.reason, columns.run, balance, creditLine, reserved, held,
                start.flag(), entries, closedAt, restores);
    }
}

package io.rmbsim.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written before V13 keeps finding each payment's postings after the upgrade: V13 sets every
 * settled payment's credits_from and debits_from from its postings, then drops the index on their
 * UETR. Afterwards a posting costs its key and one index, posting_day_ix, and no foreign key check,
 * on both stores (H2's V14 drops the foreign key and the index H2 made for it). The postings are laid
 * out as an offset writes them: the command's credits, then its debits, two payments interleaved, one
 * of them with two credits and two debits (an indirect to an indirect).
 */
class LedgerMigrationTest {

    @TempDir
    Path dir;

    @Test
    void anH2StoreWrittenBeforeV13FindsEveryPaymentsPostingsAfterIt() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("rmbsim") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection keepsTheStoreOpen = DriverManager.getConnection(url, "sa", "")) {
            upgradeAndCheck(url, "sa", "", "h2");
        }
    }

    /** The same on PostgreSQL, in the {@code -Ppostgres} run (a scratch database of its own). */
    @Test
    @EnabledIfEnvironmentVariable(named = "QUARKUS_DATASOURCE_JDBC_URL", matches = "jdbc:postgresql:.*")
    void aPostgreSqlStoreWrittenBeforeV13FindsEveryPaymentsPostingsAfterIt() throws SQLException {
        String user = ScratchDatabase.user();
        String password = ScratchDatabase.password();
        try (ScratchDatabase db = ScratchDatabase.create("rmbsim_v13")) {
            upgradeAndCheck(db.url(), user, password, "postgresql");
        }
    }

    private static void upgradeAndCheck(String url, String user, String password, String kind) throws SQLException {
        // as the service migrates at start: the portable migrations and the store's own
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration", "classpath:db/migration-" + kind)
                .target("12").load().migrate();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID queued = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            LocalDate today = now.toLocalDate();
            for (String bic : new String[] {"HRBNCNBHXXX", "ICBKCNBJXXX", "SABRRUMMXXX", "VTBRRUMMXXX"}) {
                update(c, "insert into participant (bic, name, country, participation, institution_type, status, created_at,"
                        + " updated_at) values (?, ?, 'CN', 'DIRECT', 'BANK', 'ACTIVE', ?, ?)", bic, "Bank " + bic, now, now);
                update(c, "insert into settlement_account (bic, held_at, balance, opened_at) values (?, 'CIPS', 0, ?)", bic, now);
            }
            payment(c, a, 1, "SETTLED", today, now);
            payment(c, b, 2, "SETTLED", today, now);
            payment(c, queued, 3, "QUEUED", today, now);
            // one offset: the credits of a (two) and b, then the debits of a (two) and b
            posting(c, 10, "SABRRUMMXXX", 100, a, today, now);
            posting(c, 11, "ICBKCNBJXXX", 100, a, today, now);
            posting(c, 12, "HRBNCNBHXXX", 50, b, today, now);
            posting(c, 13, "VTBRRUMMXXX", -100, a, today, now);
            posting(c, 14, "HRBNCNBHXXX", -100, a, today, now);
            posting(c, 15, "ICBKCNBJXXX", -50, b, today, now);
            update(c, "insert into posting (id, account_bic, business_date, amount, balance_after, kind, reference, posted_at)"
                    + " values (16, 'HRBNCNBHXXX', ?, 500, 500, 'LIQUIDITY_IN', 'FUND-1', ?)", today, now);
        }

        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration", "classpath:db/migration-" + kind)
                .load().migrate();

        try (Connection c = DriverManager.getConnection(url, user, password)) {
            assertThat(from(c, a)).containsExactly(10L, 13L);
            assertThat(from(c, b)).containsExactly(12L, 15L);
            assertThat(from(c, queued)).containsExactly(null, null);
            // what GET /payments/{uetr}/postings reads (Ledger.postingsOf): exactly each payment's own
            assertThat(postingsOf(c, a)).containsExactly(10L, 11L, 13L, 14L);
            assertThat(postingsOf(c, b)).containsExactly(12L, 15L);
            // the indexes on posting and their columns (getIndexInfo gives a row per index column)
            Map<String, List<String>> indexes = new LinkedHashMap<>();
            try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, "posting", false, false)) {
                while (rs.next()) {
                    indexes.computeIfAbsent(lower(rs.getString("INDEX_NAME")), k -> new ArrayList<>())
                            .add(lower(rs.getString("COLUMN_NAME")));
                }
            }
            assertThat(indexes).containsKey("posting_day_ix").doesNotContainKeys("posting_uetr_ix", "posting_account_ix");
            // besides its key (on id alone), posting_day_ix is the only index a posting is written to
            indexes.values().removeIf(List.of("id")::equals);
            assertThat(indexes).containsOnlyKeys("posting_day_ix");
            try (ResultSet rs = c.getMetaData().getImportedKeys(null, null, "posting")) {
                assertThat(rs.next()).as("a foreign key on posting").isFalse();
            }
        }
    }

    private static String lower(String name) {
        return String.valueOf(name).toLowerCase(Locale.ROOT);
    }

    private static List<Long> from(Connection c, UUID uetr) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select credits_from, debits_from from payment where uetr = ?")) {
            s.setObject(1, uetr);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                List<Long> both = new ArrayList<>();
                both.add(rs.getObject(1) == null ? null : rs.getLong(1));
                both.add(rs.getObject(2) == null ? null : rs.getLong(2));
                return both;
            }
        }
    }

    private static List<Long> postingsOf(Connection c, UUID uetr) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select p.id from posting p join payment y on y.uetr = ?"
                + " where p.uetr = y.uetr and (p.id between y.credits_from and y.credits_from + 1"
                + " or p.id between y.debits_from and y.debits_from + 1) order by p.id")) {
            s.setObject(1, uetr);
            try (ResultSet rs = s.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        }
    }

    private static void payment(Connection c, UUID uetr, long seq, String status, LocalDate day, OffsetDateTime now)
            throws SQLException {
        update(c, "insert into payment (uetr, seq, end_to_end_id, debtor_agent, creditor_agent, amount, currency, priority,"
                + " status, business_date, accepted_at, route) values (?, ?, 'E2E', 'VTBRRUMMXXX', 'SABRRUMMXXX', 100, 'CNY',"
                + " 'NORM', ?, ?, ?, 'VTBRRUMMXXX>SABRRUMMXXX')", uetr, seq, status, day, now);
    }

    private static void posting(Connection c, long id, String bic, long amount, UUID uetr, LocalDate day, OffsetDateTime now)
            throws SQLException {
        update(c, "insert into posting (id, account_bic, business_date, amount, balance_after, kind, uetr, counterparty,"
                + " posted_at) values (?, ?, ?, ?, 1000, 'PAYMENT', ?, 'SABRRUMMXXX', ?)", id, bic, day, amount, uetr, now);
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}

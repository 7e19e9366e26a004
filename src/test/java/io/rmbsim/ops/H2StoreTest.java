package io.rmbsim.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's check constraints hold for every session, not only for the one that created them.
 *
 * <p>H2 2.4.240 evaluates a {@code CHECK (x IN (...))} with a comparator of the session that created
 * it; once that session has closed, every later write to the table fails with "Check constraint
 * invalid" (H2 error 23514) until the database is reopened (h2database issues 4302, 4308; fix in PR
 * 4311). In the service the creating session is Flyway's pooled connection: when the pool retires it,
 * every settlement write fails while the rest of the pool keeps the database open. Here the same:
 * one connection keeps the database open, Flyway migrates a fresh file store and closes its
 * connections, and a connection opened afterwards writes what settlement writes.
 */
class H2StoreTest {

    /** The service's H2 URL (application.properties) on a file of this test's own. */
    private static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("rmbsim") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0";
    }

    @TempDir
    Path dir;

    @Test
    void settlementWritesStillSucceedAfterTheFirstSessionCloses() throws SQLException {
        String url = h2Url(dir);
        try (Connection keepsTheStoreOpen = DriverManager.getConnection(url, "sa", "")) {
            migrate(url, "sa", "");
            try (Connection later = DriverManager.getConnection(url, "sa", "")) {
                writeWhatSettlementWrites(later);
                assertThat(count(later, "posting")).isEqualTo(2);
                assertThat(count(later, "payment")).isEqualTo(1);
            }
        }
    }

    @Test
    void aValueOutsideItsListIsStillRefusedAfterTheFirstSessionCloses() throws SQLException {
        String url = h2Url(dir);
        try (Connection keepsTheStoreOpen = DriverManager.getConnection(url, "sa", "")) {
            migrate(url, "sa", "");
            try (Connection later = DriverManager.getConnection(url, "sa", "")) {
                writeWhatSettlementWrites(later);
                // H2's code for a row that violates a check is 23513 (23514 is "the check itself failed")
                assertEveryListIsEnforced(later, "23513");
            }
        }
    }

    /** The same migrations and writes on PostgreSQL, in the {@code -Ppostgres} run (a scratch database of its own). */
    @Test
    @EnabledIfEnvironmentVariable(named = "QUARKUS_DATASOURCE_JDBC_URL", matches = "jdbc:postgresql:.*")
    void theSameConstraintsHoldOnPostgreSql() throws SQLException {
        String user = ScratchDatabase.user();
        String password = ScratchDatabase.password();
        try (ScratchDatabase db = ScratchDatabase.create("rmbsim_h2store")) {
            migrate(db.url(), user, password);
            try (Connection later = DriverManager.getConnection(db.url(), user, password)) {
                writeWhatSettlementWrites(later);
                assertThat(count(later, "posting")).isEqualTo(2);
                // PostgreSQL's check_violation
                assertEveryListIsEnforced(later, "23514");
            }
        }
    }

    /** As the service migrates at start (quarkus.flyway.migrate-at-start): the portable migrations and the store's own. */
    private static void migrate(String url, String user, String password) {
        String kind = url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration", "classpath:db/migration-" + kind)
                .load().migrate();
    }

    /**
     * A direct participant with its account, an onboarding application and an alliance member, then
     * a business day, a settled payment and its two postings: a row for every listed-value column.
     */
    private static void writeWhatSettlementWrites(Connection c) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate today = now.toLocalDate();
        for (String bic : new String[] {"HRBNCNBHXXX", "SABRRUMMXXX"}) {
            update(c, "insert into participant (bic, name, country, participation, institution_type, status, created_at,"
                    + " updated_at) values (?, ?, ?, ?, 'BANK', ?, ?, ?)", bic, "Bank " + bic, bic.substring(4, 6), "DIRECT",
                    "ACTIVE", now, now);
            update(c, "insert into settlement_account (bic, held_at, balance, opened_at) values (?, 'CIPS', 0, ?)", bic, now);
        }
        update(c, "insert into onboarding_application (id, bic, name, country, settlement_agent, institution_type, status,"
                + " submitted_at) values (?, 'VTBRRUMMXXX', 'VTB', 'RU', 'HRBNCNBHXXX', 'BANK', ?, ?)", UUID.randomUUID(),
                "PENDING", now);
        update(c, "insert into alliance_member (id, name, category, country, joined_on, status, created_at)"
                + " values (?, 'Harbin Trust', ?, 'CN', ?, ?, ?)", UUID.randomUUID(), "TRUST", today, "ACTIVE", now);
        update(c, "insert into business_day (business_date, state, opened_at) values (?, ?, ?)", today, "OPEN", now);
        UUID uetr = UUID.randomUUID();
        update(c, "insert into payment (uetr, seq, end_to_end_id, debtor_agent, creditor_agent, amount, currency, priority,"
                + " status, business_date, accepted_at, route) values (?, 1, 'E2E-1', 'HRBNCNBHXXX', 'SABRRUMMXXX', 100, 'CNY',"
                + " 'NORM', ?, ?, ?, 'HRBNCNBHXXX>SABRRUMMXXX')", uetr, "QUEUED", today, now);
        update(c, "insert into posting (id, account_bic, business_date, amount, balance_after, kind, reference, posted_at)"
                + " values (1, 'HRBNCNBHXXX', ?, 100, 100, ?, 'FUND-1', ?)", today, "LIQUIDITY_IN", now);
        update(c, "insert into posting (id, account_bic, business_date, amount, balance_after, kind, uetr, counterparty,"
                + " posted_at) values (2, 'HRBNCNBHXXX', ?, -100, 0, ?, ?, 'SABRRUMMXXX', ?)", today, "PAYMENT", uetr, now);
        update(c, "update payment set status = ?, settled_at = ? where uetr = ?", "SETTLED", now, uetr);
        update(c, "update participant set status = ? where bic = 'SABRRUMMXXX'", "SUSPENDED");
        update(c, "update business_day set state = ?, closed_at = ? where business_date = ?", "CLOSED", now, today);
    }

    /** Each listed-value column refuses a value outside its list, with the store's check-violation code. */
    private static void assertEveryListIsEnforced(Connection c, String checkViolation) {
        assertRefused(c, checkViolation, "posting_kind_ck", "update posting set kind = ? where id = 1", "GIFT");
        assertRefused(c, checkViolation, "payment_status_ck", "update payment set status = ?", "LOST");
        assertRefused(c, checkViolation, "day_state_ck", "update business_day set state = ?", "AJAR");
        // a participation or member status outside its list breaks participant_agent_ck or member_left_ck
        // too: either may be the one named
        assertRefused(c, checkViolation, "participant_(participation|agent)_ck", "update participant set participation = ?"
                + " where bic = 'HRBNCNBHXXX'", "OBSERVER");
        assertRefused(c, checkViolation, "participant_status_ck", "update participant set status = ?", "GONE");
        assertRefused(c, checkViolation, "application_status_ck", "update onboarding_application set status = ?", "MAYBE");
        assertRefused(c, checkViolation, "member_category_ck", "update alliance_member set category = ?", "PAWN");
        assertRefused(c, checkViolation, "member_(status|left)_ck", "update alliance_member set status = ?", "ASLEEP");
    }

    /** {@code constraint}: a pattern for the name of the constraint that the message names. */
    private static void assertRefused(Connection c, String checkViolation, String constraint, String sql, String value) {
        assertThatThrownBy(() -> update(c, sql, value)).as("%s refuses %s", constraint, value)
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).as("SQL state of %s", e.getMessage()).isEqualTo(checkViolation);
                    assertThat(e.getMessage()).containsPattern(constraint);
                });
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

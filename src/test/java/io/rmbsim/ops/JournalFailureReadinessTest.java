package io.rmbsim.ops;

import static io.rmbsim.Api.anonymous;
import static io.rmbsim.Payments.fund;
import static io.rmbsim.Payments.newDirect;
import static io.rmbsim.Payments.pay;
import static io.rmbsim.Payments.payment;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rmbsim.Payments;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The store takes reads but refuses settlement's writes (as H2 2.4.240 once did with a check
 * constraint): readiness must say so instead of answering UP while every payment fails, and come
 * back by itself once the journal can be written again. A bean-level test: it changes the schema.
 */
@QuarkusTest
class JournalFailureReadinessTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readinessTurnsDownWhileTheJournalCannotWriteAndUpWhenItCanAgain() throws SQLException {
        String x = newDirect();
        String y = newDirect();
        fund(x, "10.00");
        anonymous().get("/q/health/ready").then().statusCode(200);
        // no posting after those already written: the rows there stay valid, every new one is refused
        execute("alter table posting add constraint test_refuses_payments check (id <= " + lastPostingId() + ")");
        try {
            Payments.pay(payment(x, y, "1.00")).statusCode(503);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> anonymous().get("/q/health/ready").then()
                    .statusCode(503).body("status", equalTo("DOWN")));
            // and it stays DOWN: the timetable's step every second writes no posting and proves nothing
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    anonymous().get("/q/health/ready").then().statusCode(503));
        } finally {
            execute("alter table posting drop constraint test_refuses_payments");
        }
        // an idle sequencer probes the journal and finds it writable again
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> anonymous().get("/q/health/ready").then().statusCode(200));
        pay(x, y, "1.00");
    }

    private long lastPostingId() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select coalesce(max(id), 0) from posting")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

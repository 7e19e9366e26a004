package io.rmbsim.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phase II timetable on the packaged service, by its sandbox clock ({@code settlement.clock-start}):
 * started a little before an opening or a close, it is watched while the clock passes it. A payment
 * taken while settlement is closed waits and settles at Monday's 04:30 opening; the night session
 * belongs to its business day, a payment during end-of-day processing to the next one, and the day
 * closes by itself at 08:30 with the next opening at once. On its own store (a fresh H2 file, or a
 * scratch PostgreSQL database with {@code -Ppostgres}).
 */
class TimetableIT {

    static final String ICBC = "ICBKCNBJXXX";
    static final String BOC = "BKCHCNBJXXX";

    @TempDir
    Path dir;

    /** What the last service started here was given (its store among them). */
    private Map<String, String> lastProperties = Map.of();
    /** Scratch databases dropped when the test is done. */
    private final java.util.List<ScratchDatabase> databases = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void dropDatabases() throws Exception {
        for (ScratchDatabase db : databases) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void aPaymentTakenWhileClosedSettlesAtMondaysOpeningAt0430() throws Exception {
        // Monday 7 December 2026, 04:29:00 Beijing: Friday's day closed on Saturday at 08:30
        try (Service s = start("monday", "2026-12-07T04:29:00+08:00")) {
            JsonPath day = s.day();
            assertThat(day.getString("businessDate")).isEqualTo("2026-12-07");
            assertThat(day.getString("state")).isEqualTo("CLOSED");
            assertThat(day.getString("session")).isEqualTo("CLOSED");
            assertThat(Instant.parse(day.getString("opensAt"))).isEqualTo(Instant.parse("2026-12-06T20:30:00Z"));
            s.fund(ICBC, "1000.00");
            String uetr = s.pay(ICBC, BOC, "250.00");
            assertThat(s.payment(uetr).getString("status")).as("settlement is closed: it waits").isEqualTo("QUEUED");
            assertThat(s.payment(uetr).getString("businessDate")).isEqualTo("2026-12-07");
            await("Monday's opening at 04:30").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> "SETTLED".equals(s.payment(uetr).getString("status")));
            assertThat(Instant.parse(s.payment(uetr).getString("settledAt")))
                    .isAfterOrEqualTo(Instant.parse("2026-12-06T20:30:00Z"));
            assertThat(s.day().getString("session")).isEqualTo("DAY");
        }
    }

    @Test
    void theNightSessionBelongsToItsDayWhichClosesAt0830WithTheNextOpeningAtOnce() throws Exception {
        String late;
        // Tuesday 1 December 2026, 07:59:00 Beijing: Monday's night session
        try (Service s = start("tuesday", "2026-12-01T07:59:00+08:00")) {
            assertThat(s.day().getString("businessDate")).isEqualTo("2026-11-30");
            assertThat(s.day().getString("session")).isEqualTo("NIGHT");
            s.fund(ICBC, "1000.00");
            String night = s.pay(ICBC, BOC, "100.00");
            assertThat(s.payment(night).getString("status")).isEqualTo("SETTLED");
            assertThat(s.payment(night).getString("businessDate")).isEqualTo("2026-11-30");
            await("end-of-day processing at 08:00").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> "END_OF_DAY".equals(s.day().getString("session")));
            late = s.pay(ICBC, BOC, "100.00");
            assertThat(s.payment(late).getString("businessDate")).as("taken for the next business day").isEqualTo("2026-12-01");
            assertThat(s.payment(late).getString("status")).isEqualTo("QUEUED");
            s.service().stop();
        }
        // the same store, started again a little before 08:30: the payment taken for Tuesday is still waiting
        try (Service s = again("tuesday", "2026-12-01T08:29:00+08:00")) {
            assertThat(s.day().getString("businessDate")).isEqualTo("2026-11-30");
            assertThat(s.payment(late).getString("status")).isEqualTo("QUEUED");
            await("Monday closes at 08:30, Tuesday opens").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> "2026-12-01".equals(s.day().getString("businessDate")));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> "SETTLED".equals(s.payment(late).getString("status")));
            assertThat(s.day().getString("state")).isEqualTo("OPEN");
            assertThat(s.log()).contains("Business day 2026-11-30 closed at its close");
        }
    }

    /** The service of an earlier start of this test, on the same store, with another sandbox clock. */
    private Service again(String name, String clockStart) throws Exception {
        Map<String, String> properties = new HashMap<>(lastProperties);
        properties.put("settlement.clock-start", clockStart);
        return new Service(new RunningService(dir.resolve(name), properties).start(), null);
    }

    private Service start(String name, String clockStart) throws Exception {
        assumeTrue(RunningService.packaged(), "run by mvn verify after the package phase");
        ScratchDatabase db = RunningService.postgresBuild() ? ScratchDatabase.create("rmbsim_timetable") : null;
        Map<String, String> properties = new HashMap<>(Map.of("settlement.timetable", "phase-ii",
                "settlement.clock-start", clockStart, "settlement.auto-close", "true"));
        if (db != null) {
            properties.put("quarkus.datasource.jdbc.url", db.url());
        }
        lastProperties = properties;
        databases.add(db);
        return new Service(new RunningService(dir.resolve(name), properties).start(), db);
    }

    /** The service and what the tests ask of it. */
    record Service(RunningService service, ScratchDatabase db) implements AutoCloseable {

        JsonPath day() {
            return service.request().get("/api/v1/settlement/day").then().statusCode(200).extract().jsonPath();
        }

        JsonPath payment(String uetr) {
            return service.request().get("/api/v1/payments/" + uetr).then().statusCode(200).extract().jsonPath();
        }

        void fund(String bic, String amount) {
            service.request().contentType(ContentType.JSON).body(Map.of("direction", "IN", "amount", amount,
                    "currency", "CNY", "reference", "TIMETABLE")).post("/api/v1/accounts/" + bic + "/liquidity")
                    .then().statusCode(200);
        }

        String pay(String debtor, String creditor, String amount) {
            String uetr = UUID.randomUUID().toString();
            service.request().contentType(ContentType.JSON).body(Map.of("uetr", uetr, "endToEndId", "TIMETABLE",
                    "debtorAgent", debtor, "creditorAgent", creditor, "amount", amount, "currency", "CNY"))
                    .post("/api/v1/payments").then().statusCode(201);
            return uetr;
        }

        String log() throws java.io.IOException {
            return service.log();
        }

        @Override
        public void close() throws Exception {
            service.close();
        }
    }
}

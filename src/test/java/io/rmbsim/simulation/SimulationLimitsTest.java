package io.rmbsim.simulation;

import static io.rmbsim.Api.as;
import static io.rmbsim.Api.get;
import static io.rmbsim.Api.given;
import static io.rmbsim.Api.invalidField;
import static io.rmbsim.Api.post;
import static io.rmbsim.Api.postRaw;
import static io.rmbsim.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.rmbsim.Api;
import io.rmbsim.TestData;
import io.rmbsim.cluster.LeadershipGained;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.awaitility.pollinterval.FibonacciPollInterval;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The limits of simulations as a caller meets them: retention, the store, seeds, CSV as spreadsheets write it. */
@QuarkusTest
class SimulationLimitsTest {

    static final String SIMULATIONS = "/api/v1/simulations";

    @Inject
    Simulations simulations;

    @Inject
    DataSource dataSource;

    /** Two payments between two banks: a run that takes milliseconds. */
    static Map<String, Object> tiny(int seed) {
        return Map.of("seed", seed, "modes", List.of("RTGS"), "payments", List.of(
                Map.of("time", "2021-03-01T09:00:00+08:00", "debtorAgent", "XAAACNX0", "creditorAgent", "YAAACNX0", "amount", "1.00"),
                Map.of("time", "2021-03-01T09:05:00+08:00", "debtorAgent", "YAAACNX0", "creditorAgent", "XAAACNX0", "amount", "2.00")));
    }

    /** A member token of its own subject: an owner no other test shares. */
    static String newOwner() {
        return Api.token("member", TestData.HARBIN, "limits-" + UUID.randomUUID());
    }

    static int config(String key) {
        return ConfigProvider.getConfig().getValue(key, Integer.class);
    }

    /** Starts a run as {@code token} and waits until it has ended; a 429 (a short queue) is retried with backoff. */
    static String runAs(String token, Map<String, Object> body) {
        AtomicReference<String> id = new AtomicReference<>();
        await("a run accepted").atMost(Duration.ofMinutes(2)).pollInterval(FibonacciPollInterval.fibonacci()).until(() -> {
            ExtractableResponse<Response> r = as(token).contentType(ContentType.JSON).body(body).when().post(SIMULATIONS).then().extract();
            assertThat(r.statusCode()).as(r.asString()).isIn(202, 429);
            id.set(r.statusCode() == 202 ? r.path("id") : null);
            return id.get() != null;
        });
        await("run " + id.get()).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() ->
                !java.util.Set.of("QUEUED", "RUNNING").contains(as(token).get(SIMULATIONS + "/" + id.get()).then().statusCode(200).extract().path("status")));
        return id.get();
    }

    @Test
    void anOwnersFinishedRunsBeyondItsCapAreDroppedOldestFirst() {
        int cap = config("simulation.retained-runs-per-owner");
        String owner = newOwner();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cap + 2; i++) {
            ids.add(runAs(owner, tiny(i)));
        }
        List<String> listed = as(owner).get(SIMULATIONS + "?size=500").then().statusCode(200).extract().path("items.id");
        assertThat(listed).containsExactlyElementsOf(ids.subList(2, ids.size()));
        problem(as(owner).get(SIMULATIONS + "/" + ids.get(0)).then(), 404);
        problem(given().get(SIMULATIONS + "/" + ids.get(1)).then(), 404);
    }

    @Test
    void finishedRunsBeyondTheTotalCapAreDroppedOldestFirstWhoeverStartedThem() {
        int total = config("simulation.retained-runs");
        int perOwner = config("simulation.retained-runs-per-owner");
        List<String> owners = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (ids.size() <= total) {
            if (owners.isEmpty() || ids.size() % perOwner == perOwner - 1) {
                owners.add(newOwner());
            }
            ids.add(runAs(owners.get(owners.size() - 1), tiny(ids.size())));
        }
        JsonPath all = get(SIMULATIONS + "?size=500").statusCode(200).extract().jsonPath();
        List<String> statuses = all.getList("items.status");
        assertThat(statuses.stream().filter(s -> !s.equals("RUNNING") && !s.equals("QUEUED")).count()).isLessThanOrEqualTo(total);
        problem(get(SIMULATIONS + "/" + ids.get(0)), 404);
        problem(as(owners.get(0)).get(SIMULATIONS + "/" + ids.get(0)).then(), 404);
        get(SIMULATIONS + "/" + ids.get(ids.size() - 1)).statusCode(200).body("status", equalTo("DONE"));
    }

    @Test
    void aFinishedRunsReportIsKeptInTheDatabaseAndReadFromThereOnceNoLongerInMemory() throws Exception {
        String id = SimulationResourceTest.start(Map.of("scenario", "harbin-ftz-2021h1", "seed", 9, "modes", List.of("RTGS", "DNS")));
        Map<String, Object> first = SimulationResourceTest.done(id).getMap("report");
        assertThat(simulations.running(UUID.fromString(id))).as("only running runs stay in memory").isEmpty();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT status, report FROM simulation_run WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("DONE");
                assertThat(r.getString(2)).startsWith("{").contains("\"scenario\":\"harbin-ftz-2021h1\"");
            }
        }
        simulations.forgetReports();
        assertThat(get(SIMULATIONS + "/" + id).statusCode(200).extract().jsonPath().getMap("report")).isEqualTo(first);
        String csv = given().get(SIMULATIONS + "/" + id + "/report.csv").then().statusCode(200).extract().asString();
        assertThat(csv).contains("DNS,HCCBCNBHXXX,");
    }

    @Test
    void aRunThatWasRunningWhenTheServiceDiedAnswersFailedOnceTheServiceIsBack() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO simulation_run (id, owner, scenario, status, progress, created_at) VALUES (?, ?, ?, 'RUNNING', 0.4, ?)")) {
            s.setObject(1, id);
            s.setString(2, "a-previous-instance");
            s.setString(3, "cips-2023-year");
            s.setObject(4, OffsetDateTime.now());
            s.executeUpdate();
        }
        get(SIMULATIONS + "/" + id).statusCode(200).body("status", equalTo("RUNNING"));
        // what the service does when it starts, or takes over from an instance that died
        simulations.takeUp(new LeadershipGained(1));
        get(SIMULATIONS + "/" + id).statusCode(200).body("status", equalTo("FAILED"))
                .body("error", containsString("restarted"));
        given().delete(SIMULATIONS + "/" + id).then().statusCode(204);
    }

    @Test
    void aSeedThatIsNotAWholeNumberIsRefused() {
        invalidField(post(SIMULATIONS, Map.of("scenario", "harbin-ftz-2021h1", "seed", 1.9, "modes", List.of("RTGS"))), "seed");
        invalidField(postRaw(SIMULATIONS, "{\"scenario\": \"harbin-ftz-2021h1\", \"seed\": 1e3, \"modes\": [\"RTGS\"]}"), "seed");
        invalidField(postRaw(SIMULATIONS, "{\"scenario\": \"harbin-ftz-2021h1\", \"seed\": \"7\", \"modes\": [\"RTGS\"]}"), "seed");
        invalidField(given().contentType("text/csv").body(CSV_HEADER + ROW).queryParam("seed", "1.9").when().post(SIMULATIONS).then(), "seed");
        invalidField(given().contentType("text/csv").body(CSV_HEADER + ROW).queryParam("seed", "1e3").when().post(SIMULATIONS).then(), "seed");
    }

    // --- CSV ------------------------------------------------------------------------------------

    static final String CSV_HEADER = "time,debtorAgent,creditorAgent,amount,priority\n";
    static final String ROW = "2021-03-01T09:00:00+08:00,HCCBCNBH,ICBKCNBJ,500.00,NORM\n";

    static io.restassured.response.ValidatableResponse postCsv(String csv) {
        return given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("seed", 1).queryParam("modes", "RTGS").when().post(SIMULATIONS).then();
    }

    @Test
    void aPaymentTimeFarOutsideTheCalendarIsRefusedUpFrontNamingTheFieldNotAJavaException() {
        var request = Map.of("seed", 1, "modes", List.of("RTGS"), "payments", List.of(
                Map.of("time", "+999999999-12-31T23:00:00-18:00", "debtorAgent", "XAAACNX0", "creditorAgent", "YAAACNX0",
                        "amount", "1.00")));
        invalidField(post(SIMULATIONS, request), "payments[0].time")
                .body("detail", org.hamcrest.Matchers.not(containsString("EpochDay")))
                .body("errors[0].message", containsString("1970"));
    }

    @Test
    void aCsvAsSpreadsheetsWriteItWithByteOrderMarkQuotesAndCrlfIsSimulated() {
        String csv = "\uFEFFtime,debtorAgent,creditorAgent,amount,priority,note\r\n"
                + "\"2021-03-01T09:00:00+08:00\",\"HCCBCNBH\",ICBKCNBJ,\"500.00\",NORM,\"invoice 12, \"\"urgent\"\"\"\r\n"
                + "2021-03-01T10:00:00+08:00,ICBKCNBJ,HCCBCNBH,200.00,HIGH,\"a note\r\non two lines\"\r\n"
                + "\r\n"
                + "2021-03-01T11:00:00+08:00,ICBKCNBJ,HCCBCNBH,0.50,,\r\n";
        String id = postCsv(csv).statusCode(202).extract().path("id");
        JsonPath r = SimulationResourceTest.done(id);
        assertThat(r.getInt("report.payments")).isEqualTo(3);
        assertThat(r.getString("report.paymentsValue")).isEqualTo("700.50");
        assertThat(r.getString("report.modes.RTGS.settledValue")).isEqualTo("700.50");
    }

    @Test
    void aCsvErrorNamesTheLineTheColumnAndTheValue() {
        problem(postCsv(CSV_HEADER + ROW + "2021-03-01T09:10:00+08:00,HCCBCNBH,ICBKCNBJ,\"12,5\",NORM\n"), 400)
                .body("errors[0].field", equalTo("line 3, column 4 (amount)"))
                .body("detail", containsString("'12,5'"));
        problem(postCsv(CSV_HEADER + "2021-03-01T09:00:00+08:00,NOTABIC,ICBKCNBJ,1.00,NORM\n"), 400)
                .body("errors[0].field", equalTo("line 2, column 2 (debtorAgent)"))
                .body("detail", containsString("'NOTABIC'")).body("reasonCode", equalTo("RC01"));
        problem(postCsv(CSV_HEADER + ROW + ROW + "yesterday,HCCBCNBH,ICBKCNBJ,1.00,NORM\n"), 400)
                .body("errors[0].field", equalTo("line 4, column 1 (time)")).body("detail", containsString("'yesterday'"));
        problem(postCsv(CSV_HEADER + "2021-03-01T09:00:00+08:00,HCCBCNBH,ICBKCNBJ,1.00,SOON\n"), 400)
                .body("errors[0].field", equalTo("line 2, column 5 (priority)")).body("detail", containsString("'SOON'"));
        problem(postCsv(CSV_HEADER + "2021-03-01T09:00:00+08:00,HCCBCNBH,\"ICBK\"CNBJ,1.00,NORM\n"), 400)
                .body("errors[0].field", equalTo("line 2, column 3"));
        problem(postCsv(CSV_HEADER + "2021-03-01T09:00:00+08:00,HCCBCNBH,ICBKCNBJ,1.00\n"), 400)
                .body("errors[0].field", equalTo("line 2")).body("detail", containsString("4 fields; the header has 5"));
    }

    @Test
    void csvOptionsHaveTheCapsOfJson() {
        StringBuilder levels = new StringBuilder("0");
        for (int i = 1; i <= SimulationRequest.MAX_SWEEP; i++) {
            levels.append(",0.5");
        }
        invalidField(given().contentType("text/csv").body(CSV_HEADER + ROW).queryParam("sweep", levels.toString())
                .when().post(SIMULATIONS).then(), "sweep");
        invalidField(given().contentType("text/csv").body(CSV_HEADER + ROW).queryParam("modes", "RTGS,RTGS,RTGS,RTGS")
                .when().post(SIMULATIONS).then(), "modes");
        invalidField(post(SIMULATIONS, Map.of("scenario", "harbin-ftz-2021h1", "seed", 1, "modes", List.of("RTGS"),
                "sweep", java.util.Collections.nCopies(SimulationRequest.MAX_SWEEP + 1, 0.5))), "sweep");
    }
}

package io.rmbsim.simulation;

import static io.rmbsim.Api.as;
import static io.rmbsim.Api.get;
import static io.rmbsim.Api.invalidField;
import static io.rmbsim.Api.post;
import static io.rmbsim.Api.problem;
import static io.rmbsim.Payments.fund;
import static io.rmbsim.Payments.newDirect;
import static io.rmbsim.Payments.newIndirect;
import static io.rmbsim.Payments.pay;
import static io.rmbsim.Payments.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.rmbsim.Api;
import io.rmbsim.Payments;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replay of a live business day (contract 1.1, "Simulations"): a day driven through the API, with a
 * queue, a bilateral offset on arrival, an offset run, an indirect participant paying on its credit
 * line, a netting cycle, a cancellation, liquidity in and out and a payment left for the close, is
 * closed and replayed. Under RTGS_LSM with its own liquidity the replay ends every payment as the day
 * did, by the same method; under plain RTGS it does not (nothing offsets), and with liquidity at the
 * upper bound plain RTGS would have settled everything on arrival.
 */
@QuarkusTest
class ReplayTest {

    static final String SIMULATIONS = "/api/v1/simulations";

    @Test
    void aClosedLiveDayReplayedUnderItsOwnRulesEndsEveryPaymentAsItDidLive() {
        // a day of its own, logged from its start
        String day = post("/api/v1/settlement/day/close").statusCode(200).extract().path("openedDate");
        String a = newDirect();
        String b = newDirect();
        String c = newDirect();
        String d = newIndirect(a, "RU");
        fund(a, "200.00");
        as(Api.operator()).contentType(ContentType.JSON).body(Map.of("amount", "80.00", "currency", "CNY"))
                .put("/api/v1/accounts/" + d + "/credit-line").then().statusCode(200);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(pay(a, b, "100.00"), "SETTLED RTGS");                // a 100, b 100
        expected.put(pay(b, c, "300.00"), "SETTLED BILATERAL_OFFSET");    // queues at b
        expected.put(pay(c, b, "300.00"), "SETTLED BILATERAL_OFFSET");    // offsets it on arrival
        expected.put(pay(a, b, "500.00"), "SETTLED MULTILATERAL_OFFSET"); // a gridlock of three...
        expected.put(pay(b, c, "500.00"), "SETTLED MULTILATERAL_OFFSET");
        expected.put(pay(c, a, "500.00"), "SETTLED MULTILATERAL_OFFSET");
        // covered at its agent on its credit line, then queued at CIPS behind its agent's own payment
        expected.put(pay(d, c, "50.00"), "SETTLED MULTILATERAL_OFFSET");
        post("/api/v1/settlement/offset").statusCode(200).body("settledCount", equalTo(4));
        // what the offset gave a lets it pay on arrival, past nothing queued
        expected.put(pay(a, b, "40.00"), "SETTLED RTGS");
        expected.put(dns(b, c, "40.00"), "SETTLED DNS");
        expected.put(dns(c, b, "40.00"), "SETTLED DNS");
        post("/api/v1/settlement/cycles", Map.of()).statusCode(200);
        String cancelled = pay(b, a, "900.00");
        expected.put(cancelled, "CANCELLED");
        post("/api/v1/payments/" + cancelled + "/cancel").statusCode(200);
        post("/api/v1/accounts/" + a + "/liquidity", Map.of("direction", "OUT", "amount", "10.00", "currency", "CNY"))
                .statusCode(200);
        expected.put(pay(c, a, "1000.00"), "REJECTED AM04");              // never covered
        post("/api/v1/settlement/day/close").statusCode(200).body("closedDate", equalTo(day));

        // the list of days offers it for replay, newest first, and not the open day
        JsonPath days = get("/api/v1/settlement/days?size=2").statusCode(200).extract().jsonPath();
        assertThat(days.getString("items[1].businessDate")).isEqualTo(day);
        assertThat(days.getBoolean("items[1].replayable")).isTrue();
        assertThat(days.getString("items[0].state")).isEqualTo("OPEN");
        assertThat(days.getBoolean("items[0].replayable")).isFalse();

        // the live day ended as the rules say
        expected.forEach((uetr, outcome) -> {
            String path = "/api/v1/payments/" + uetr;
            await(path).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !"QUEUED".equals(get(path).extract().path("status")));
            JsonPath p = get(path).statusCode(200).extract().jsonPath();
            String method = p.getString("settlementMethod") != null ? p.getString("settlementMethod") : p.getString("reasonCode");
            assertThat(p.getString("status") + (method == null ? "" : " " + method)).as(uetr).isEqualTo(outcome);
        });

        JsonPath report = done(start(Api.operator(), Map.of("replay", Map.of("businessDate", day),
                "modes", List.of("RTGS_LSM", "RTGS", "DNS"))));
        assertThat(report.getString("report.scenario")).isEqualTo("replay");
        assertThat(report.getString("report.replay.businessDate")).isEqualTo(day);
        assertThat(report.getLong("report.replay.payments")).isEqualTo(expected.size());
        assertThat(report.getInt("report.replay.restores")).isZero();
        Map<String, Integer> liveMethods = Map.of("RTGS", 2, "BILATERAL_OFFSET", 2, "MULTILATERAL_OFFSET", 4, "DNS", 2);
        assertThat(report.getMap("report.replay.live.methods")).isEqualTo(liveMethods);
        assertThat(report.getLong("report.replay.live.settledCount")).isEqualTo(10);
        assertThat(report.getLong("report.replay.live.unsettledCount")).isEqualTo(1);
        assertThat(report.getLong("report.replay.live.cancelledCount")).isEqualTo(1);
        assertThat(report.getString("report.options.liquidity")).isEqualTo("LIVE");
        assertThat(report.getString("report.options.queueDiscipline")).isEqualTo("STRICT_FIFO");

        // RTGS_LSM, the live day's own rules and liquidity: every payment as live, by the same method
        assertThat(report.getBoolean("report.replay.modes.RTGS_LSM.sameAsLive")).isTrue();
        assertThat(report.getLong("report.replay.modes.RTGS_LSM.differences")).isZero();
        assertThat(report.getList("report.replay.modes.RTGS_LSM.firstDifferences")).isEmpty();
        assertThat(report.getMap("report.replay.modes.RTGS_LSM.methods")).isEqualTo(liveMethods);
        assertThat(report.getLong("report.modes.RTGS_LSM.settledCount")).isEqualTo(10);
        assertThat(report.getString("report.modes.RTGS_LSM.unsettledValue")).isEqualTo("1000.00");
        // the day's liquidity, named: a opened empty and was funded during the day
        assertThat(report.getString("report.liquidity." + a)).isEqualTo("0.00");

        // plain RTGS offsets nothing: the offset payments are left for the close, the netted ones settle gross
        assertThat(report.getBoolean("report.replay.modes.RTGS.sameAsLive")).isFalse();
        assertThat(report.getLong("report.replay.modes.RTGS.settledLiveOnly")).isGreaterThanOrEqualTo(6);
        assertThat(report.getMap("report.replay.modes.RTGS.methods")).doesNotContainKeys("BILATERAL_OFFSET",
                "MULTILATERAL_OFFSET", "DNS");
        assertThat(report.getList("report.replay.modes.RTGS.firstDifferences.live")).contains("SETTLED/BILATERAL_OFFSET");
        // DNS nets everything at the day's offsets and cycles: nothing settles gross
        assertThat(report.getMap("report.replay.modes.DNS.methods")).containsOnlyKeys("DNS");

        // what would have happened with liquidity at the upper bound: plain RTGS settles everything on arrival
        JsonPath upper = done(start(Api.auditor(), Map.of("replay", Map.of("businessDate", day), "modes", List.of("RTGS"),
                "liquidity", "UPPER_BOUND")));
        assertThat(upper.getLong("report.modes.RTGS.unsettledCount")).isZero();
        assertThat(new BigDecimal(upper.getString("report.modes.RTGS.delayIndicator"))).isZero();
        assertThat(upper.getString("report.options.liquidity")).isEqualTo("UPPER_BOUND");
    }

    @Test
    void onlyAClosedLoggedDayIsReplayedAndOnlyForOperatorsAndAuditors() {
        String open = get("/api/v1/settlement/day").statusCode(200).extract().path("businessDate");
        Map<String, Object> replayOpen = Map.of("replay", Map.of("businessDate", open), "modes", List.of("RTGS_LSM"));
        problem(post(SIMULATIONS, replayOpen), 409);
        problem(post(SIMULATIONS, Map.of("replay", Map.of("businessDate", "1999-01-04"), "modes", List.of("RTGS"))), 404);
        String bank = newDirect();
        problem(as(Api.member(bank)).contentType(ContentType.JSON).body(replayOpen).post(SIMULATIONS).then(), 403);
        invalidField(post(SIMULATIONS, Map.of("replay", Map.of("businessDate", "2026-13-45"), "modes", List.of("RTGS"))),
                "replay.businessDate");
        invalidField(post(SIMULATIONS, Map.of("replay", Map.of("businessDate", open), "scenario", "cips-2023-day",
                "modes", List.of("RTGS"))), "scenario");
        // and a scenario still needs its seed
        invalidField(post(SIMULATIONS, Map.of("scenario", "cips-2023-day", "modes", List.of("RTGS"))), "seed");
    }

    static String dns(String from, String to, String amount) {
        Map<String, Object> body = payment(from, to, amount);
        body.put("settlement", "DNS");
        return Payments.pay(body).statusCode(201).extract().path("uetr");
    }

    static String start(String token, Map<String, Object> request) {
        return as(token).contentType(ContentType.JSON).body(request).post(SIMULATIONS).then().statusCode(202).extract().path("id");
    }

    static JsonPath done(String id) {
        await("simulation " + id).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> List.of("DONE", "FAILED").contains(get(SIMULATIONS + "/" + id).extract().<String>path("status")));
        return get(SIMULATIONS + "/" + id).statusCode(200).body("status", equalTo("DONE")).extract().jsonPath();
    }
}

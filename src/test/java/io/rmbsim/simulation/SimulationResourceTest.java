package io.rmbsim.simulation;

import static io.rmbsim.Api.given;
import static io.rmbsim.Api.get;
import static io.rmbsim.Api.invalidField;
import static io.rmbsim.Api.post;
import static io.rmbsim.Api.postRaw;
import static io.rmbsim.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SimulationResourceTest {

    static final String SIMULATIONS = "/api/v1/simulations";

    static String start(Map<String, Object> request) {
        var answer = post(SIMULATIONS, request).statusCode(202).extract();
        String id = answer.path("id");
        assertThat(answer.header("Location")).endsWith(SIMULATIONS + "/" + id);
        return id;
    }

    static JsonPath done(String id) {
        await("simulation " + id).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> !java.util.Set.of("QUEUED", "RUNNING").contains(get(SIMULATIONS + "/" + id).extract().path("status")));
        return get(SIMULATIONS + "/" + id).statusCode(200).body("status", equalTo("DONE")).extract().jsonPath();
    }

    @Test
    void harbinScenarioReportsEveryModeWithBoundsAndCorridors() {
        String id = start(Map.of("scenario", "harbin-ftz-2021h1", "seed", 2021, "modes", List.of("RTGS", "RTGS_LSM", "DNS")));
        JsonPath report = done(id);
        assertThat(report.getFloat("progress")).isEqualTo(1.0f);
        for (String mode : List.of("RTGS", "RTGS_LSM", "DNS")) {
            assertThat(report.getString("report.modes." + mode + ".settledValue")).isEqualTo("2750000000.00");
            assertThat(report.getInt("report.modes." + mode + ".unsettledCount")).isZero();
            assertThat(report.getString("report.modes." + mode + ".delay.mean")).isNotNull();
            assertThat(report.getMap("report.modes." + mode + ".liquidityUsed.byParticipant")).containsKey("HCCBCNBHXXX");
            assertThat(report.getMap("report.modes." + mode + ".offsets")).containsKeys("bilateral", "multilateral");
        }
        assertThat(report.getString("report.modes.RTGS.delay.max")).isEqualTo("0");
        assertThat(report.getMap("report.bounds.HCCBCNBHXXX")).containsKeys("upper", "lower");
        assertThat(report.getMap("report.corridors.RTGS")).containsKeys("RU-CN", "CN-RU");
        get(SIMULATIONS + "?size=500").statusCode(200).body("items.id", hasItem(id));
        String csv = given().get(SIMULATIONS + "/" + id + "/report.csv").then().statusCode(200).extract().asString();
        assertThat(csv.lines().count()).isGreaterThan(3 * 40);
        assertThat(csv).startsWith("mode,participant,upperBound,lowerBound").contains("RTGS_LSM,HCCBCNBHXXX,");
        given().delete(SIMULATIONS + "/" + id).then().statusCode(204);
        problem(get(SIMULATIONS + "/" + id), 404);
    }

    @Test
    void theSameRequestTwiceGivesTheSameReportApartFromTimings() {
        Map<String, Object> request = Map.of("scenario", "cips-2023-day", "seed", 7, "modes", List.of("RTGS_LSM", "DNS"),
                "liquidity", 0.25);
        Map<String, Object> first = done(start(request)).getMap("report");
        Map<String, Object> second = done(start(request)).getMap("report");
        first.remove("timings");
        second.remove("timings");
        assertThat(second).isEqualTo(first);
        assertThat(first.get("payments")).isEqualTo(25_900);
    }

    @Test
    void inlineGridlockSettlesOnlyWithTheLiquiditySavingMechanism() {
        List<Map<String, Object>> participants = List.of(
                Map.of("bic", "XAAACNX0", "participation", "DIRECT"),
                Map.of("bic", "YAAACNX0", "participation", "DIRECT"),
                Map.of("bic", "ZAAACNX0", "participation", "DIRECT"));
        List<Map<String, Object>> payments = List.of(
                Map.of("time", "2021-03-01T09:00:00+08:00", "debtorAgent", "XAAACNX0", "creditorAgent", "YAAACNX0", "amount", "100.00"),
                Map.of("time", "2021-03-01T09:05:00+08:00", "debtorAgent", "YAAACNX0", "creditorAgent", "ZAAACNX0", "amount", "100.00"),
                Map.of("time", "2021-03-01T09:10:00+08:00", "debtorAgent", "ZAAACNX0", "creditorAgent", "XAAACNX0", "amount", "100.00"));
        JsonPath r = done(start(Map.of("seed", 1, "modes", List.of("RTGS", "RTGS_LSM", "DNS"), "liquidity", "LOWER_BOUND",
                "participants", participants, "payments", payments)));
        assertThat(r.getString("report.bounds.XAAACNX0XXX.upper")).isEqualTo("100.00");
        assertThat(r.getString("report.bounds.XAAACNX0XXX.lower")).isEqualTo("0.00");
        assertThat(r.getInt("report.modes.RTGS.unsettledCount")).isEqualTo(3);
        assertThat(r.getString("report.modes.RTGS.unsettledValue")).isEqualTo("300.00");
        assertThat(r.getInt("report.modes.RTGS_LSM.settledCount")).isEqualTo(3);
        assertThat(r.getInt("report.modes.RTGS_LSM.offsets.multilateral")).isEqualTo(1);
        assertThat(r.getInt("report.modes.DNS.settledCount")).isEqualTo(3);
        assertThat(r.getString("report.modes.DNS.liquidityUsed.total")).isEqualTo("0.00");
    }

    @Test
    void delaysTheDelayIndicatorAndTheSettlementRatioAreTheOnesWorkedOutByHand() {
        List<Map<String, Object>> participants = List.of(
                Map.of("bic", "XBBBCNX0", "participation", "DIRECT", "liquidity", "0.00"),
                Map.of("bic", "YBBBCNX0", "participation", "DIRECT", "liquidity", "100.00"));
        List<Map<String, Object>> payments = List.of(
                // settles on arrival
                Map.of("time", "2021-03-01T09:00:00+08:00", "debtorAgent", "YBBBCNX0", "creditorAgent", "XBBBCNX0", "amount", "50.00"),
                // X has 50: waits until the next payment brings 40 more, 120 s later
                Map.of("time", "2021-03-01T09:10:00+08:00", "debtorAgent", "XBBBCNX0", "creditorAgent", "YBBBCNX0", "amount", "80.00"),
                Map.of("time", "2021-03-01T09:12:00+08:00", "debtorAgent", "YBBBCNX0", "creditorAgent", "XBBBCNX0", "amount", "40.00"),
                // never covered: rejected at the end of the day, in no class
                Map.of("time", "2021-03-01T10:00:00+08:00", "debtorAgent", "XBBBCNX0", "creditorAgent", "YBBBCNX0", "amount", "5000.00"));
        JsonPath r = done(start(Map.of("seed", 1, "modes", List.of("RTGS"), "participants", participants, "payments", payments)));
        assertThat(r.getInt("report.modes.RTGS.settledCount")).isEqualTo(3);
        // settled payments only: delays 0, 120 and 0 seconds
        assertThat(r.getInt("report.modes.RTGS.delaySettled.max")).isEqualTo(120);
        assertThat(r.getString("report.modes.RTGS.delaySettled.mean")).isEqualTo("40.000");
        List<Integer> upTo = r.getList("report.modes.RTGS.delaySettled.distribution.upToSeconds");
        assertThat(upTo).containsExactly(0, 60, 300, 900, 3600, 10800, null);
        List<Integer> counts = r.getList("report.modes.RTGS.delaySettled.distribution.count");
        assertThat(counts).containsExactly(2, 0, 1, 0, 0, 0, 0);
        // every payment: the unsettled 5000.00 waited from 10:00 to the day's close at 17:30 (day-session
        // timetable of the test profile), 27,000 s; mean (0 + 120 + 0 + 27,000) / 4 = 6,780
        assertThat(r.getInt("report.modes.RTGS.delay.max")).isEqualTo(27_000);
        assertThat(r.getString("report.modes.RTGS.delay.mean")).isEqualTo("6780.000");
        List<Integer> all = r.getList("report.modes.RTGS.delay.distribution.count");
        assertThat(all).containsExactly(2, 0, 1, 0, 0, 0, 1);
        // delay indicator, by hand: value x delay over value x delay to the close (17:30)
        //   delays:       50 x 0      + 80 x 120     + 40 x 0      + 5000 x 27,000 = 135,009,600
        //   to the close: 50 x 30,600 + 80 x 30,000  + 40 x 29,880 + 5000 x 27,000 = 140,125,200
        //   135,009,600 / 140,125,200 = 0.963493
        assertThat(r.getString("report.modes.RTGS.delayIndicator")).isEqualTo("0.963493");
        // settlement ratio: 3 of 4 payments; 170.00 of 5,170.00 = 0.032882
        assertThat(r.getString("report.modes.RTGS.settlementRatio.count")).isEqualTo("0.750000");
        assertThat(r.getString("report.modes.RTGS.settlementRatio.value")).isEqualTo("0.032882");
    }

    @Test
    void seedsGiveEachMeasuresMeanAndConfidenceIntervalAndTheReportNamesItsOptions() {
        JsonPath r = done(start(Map.of("scenario", "harbin-ftz-2021h1", "seed", 1, "modes", List.of("RTGS", "RTGS_LSM"),
                "liquidity", 0.2, "seeds", List.of(1, 2, 3))));
        assertThat(r.getList("report.seedStatistics.seeds")).containsExactly(1, 2, 3);
        for (String mode : List.of("RTGS", "RTGS_LSM")) {
            for (String measure : List.of("settlementRatioCount", "settlementRatioValue", "delayIndicator", "meanDelay",
                    "meanDelaySettled", "liquidityUsed", "unsettledValue")) {
                String at = "report.seedStatistics.modes." + mode + "." + measure;
                BigDecimal mean = new BigDecimal(r.getString(at + ".mean"));
                assertThat(new BigDecimal(r.getString(at + ".low"))).as(at).isLessThanOrEqualTo(mean);
                assertThat(new BigDecimal(r.getString(at + ".high"))).as(at).isGreaterThanOrEqualTo(mean);
                assertThat(r.getInt(at + ".n")).isEqualTo(3);
            }
        }
        // the mean is the mean of the three runs: seed 1 is this report's own, seeds 2 and 3 run apart
        BigDecimal sum = new BigDecimal(r.getString("report.modes.RTGS.delayIndicator"));
        for (int seed : List.of(2, 3)) {
            sum = sum.add(new BigDecimal(done(start(Map.of("scenario", "harbin-ftz-2021h1", "seed", seed, "modes", List.of("RTGS"),
                    "liquidity", 0.2))).getString("report.modes.RTGS.delayIndicator")));
        }
        assertThat(r.getString("report.seedStatistics.modes.RTGS.delayIndicator.mean"))
                .isEqualTo(sum.divide(BigDecimal.valueOf(3), 6, java.math.RoundingMode.HALF_UP).toPlainString());
        // three different streams: the measures vary between seeds
        assertThat(new BigDecimal(r.getString("report.seedStatistics.modes.RTGS.delayIndicator.sd"))).isPositive();
        assertThat(r.getString("report.options.liquidity")).isEqualTo("0.2");
        assertThat(r.getInt("report.options.lsmIntervalMinutes")).isEqualTo(30);
        assertThat(r.getList("report.options.seeds")).containsExactly(1, 2, 3);
        assertThat(r.getMap("report.notes")).containsKeys("upperBound", "lowerBound", "headOfLineBlocking", "measures");
        // seeds do not vary your own payments
        problem(post(SIMULATIONS, Map.of("seed", 1, "modes", List.of("RTGS"), "seeds", List.of(1, 2), "payments",
                List.of(Map.of("time", "2021-03-01T09:00:00+08:00", "debtorAgent", "XAAACNX0", "creditorAgent", "YAAACNX0",
                        "amount", "1.00")))), 400);
        problem(post(SIMULATIONS, Map.of("scenario", "harbin-ftz-2021h1", "seed", 1, "modes", List.of("RTGS"),
                "seeds", List.of(1.5, 2))), 400);
    }

    /**
     * A small network for the stress events, worked out by hand. X (100.00) and Y (0.00), both DIRECT:
     * 09:00 X pays Y 60, 09:30 Y pays X 30, 10:00 X pays Y 50. Without events RTGS settles all three on
     * arrival (X 40, then 70, then 20). The day closes at 17:30 (the test profile's day session).
     */
    static Map<String, Object> stressed(Map<String, Object> event) {
        return Map.of("seed", 1, "modes", List.of("RTGS"), "events", List.of(event),
                "participants", List.of(Map.of("bic", "XSTRCNX0", "participation", "DIRECT", "liquidity", "100.00"),
                        Map.of("bic", "YSTRCNX0", "participation", "DIRECT", "liquidity", "0.00")),
                "payments", List.of(
                        Map.of("time", "2021-03-01T09:00:00+08:00", "debtorAgent", "XSTRCNX0", "creditorAgent", "YSTRCNX0", "amount", "60.00"),
                        Map.of("time", "2021-03-01T09:30:00+08:00", "debtorAgent", "YSTRCNX0", "creditorAgent", "XSTRCNX0", "amount", "30.00"),
                        Map.of("time", "2021-03-01T10:00:00+08:00", "debtorAgent", "XSTRCNX0", "creditorAgent", "YSTRCNX0", "amount", "50.00")));
    }

    @Test
    void anOutageSendsWhatTheBankHeldBackWhenItIsBack() {
        // X is out 08:00-11:00: its 60 and 50 go at 11:00, in order. Y's 30 at 09:30 waits (Y has 0)
        // until X's 60 arrives at 11:00. Delays: X 7,200 s and 3,600 s, Y 5,400 s; all settle.
        // X's indicator: (60 x 7,200 + 50 x 3,600) / (60 x 30,600 + 50 x 27,000) = 612,000 / 3,186,000 = 0.192090
        // Y's: 30 x 5,400 / (30 x 28,800) = 0.187500
        JsonPath r = done(start(stressed(Map.of("type", "OUTAGE", "bic", "XSTRCNX0",
                "from", "2021-03-01T08:00:00+08:00", "to", "2021-03-01T11:00:00+08:00"))));
        assertThat(r.getString("report.modes.RTGS.delayIndicator")).isNotEqualTo("0.000000");
        assertThat(r.getString("report.stress.baseline.RTGS.delayIndicator")).isEqualTo("0.000000");
        assertThat(r.getInt("report.modes.RTGS.delay.max")).isEqualTo(7_200);
        assertThat(r.getString("report.modes.RTGS.settlementRatio.count")).isEqualTo("1.000000");
        Map<String, Map<String, Object>> byBic = changes(r);
        assertThat(byBic.get("XSTRCNX0XXX")).containsEntry("delayIndicator", Map.of("baseline", "0.000000", "stressed", "0.192090", "change", "0.192090"));
        assertThat(byBic.get("YSTRCNX0XXX")).containsEntry("delayIndicator", Map.of("baseline", "0.000000", "stressed", "0.187500", "change", "0.187500"));
        assertThat(r.getString("report.stress.largestDeterioration.RTGS.delayIndicator.bic")).isEqualTo("XSTRCNX0XXX");
        assertThat(r.getString("report.stress.largestDeterioration.RTGS.settledValue.bic")).isNull();
    }

    @Test
    void aLiquidityShockTakesItsShareOfTheBalanceAndLeavesAPaymentUnsettled() {
        // at 09:15 X has 40; three quarters (30) leave: X 10. Y's 30 arrives (X 40); X's 50 at 10:00 cannot
        // be covered and is unsettled at the close. X settled 60 instead of 110: -50.00. X's indicator:
        // 50 x 27,000 / (60 x 30,600 + 50 x 27,000) = 1,350,000 / 3,186,000 = 0.423729
        JsonPath r = done(start(stressed(Map.of("type", "LIQUIDITY_SHOCK", "bic", "XSTRCNX0",
                "at", "2021-03-01T09:15:00+08:00", "fraction", "0.75"))));
        assertThat(r.getInt("report.modes.RTGS.unsettledCount")).isEqualTo(1);
        assertThat(r.getInt("report.stress.baseline.RTGS.unsettledCount")).isZero();
        Map<String, Map<String, Object>> byBic = changes(r);
        assertThat(byBic.get("XSTRCNX0XXX")).containsEntry("settledValue", Map.of("baseline", "110.00", "stressed", "60.00", "change", "-50.00"))
                .containsEntry("delayIndicator", Map.of("baseline", "0.000000", "stressed", "0.423729", "change", "0.423729"));
        assertThat(r.getString("report.stress.largestDeterioration.RTGS.settledValue.bic")).isEqualTo("XSTRCNX0XXX");
        assertThat(r.getString("report.stress.largestDeterioration.RTGS.settledValue.change")).isEqualTo("-50.00");
    }

    @Test
    void anExtraPaymentJoinsTheStreamAtItsTime() {
        // Y pays X 100 at 09:45 holding 30: queued; X's 50 at 10:00 brings Y to 80, still short: unsettled.
        // Y's indicator: 100 x 27,900 / (30 x 28,800 + 100 x 27,900) = 2,790,000 / 3,654,000 = 0.763547
        JsonPath r = done(start(stressed(Map.of("type", "PAYMENT", "time", "2021-03-01T09:45:00+08:00",
                "debtorAgent", "YSTRCNX0", "creditorAgent", "XSTRCNX0", "amount", "100.00"))));
        assertThat(r.getInt("report.payments")).isEqualTo(4);
        assertThat(r.getInt("report.modes.RTGS.unsettledCount")).isEqualTo(1);
        assertThat(r.getString("report.modes.RTGS.unsettledValue")).isEqualTo("100.00");
        Map<String, Map<String, Object>> byBic = changes(r);
        assertThat(byBic.get("YSTRCNX0XXX")).containsEntry("delayIndicator", Map.of("baseline", "0.000000", "stressed", "0.763547", "change", "0.763547"));
        assertThat(byBic).doesNotContainKey("XSTRCNX0XXX");
        // an event naming a bank outside the network, or missing what its type needs, is a 400
        problem(post(SIMULATIONS, stressed(Map.of("type", "OUTAGE", "bic", "ZZZZCNX0", "from", "2021-03-01T08:00:00+08:00",
                "to", "2021-03-01T09:00:00+08:00"))), 400);
        problem(post(SIMULATIONS, stressed(Map.of("type", "LIQUIDITY_SHOCK", "at", "2021-03-01T08:00:00+08:00"))), 400);
        problem(post(SIMULATIONS, stressed(Map.of("type", "LIQUIDITY_SHOCK", "at", "2021-03-01T08:00:00+08:00", "fraction", "1.5"))), 400);
    }

    private static Map<String, Map<String, Object>> changes(JsonPath r) {
        Map<String, Map<String, Object>> byBic = new HashMap<>();
        List<Map<String, Object>> list = r.getList("report.stress.participants.RTGS");
        for (Map<String, Object> c : list) {
            byBic.put((String) c.get("bic"), c);
        }
        return byBic;
    }

    @Test
    void fifoBypassSettlesWhatStrictFifoBlocksBehindAnUncoveredPayment() {
        // X has 100.00: at 09:00 it pays Y 150.00 (cannot be covered, queued); at 09:10 it pays Z 50.00.
        // STRICT_FIFO: the 50 waits behind the 150 and neither settles by the close (17:30).
        // FIFO_BYPASS: the 50 passes the uncovered 150 and settles on arrival; the 150 stays unsettled.
        //   settlement ratio: 1 of 2 payments, 50.00 of 200.00 = 0.250000
        List<Map<String, Object>> participants = List.of(Map.of("bic", "XFIFCNX0", "participation", "DIRECT", "liquidity", "100.00"),
                Map.of("bic", "YFIFCNX0", "participation", "DIRECT", "liquidity", "0.00"),
                Map.of("bic", "ZFIFCNX0", "participation", "DIRECT", "liquidity", "0.00"));
        List<Map<String, Object>> payments = List.of(
                Map.of("time", "2021-03-01T09:00:00+08:00", "debtorAgent", "XFIFCNX0", "creditorAgent", "YFIFCNX0", "amount", "150.00"),
                Map.of("time", "2021-03-01T09:10:00+08:00", "debtorAgent", "XFIFCNX0", "creditorAgent", "ZFIFCNX0", "amount", "50.00"));
        JsonPath strict = done(start(Map.of("seed", 1, "modes", List.of("RTGS"), "participants", participants, "payments", payments)));
        assertThat(strict.getInt("report.modes.RTGS.settledCount")).isZero();
        assertThat(strict.getString("report.options.queueDiscipline")).isEqualTo("STRICT_FIFO");
        JsonPath bypass = done(start(Map.of("seed", 1, "modes", List.of("RTGS"), "participants", participants, "payments", payments,
                "queueDiscipline", "FIFO_BYPASS")));
        assertThat(bypass.getInt("report.modes.RTGS.settledCount")).isEqualTo(1);
        assertThat(bypass.getString("report.modes.RTGS.settledValue")).isEqualTo("50.00");
        assertThat(bypass.getString("report.modes.RTGS.settlementRatio.count")).isEqualTo("0.500000");
        assertThat(bypass.getString("report.modes.RTGS.settlementRatio.value")).isEqualTo("0.250000");
        assertThat(bypass.getInt("report.modes.RTGS.delaySettled.max")).isZero();
        assertThat(bypass.getString("report.options.queueDiscipline")).isEqualTo("FIFO_BYPASS");
        problem(post(SIMULATIONS, Map.of("seed", 1, "modes", List.of("RTGS"), "participants", participants, "payments", payments,
                "queueDiscipline", "LIFO")), 400);
    }

    @Test
    void csvUploadIsSimulated() {
        String csv = "time,debtorAgent,creditorAgent,amount,priority\n"
                + "2021-03-01T09:00:00+08:00,HCCBCNBH,ICBKCNBJ,500.00,NORM\n"
                + "2021-03-01T10:00:00+08:00,ICBKCNBJ,HCCBCNBH,200.00,HIGH\n"
                + "2021-03-02T10:00:00+08:00,ICBKCNBJ,HCCBCNBH,50.50,\n";
        String id = given().contentType("text/csv").body(csv).queryParam("seed", 3).queryParam("modes", "RTGS,DNS")
                .queryParam("liquidity", "UPPER_BOUND").queryParam("sweep", "0,1")
                .queryParam("participants", "HCCBCNBH:DIRECT,ICBKCNBJ:DIRECT:1000.00")
                .when().post(SIMULATIONS).then().statusCode(202).extract().path("id");
        JsonPath r = done(id);
        assertThat(r.getString("report.paymentsValue")).isEqualTo("750.50");
        assertThat(r.getString("report.modes.RTGS.settledValue")).isEqualTo("750.50");
        assertThat(r.getString("report.bounds.HCCBCNBHXXX.upper")).isEqualTo("500.00");
        assertThat(r.getString("report.bounds.HCCBCNBHXXX.lower")).isEqualTo("300.00");
        assertThat(r.getString("report.liquidity.ICBKCNBJXXX")).as("its own liquidity wins").isEqualTo("1000.00");
        assertThat(r.getList("report.sweep")).hasSize(2);
        get(SIMULATIONS + "/" + id + "/sweep").statusCode(200).body("size()", equalTo(2));
        String svg = given().get(SIMULATIONS + "/" + id + "/sweep.svg").then().statusCode(200)
                .contentType("image/svg+xml").extract().asString();
        assertThat(svg).startsWith("<svg").contains("DNS");
    }

    @Test
    void badRequestsAreProblemsAndStartNothing() {
        int before = get(SIMULATIONS + "?size=1").extract().path("total");
        invalidField(post(SIMULATIONS, Map.of("scenario", "harbin-ftz-2021h1", "modes", List.of("RTGS"))), "seed");
        invalidField(post(SIMULATIONS, Map.of("scenario", "harbin-ftz-2021h1", "seed", 1, "modes", List.of())), "modes");
        invalidField(post(SIMULATIONS, Map.of("scenario", "atlantis", "seed", 1, "modes", List.of("RTGS"))), "scenario");
        invalidField(post(SIMULATIONS, Map.of("scenario", "harbin-ftz-2021h1", "seed", 1, "modes", List.of("FAST"))), "modes[0]");
        invalidField(post(SIMULATIONS, Map.of("seed", 1, "modes", List.of("RTGS"))), "scenario");
        invalidField(post(SIMULATIONS, Map.of("scenario", "harbin-ftz-2021h1", "seed", 1, "modes", List.of("RTGS"), "liquidity", 1.5)), "liquidity");
        invalidField(post(SIMULATIONS, Map.of("scenario", "harbin-ftz-2021h1", "seed", 1, "modes", List.of("RTGS"), "liquidity", "PLENTY")), "liquidity");
        invalidField(post(SIMULATIONS, Map.of("scenario", "harbin-ftz-2021h1", "seed", 1, "modes", List.of("RTGS"),
                "liquidity", Map.of("NOTABIC", "1.00"))), "liquidity").body("reasonCode", equalTo("RC01"));
        Map<String, Object> badPayment = new HashMap<>(Map.of("time", "yesterday", "debtorAgent", "XAAACNX0", "creditorAgent", "YAAACNX0", "amount", "1.00"));
        invalidField(post(SIMULATIONS, Map.of("seed", 1, "modes", List.of("RTGS"), "payments", List.of(badPayment))), "payments[0].time");
        badPayment.put("time", "2021-03-01T09:00:00+08:00");
        badPayment.put("debtorAgent", "BAD");
        invalidField(post(SIMULATIONS, Map.of("seed", 1, "modes", List.of("RTGS"), "payments", List.of(badPayment))), "payments[0].debtorAgent")
                .body("reasonCode", equalTo("RC01"));
        problem(given().contentType("text/csv").body("nonsense").when().post(SIMULATIONS).then(), 400);
        problem(given().contentType("text/csv").body("time,debtorAgent,creditorAgent,amount\n2021-03-01T09:00:00+08:00,X,Y,1\n")
                .when().post(SIMULATIONS).then(), 400).body("reasonCode", equalTo("RC01"));
        problem(postRaw(SIMULATIONS, "{\"seed\": "), 400);
        problem(get(SIMULATIONS + "/not-a-uuid"), 404);
        problem(given().delete(SIMULATIONS + "/00000000-0000-0000-0000-000000000000").then(), 404);
        get(SIMULATIONS + "?size=1").body("total", equalTo(before));
    }

    @Test
    void tooManyAtOnceIsATooManyRequestsProblem() {
        List<String> started = new ArrayList<>();
        int refused = 0;
        try {
            for (int i = 0; i < 8 && refused == 0; i++) {
                var answer = post(SIMULATIONS, Map.of("scenario", "cips-2023-year", "seed", i, "modes", List.of("RTGS_LSM")))
                        .extract();
                if (answer.statusCode() == 202) {
                    started.add(answer.path("id"));
                } else {
                    assertThat(answer.statusCode()).isEqualTo(429);
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                    refused++;
                }
            }
            assertThat(refused).as("at most 2 running and 2 waiting").isEqualTo(1);
            assertThat(started).hasSizeGreaterThanOrEqualTo(4);
        } finally {
            for (String id : started) {
                given().delete(SIMULATIONS + "/" + id).then().statusCode(204);
            }
        }
    }
}

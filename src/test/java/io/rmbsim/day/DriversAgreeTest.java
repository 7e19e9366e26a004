package io.rmbsim.day;

import static io.rmbsim.Api.get;
import static io.rmbsim.Api.post;
import static io.rmbsim.Payments.fund;
import static io.rmbsim.Payments.newDirect;
import static io.rmbsim.Payments.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rmbsim.money.Money;
import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.SettlementMethod;
import io.rmbsim.settlement.SettlementMode;
import io.rmbsim.simulation.ModeRunner;
import io.rmbsim.simulation.PaymentStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The live service and the simulator run one engine under one calendar, so the same participants,
 * opening balances and payments give the same answer in both: which payments settle, by which method,
 * on which business day, and which are rejected with AM04 at the close.
 *
 * <p>The live service's clock cannot be set (that is contract 1.1's {@code settlement.clock-start}),
 * so its payments are accepted now, into whatever business day is open, and its days end when the
 * test closes them. The test therefore makes the live days what the calendar makes of the simulated
 * times: it walks the open day to a Friday, sends that Friday's payments, closes the day as the
 * cut-off would (Monday opens), then sends the payments the simulator is given at Friday 18:00 (after
 * the cut-off), on Saturday and on Monday morning, and closes Monday. What this proves: placed by the
 * calendar, the simulated payments fall on the very days the live close sequence put them on, and the
 * engine's outcome is the same payment by payment. What it cannot prove yet: that the live service
 * itself closes at 17:30 and files a Saturday payment under Monday by its clock (the automatic close
 * and {@link BusinessCalendar#openAt} are tested on their own; end-to-end it needs the sandbox clock).
 *
 * <p>A simulated day opens with the given liquidity again, where a live day carries the balances
 * over: Friday's settled payments here net to zero on every account, so Monday opens alike in both.
 */
@QuarkusTest
class DriversAgreeTest {

    static final String PAYMENTS = "/api/v1/payments/";
    /** The test profile runs the short day (settlement.timetable=day-session): the simulation places days the same way. */
    static final BusinessCalendar CIPS = BusinessCalendar.DAY_SESSION;

    /** One payment of the test: who pays whom how much, and when the simulator is told it arrived. */
    record Timed(String debtor, String creditor, String amount, LocalDateTime beijing) {
    }

    @Test
    void aLiveDayAndItsSimulationSettleTheSamePaymentsTheSameWayOnTheSameDays() {
        LocalDate friday = openLiveDayOnAFriday();
        LocalDate saturday = friday.plusDays(1);
        LocalDate monday = friday.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String a = newDirect();
        String b = newDirect();
        String c = newDirect();
        fund(a, "100.00");
        Map<String, String> opening = Map.of(a, "100.00", b, "0.00", c, "0.00");

        List<Timed> fridays = List.of(
                new Timed(a, b, "100.00", friday.atTime(9, 0)),   // covered: RTGS
                new Timed(b, c, "300.00", friday.atTime(9, 5)),   // queues
                new Timed(c, b, "300.00", friday.atTime(9, 10)),  // queues, and offsets the one before
                new Timed(b, a, "100.00", friday.atTime(9, 15)),  // covered again: RTGS
                new Timed(a, b, "500.00", friday.atTime(9, 20)),  // a gridlock of three...
                new Timed(b, c, "500.00", friday.atTime(9, 25)),
                new Timed(c, a, "500.00", friday.atTime(9, 30)),  // ...that the close's last offset resolves
                new Timed(c, a, "50.00", friday.atTime(11, 0)));  // never covered: AM04 on Friday
        List<Timed> mondays = List.of(
                new Timed(b, a, "40.00", friday.atTime(18, 0)),   // after Friday's cut-off: queues on Monday
                new Timed(a, b, "40.00", saturday.atTime(10, 0)), // on Saturday: Monday's, and releases it
                new Timed(c, b, "70.00", monday.atTime(9, 0)));   // never covered: AM04 on Monday

        List<String> uetrs = new ArrayList<>();
        for (Timed t : fridays) {
            uetrs.add(pay(t.debtor(), t.creditor(), t.amount()));
        }
        post("/api/v1/settlement/day/close").statusCode(200)
                .body("closedDate", equalTo(friday.toString())).body("openedDate", equalTo(monday.toString()));
        for (Timed t : mondays) {
            uetrs.add(pay(t.debtor(), t.creditor(), t.amount()));
        }
        post("/api/v1/settlement/day/close").statusCode(200).body("closedDate", equalTo(monday.toString()));

        List<Timed> all = new ArrayList<>(fridays);
        all.addAll(mondays);
        Map<Integer, String> live = live(uetrs);
        Map<Integer, String> simulated = simulated(all, opening);

        assertThat(simulated).as("the simulation, payment by payment").isEqualTo(live);
        // and what they agree on is what the contract says
        assertThat(live).isEqualTo(expected(friday, monday));

        // the simulation service's report counts the same
        JsonPath report = simulationReport(all, opening);
        long settled = live.values().stream().filter(o -> !o.endsWith("AM04")).count();
        assertThat(report.getLong("report.modes.RTGS_LSM.settledCount")).isEqualTo(settled);
        assertThat(report.getLong("report.modes.RTGS_LSM.unsettledCount")).isEqualTo(live.size() - settled);
        assertThat(report.getString("report.modes.RTGS_LSM.unsettledValue")).isEqualTo("120.00");
        assertThat(report.getLong("report.modes.RTGS_LSM.offsets.multilateral")).isEqualTo(1);
    }

    static Map<Integer, String> expected(LocalDate friday, LocalDate monday) {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(0, friday + " RTGS");
        m.put(1, friday + " BILATERAL_OFFSET");
        m.put(2, friday + " BILATERAL_OFFSET");
        m.put(3, friday + " RTGS");
        m.put(4, friday + " MULTILATERAL_OFFSET");
        m.put(5, friday + " MULTILATERAL_OFFSET");
        m.put(6, friday + " MULTILATERAL_OFFSET");
        m.put(7, friday + " AM04");
        m.put(8, monday + " RTGS");
        m.put(9, monday + " RTGS");
        m.put(10, monday + " AM04");
        return m;
    }

    /** Closes the live business day until a Friday is open, and answers it. */
    static LocalDate openLiveDayOnAFriday() {
        LocalDate open = LocalDate.parse(get("/api/v1/settlement/day").statusCode(200).extract().path("businessDate"));
        while (open.getDayOfWeek() != DayOfWeek.FRIDAY) {
            open = LocalDate.parse(post("/api/v1/settlement/day/close").statusCode(200).extract().path("openedDate"));
        }
        return open;
    }

    /** Each live payment's business day and method, or reason code; rejections of a close are written a chunk at a time. */
    static Map<Integer, String> live(List<String> uetrs) {
        Map<Integer, String> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < uetrs.size(); i++) {
            String path = PAYMENTS + uetrs.get(i);
            await(path).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !"QUEUED".equals(get(path).statusCode(200).extract().path("status")));
            JsonPath p = get(path).statusCode(200).extract().jsonPath();
            outcomes.put(i, p.getString("businessDate") + " "
                    + ("SETTLED".equals(p.getString("status")) ? p.getString("settlementMethod") : p.getString("reasonCode")));
        }
        return outcomes;
    }

    /** The same payments, at their times, through the simulator's RTGS_LSM with the live service's calendar. */
    static Map<Integer, String> simulated(List<Timed> payments, Map<String, String> opening) {
        List<String> bics = new ArrayList<>(opening.keySet());
        List<PaymentStream.Participant> participants = new ArrayList<>();
        long[] levels = new long[bics.size()];
        for (int i = 0; i < bics.size(); i++) {
            participants.add(new PaymentStream.Participant(bics.get(i), true, i));
            levels[i] = Money.parseFen(opening.get(bics.get(i)));
        }
        PaymentStream stream = new PaymentStream(participants);
        for (Timed t : payments) {
            stream.add(offset(t).toEpochSecond(), bics.indexOf(t.debtor()), bics.indexOf(t.creditor()),
                    Money.parseFen(t.amount()), false);
        }
        Map<Integer, String> outcomes = new TreeMap<>();
        // no periodic multilateral offset: the live service offsets when asked and at the close
        new ModeRunner(stream, SettlementMode.RTGS_LSM, levels, new ModeRunner.Options(0, 0), CIPS).reporting(new ModeRunner.Outcomes() {
            @Override
            public void settled(int payment, LocalDate businessDay, SettlementMethod method) {
                outcomes.put(payment, businessDay + " " + method);
            }

            @Override
            public void rejected(int payment, LocalDate businessDay, String reasonCode) {
                outcomes.put(payment, businessDay + " " + reasonCode);
            }
        }).run(n -> { });
        return outcomes;
    }

    /** The same payments through POST /api/v1/simulations. */
    static JsonPath simulationReport(List<Timed> payments, Map<String, String> opening) {
        List<Map<String, Object>> inline = new ArrayList<>();
        for (Timed t : payments) {
            inline.add(Map.of("time", offset(t).toString(), "debtorAgent", t.debtor(), "creditorAgent", t.creditor(),
                    "amount", t.amount()));
        }
        List<Map<String, Object>> participants = new ArrayList<>();
        opening.forEach((bic, amount) -> participants.add(Map.of("bic", bic, "participation", "DIRECT", "liquidity", amount)));
        String id = post("/api/v1/simulations", Map.of("seed", 1, "modes", List.of("RTGS_LSM"), "participants", participants,
                "payments", inline, "lsmIntervalMinutes", 0)).statusCode(202).extract().path("id");
        await("simulation " + id).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> !java.util.Set.of("QUEUED", "RUNNING").contains(get("/api/v1/simulations/" + id).extract().path("status")));
        return get("/api/v1/simulations/" + id).statusCode(200).body("status", equalTo("DONE")).extract().jsonPath();
    }

    static OffsetDateTime offset(Timed t) {
        return t.beijing().atZone(CIPS.zone()).toOffsetDateTime();
    }
}

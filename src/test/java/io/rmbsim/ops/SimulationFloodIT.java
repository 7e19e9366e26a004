package io.rmbsim.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.rmbsim.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.pollinterval.FibonacciPollInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulations cannot exhaust the packaged service: one member floods it with runs (backing off on
 * 429) while readiness answers, payments settle, the memory simulations hold stays in their budget
 * and finished runs stay within their caps; the year of CIPS with every mode runs in the shipped
 * container's heap, and runs and their reports survive a kill and a restart.
 */
class SimulationFloodIT {

    static final String SIMULATIONS = "/api/v1/simulations";

    @TempDir
    Path dataDir;

    static RequestSpecification as(RunningService service, String token) {
        return RestAssured.given().baseUri("http://localhost").port(service.port()).header("Authorization", "Bearer " + token);
    }

    static String token(RunningService service, String role, String bic, String subject) {
        return RestAssured.given().baseUri("http://localhost").port(service.port()).accept("text/plain")
                .queryParam("role", role).queryParam("bic", bic).queryParam("subject", subject)
                .post("/api/v1/auth/demo-token").then().statusCode(200).extract().asString().trim();
    }

    /** The sum of a Prometheus metric's samples whose labels contain {@code labels} (all of them when empty). */
    static double metric(RunningService service, String name, String labels) {
        String text = RestAssured.given().baseUri("http://localhost").port(service.port()).get("/q/metrics")
                .then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            if (m.group(1) == null ? labels.isEmpty() : m.group(1).contains(labels)) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        assertThat(found).as("metric %s{%s} on /q/metrics", name, labels).isTrue();
        return sum;
    }

    static double metric(RunningService service, String name) {
        return metric(service, name, "");
    }

    static void readinessAnswersWithinASecond(RunningService service) {
        RestAssured.given().baseUri("http://localhost").port(service.port()).get("/q/health/ready")
                .then().statusCode(200).time(lessThan(1_000L), TimeUnit.MILLISECONDS);
    }

    static void aPaymentSettles(RunningService service) {
        service.request().contentType(ContentType.JSON).body(Map.of("uetr", UUID.randomUUID().toString(), "endToEndId", "FLOOD",
                "debtorAgent", TestData.HARBIN, "creditorAgent", "ICBKCNBJXXX", "amount", "1.00", "currency", "CNY"))
                .post("/api/v1/payments").then().statusCode(201).body("status", equalTo("SETTLED"));
    }

    /** Starts a day of CIPS under every mode as {@code member}: 202, or 429 when the queue is full. */
    static int post(RunningService service, String member, int seed) {
        ExtractableResponse<Response> r = as(service, member).contentType(ContentType.JSON).body(Map.of("scenario", "cips-2023-day",
                "seed", seed, "modes", List.of("RTGS", "RTGS_LSM", "DNS"))).post(SIMULATIONS).then().extract();
        assertThat(r.statusCode()).as(r.asString()).isIn(202, 429);
        return r.statusCode();
    }

    @Test
    void aMemberFloodingSimulationsLeavesTheServiceAnsweringWithinItsLimits() throws Exception {
        assumeTrue(RunningService.packaged(), "run by mvn verify after the package phase");
        int perOwner = 4;
        int total = 6;
        int flood = 30;
        try (RunningService service = new RunningService(dataDir, Map.of("settlement.auto-close", "false",
                "simulation.retained-runs-per-owner", String.valueOf(perOwner), "simulation.retained-runs", String.valueOf(total)))
                .withJvmOptions("-Xmx512m", "-XX:+ExitOnOutOfMemoryError").start()) {
            String member = token(service, "member", TestData.HARBIN, "flood-member");
            service.request().contentType(ContentType.JSON).body(Map.of("direction", "IN", "amount", "1000000.00", "currency", "CNY",
                    "reference", "FLOOD-FUNDING")).post("/api/v1/accounts/" + TestData.HARBIN + "/liquidity").then().statusCode(200);
            double budget = metric(service, "rmbsim_simulation_memory_budget_bytes");
            assertThat(budget).isGreaterThan(100 << 20);
            // four connections of the one member post as fast as they are answered, each backing off on a 429
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger seeds = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> flooding = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                flooding.add(clients.submit(() -> {
                    while (accepted.get() < flood) {
                        if (post(service, member, seeds.getAndIncrement()) == 202) {
                            accepted.incrementAndGet();
                            continue;
                        }
                        refused.incrementAndGet();
                        await("a run accepted again").atMost(Duration.ofMinutes(3))
                                .pollInterval(FibonacciPollInterval.fibonacci(TimeUnit.MILLISECONDS)).until(() -> {
                                    if (accepted.get() >= flood) {
                                        return true;
                                    }
                                    if (post(service, member, seeds.getAndIncrement()) == 202) {
                                        accepted.incrementAndGet();
                                        return true;
                                    }
                                    refused.incrementAndGet();
                                    return false;
                                });
                    }
                    return null;
                }));
            }
            double[] heapAfterGc = {0};
            java.util.concurrent.atomic.AtomicBoolean sawQueued = new java.util.concurrent.atomic.AtomicBoolean();
            try {
                await("the flood").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    readinessAnswersWithinASecond(service);
                    aPaymentSettles(service);
                    assertThat(metric(service, "rmbsim_simulation_memory_held_bytes")).isLessThanOrEqualTo(budget);
                    heapAfterGc[0] = Math.max(heapAfterGc[0], metric(service, "rmbsim_simulation_heap_after_gc_bytes"));
                    assertThat(heapAfterGc[0]).as("heap after the last collection").isLessThanOrEqualTo(budget);
                    JsonPath listed = as(service, member).get(SIMULATIONS + "?size=500").then().statusCode(200).extract().jsonPath();
                    List<String> statuses = listed.getList("items.status", String.class);
                    List<Integer> places = listed.getList("items.placeInLine", Integer.class);
                    for (int i = 0; i < statuses.size(); i++) {
                        if (statuses.get(i).equals("QUEUED")) {
                            sawQueued.set(true);
                            // 2 run, 8 wait for a thread (the defaults), and a run that has a thread may wait for memory
                            assertThat(places.get(i)).as("a waiting run's place in line").isBetween(1, 10);
                        } else {
                            assertThat(places.get(i)).as("a place in line of a run that does not wait (%s)", statuses.get(i)).isNull();
                        }
                    }
                    assertThat(statuses.stream().filter(st -> !st.equals("RUNNING") && !st.equals("QUEUED")).count()).as("finished runs kept")
                            .isLessThanOrEqualTo(perOwner);
                    return flooding.stream().allMatch(Future::isDone);
                });
                for (Future<?> f : flooding) {
                    f.get(); // a client's failure (an answer other than 202 or 429) fails the test
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(refused.get()).as("the flood filled the queue").isPositive();
            assertThat(sawQueued).as("runs seen waiting, as QUEUED with their place in line").isTrue();
            await("the flood's runs finished").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    !as(service, member).get(SIMULATIONS + "?size=500").then().extract().<List<String>>path("items.status").stream()
                            .anyMatch(st -> st.equals("RUNNING") || st.equals("QUEUED")));
            JsonPath runs = service.request().get(SIMULATIONS + "?size=500").then().statusCode(200).extract().jsonPath();
            assertThat(runs.getInt("total")).as("runs kept in all").isLessThanOrEqualTo(perOwner);
            assertThat(runs.getList("items.status", String.class)).containsOnly("DONE");
            readinessAnswersWithinASecond(service);
            aPaymentSettles(service);
            double live = metric(service, "rmbsim_simulation_heap_after_gc_bytes");
            assertThat(live).isLessThanOrEqualTo(budget);
            System.out.printf("simulation flood: %d runs of cips-2023-day (3 modes) accepted, %d refused with 429; "
                    + "simulation budget %.0f MiB; heap after GC at most %.0f MiB during the flood, %.0f MiB after it%n",
                    accepted.get(), refused.get(), budget / (1 << 20), heapAfterGc[0] / (1 << 20), live / (1 << 20));
        }
    }

    @Test
    void theYearWithEveryModeRunsInTheShippedContainerHeapAndRunsSurviveARestart() throws Exception {
        assumeTrue(RunningService.packaged(), "run by mvn verify after the package phase");
        // deploy/Dockerfile.jvm in a 512 MiB container: a 384 MiB heap, and an out-of-memory error ends the process
        String[] container = {"-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError"};
        String year;
        String killed;
        Map<String, Object> report;
        try (RunningService service = new RunningService(dataDir, Map.of("settlement.auto-close", "false"))
                .withJvmOptions(container).start()) {
            year = service.request().contentType(ContentType.JSON).body(Map.of("scenario", "cips-2023-year", "seed", 2023,
                    "modes", List.of("RTGS", "RTGS_LSM", "DNS"))).post(SIMULATIONS).then().statusCode(202).extract().path("id");
            double[] peak = {0};
            await("the year").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                peak[0] = Math.max(peak[0], metric(service, "jvm_memory_used_bytes", "area=\"heap\""));
                return !java.util.Set.of("QUEUED", "RUNNING").contains(service.request().get(SIMULATIONS + "/" + year).then().statusCode(200).extract().path("status"));
            });
            JsonPath done = service.request().get(SIMULATIONS + "/" + year).then().statusCode(200).extract().jsonPath();
            assertThat(done.getString("status")).as(done.getString("error")).isEqualTo("DONE");
            assertThat(done.getInt("report.payments")).isEqualTo(6_610_000);
            report = done.getMap("report");
            System.out.printf("cips-2023-year, 3 modes, in the container's heap: heap in use at most %.0f MiB (sampled each second), "
                    + "after the last collection %.0f MiB; simulation budget %.0f MiB%n", peak[0] / (1 << 20),
                    metric(service, "rmbsim_simulation_heap_after_gc_bytes") / (1 << 20),
                    metric(service, "rmbsim_simulation_memory_budget_bytes") / (1 << 20));
            killed = service.request().contentType(ContentType.JSON).body(Map.of("scenario", "cips-2023-year", "seed", 1,
                    "modes", List.of("RTGS"))).post(SIMULATIONS).then().statusCode(202).extract().path("id");
            await("the second year under way").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                    service.request().get(SIMULATIONS + "/" + killed).then().extract().jsonPath().getFloat("progress") > 0);
            service.kill();
        }
        // less memory for simulations this time: a year no longer fits, and says so up front
        try (RunningService service = new RunningService(dataDir, Map.of("settlement.auto-close", "false",
                "simulation.memory.reserve", "300M")).withJvmOptions(container).start()) {
            JsonPath again = service.request().get(SIMULATIONS + "/" + year).then().statusCode(200).extract().jsonPath();
            assertThat(again.getString("status")).isEqualTo("DONE");
            assertThat(again.getMap("report")).isEqualTo(report);
            service.request().get(SIMULATIONS + "/" + killed).then().statusCode(200).body("status", equalTo("FAILED"))
                    .body("error", containsString("restarted"));
            service.request().contentType(ContentType.JSON).body(Map.of("scenario", "cips-2023-year", "seed", 3,
                    "modes", List.of("RTGS", "RTGS_LSM", "DNS"))).post(SIMULATIONS).then().statusCode(413)
                    .contentType("application/problem+json").body("status", equalTo(413))
                    .body("detail", containsString("MiB of memory")).body("detail", containsString("simulations have"));
            service.request().contentType(ContentType.JSON).body(Map.of("scenario", "cips-2023-day", "seed", 3,
                    "modes", List.of("RTGS"))).post(SIMULATIONS).then().statusCode(202);
        }
    }
}

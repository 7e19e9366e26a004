package io.rmbsim.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmbsim.LedgerAudit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on one PostgreSQL database: the first started leads settlement, the second serves
 * reads and forwards the rest to it. Clients pay through both; the leader is killed with SIGKILL
 * under that load, and the follower takes over. Each client sends a payment again under the same
 * UETR until it gets an answer, as a bank would: so the payments in flight at the kill, which the
 * dead leader may or may not have committed, are settled once either way. Then: every answered
 * payment is stored with the outcome it was answered with, no UETR is stored twice and none is
 * posted twice, every balance agrees with the postings rule, and the audit chain is intact.
 * Only with {@code -Ppostgres}: an H2 store is one process's file.
 */
class TakeoverIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int CLIENTS = 8;
    static final int BEFORE_KILL = 1_500;
    static final int THROUGH_FOLLOWER = 300;
    static final int AFTER_TAKEOVER = 1_000;

    /** A payment's answer: its status then, the HTTP status (201 new, 200 known) and when it came. */
    record Answer(String status, int http, long sentAt, long at) {
    }

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, Answer> answered = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> bodies = new ConcurrentHashMap<>();
    /** The payment each client is sending (again) right now. */
    final Map<Integer, String> sending = new ConcurrentHashMap<>();
    final List<String> unexpected = new ArrayList<>();
    final AtomicInteger throughFollower = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger noAnswer = new AtomicInteger();
    final AtomicLong firstAnswerAfterKill = new AtomicLong(Long.MAX_VALUE);
    final AtomicBoolean stop = new AtomicBoolean();
    volatile long killedAt;
    volatile RunningService[] targets;
    volatile String authorization;

    @Test
    void theFollowerTakesOverFromAKilledLeaderAndNothingAnsweredIsLostOrSettledTwice() throws Exception {
        assumeTrue(RunningService.packaged(), "run by mvn verify after the package phase");
        assumeTrue(RunningService.postgresBuild(), "two replicas share a store only in the PostgreSQL build (-Ppostgres)");
        try (ScratchDatabase db = ScratchDatabase.create("rmbsim_takeover")) {
            Map<String, String> shared = Map.of("quarkus.datasource.jdbc.url", db.url(),
                    "rmbsim.auth.key-dir", dir.resolve("keys").toString(), "settlement.auto-close", "false");
            try (RunningService leader = new RunningService(dir.resolve("first"), shared).start();
                    RunningService follower = new RunningService(dir.resolve("second"), shared).start()) {
                assertThat(role(leader)).as("the first instance leads").isEqualTo("leader");
                assertThat(role(follower)).as("the second follows").isEqualTo("follower");
                long firstEpoch = leader.request().get("/q/health").then().extract()
                        .<Number>path("checks.find { it.name == 'settlement-leadership' }.data.epoch").longValue();
                authorization = follower.authorization().orElse(null);
                List<String> bics = fundThrough(follower);
                targets = new RunningService[] {leader, follower};

                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                for (int c = 0; c < CLIENTS; c++) {
                    int id = c;
                    clients.submit(() -> pay(id, bics, follower));
                }
                await("payments answered through both instances").atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> answered.size() >= BEFORE_KILL && throughFollower.get() >= THROUGH_FOLLOWER);

                Set<String> inFlightAtKill = new HashSet<>(sending.values());
                Map<String, Answer> beforeKill = Map.copyOf(answered);
                // the trail as the leader had written it: what the survivor records comes on top of it
                long auditEntriesBeforeKill = new LedgerAudit(leader.baseUri() + "/api/v1", authorization)
                        .get("/audit/verify").get("entries").asLong();
                killedAt = System.nanoTime();
                leader.kill();
                targets = new RunningService[] {follower};
                await("the follower leads").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .ignoreExceptions().until(() -> "leader".equals(role(follower)));
                long leadsAfterMs = (System.nanoTime() - killedAt) / 1_000_000;
                await("a payment answered after the kill").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(20)).until(() -> firstAnswerAfterKill.get() != Long.MAX_VALUE);
                long writesAfterMs = (firstAnswerAfterKill.get() - killedAt) / 1_000_000;
                int answeredAtTakeover = answered.size();
                await("load on the survivor").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                        .until(() -> answered.size() >= answeredAtTakeover + AFTER_TAKEOVER);
                stop.set(true);
                clients.shutdown();
                assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
                assertThat(unexpected).as("answers other than 200, 201 and a 503 problem with Retry-After").isEmpty();

                long inFlightStoredBefore = inFlightAtKill.stream().map(answered::get)
                        .filter(a -> a != null && a.http() == 200).count();
                System.out.printf("TAKEOVER: %d payments answered before the kill (%d through the follower), %d in flight"
                        + " at the kill (%d of them found committed by the dead leader when sent again), follower leads"
                        + " %d ms after the kill, first payment answered %d ms after it, %d answered after, %d answered"
                        + " in all; %d 503 answers and %d requests without an answer on the way, each sent again%n",
                        beforeKill.size(), throughFollower.get(), inFlightAtKill.size(), inFlightStoredBefore,
                        leadsAfterMs, writesAfterMs, answered.size() - beforeKill.size(), answered.size(),
                        unavailable.get(), noAnswer.get());

                LedgerAudit audit = new LedgerAudit(follower.baseUri() + "/api/v1", authorization);
                everyAnswerIsStoredOnce(audit, beforeKill, inFlightAtKill);
                sentAgainTheyAreKnown(follower, beforeKill);
                audit.checkEveryAccountAgainstThePostingsRuleOnceQuiet();
                // the survivor recorded every payment it answered (the dead leader's last few entries may be lost)
                int answeredBySurvivor = answered.size() - beforeKill.size();
                await("the survivor's audit entries written").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> audit.get("/audit/verify").get("entries").asLong()
                                >= auditEntriesBeforeKill + answeredBySurvivor);
                JsonNode verification = audit.get("/audit/verify");
                assertThat(verification.get("intact").asBoolean()).as("audit chain: " + verification).isTrue();
                long epoch = follower.request().get("/q/health").then().extract()
                        .<Number>path("checks.find { it.name == 'settlement-leadership' }.data.epoch").longValue();
                assertThat(epoch).as("the survivor's epoch").isGreaterThan(firstEpoch);
                assertThat(follower.log()).contains("Leadership gained (epoch " + epoch + ")");
                follower.stop();
            }
        }
    }

    /** Liquidity for the seeded banks, sent through the follower (it forwards to the leader). */
    private List<String> fundThrough(RunningService follower) throws Exception {
        String base = follower.baseUri() + "/api/v1";
        List<String> bics = new ArrayList<>();
        for (JsonNode p : new LedgerAudit(base, authorization).pages("/participants?status=ACTIVE&")) {
            if (p.get("illustrative").asBoolean() || p.get("bic").asText().matches("(HCCB|ICBK|BKCH|PCBC|ABOC|COMM|CMBC|CIBK)CN.*")) {
                bics.add(p.get("bic").asText());
            }
        }
        for (String bic : bics) {
            HttpResponse<String> r = post(follower, "/accounts/" + bic + "/liquidity",
                    Map.of("direction", "IN", "amount", "5000.00", "currency", "CNY"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        return bics;
    }

    /**
     * One client: a payment at a time, to its instance (the survivor once the leader is killed), sent
     * again under the same UETR until it is answered, as a bank does that cannot know whether a
     * request without an answer was carried out.
     */
    private void pay(int id, List<String> bics, RunningService follower) {
        Random random = new Random(97L * (id + 1));
        while (!stop.get()) {
            String from = bics.get(random.nextInt(bics.size()));
            String to = bics.get(random.nextInt(bics.size()));
            if (from.equals(to)) {
                continue;
            }
            String uetr = UUID.randomUUID().toString();
            Map<String, Object> body = new HashMap<>(Map.of("uetr", uetr, "endToEndId", "TAKEOVER", "debtorAgent", from,
                    "creditorAgent", to, "amount", (1 + random.nextInt(900)) + ".00", "currency", "CNY"));
            bodies.put(uetr, body);
            sending.put(id, uetr);
            while (!stop.get()) {
                RunningService[] now = targets;
                RunningService target = now[id % now.length];
                long sentAt = System.nanoTime();
                try {
                    HttpResponse<String> r = post(target, "/payments", body);
                    if (r.statusCode() == 200 || r.statusCode() == 201) {
                        long at = System.nanoTime();
                        answered.put(uetr, new Answer(JSON.readTree(r.body()).get("status").asText(), r.statusCode(), sentAt, at));
                        if (target == follower && killedAt == 0) {
                            throughFollower.incrementAndGet();
                        }
                        if (killedAt != 0 && sentAt > killedAt) {
                            firstAnswerAfterKill.accumulateAndGet(at, Math::min);
                        }
                        break;
                    }
                    if (r.statusCode() != 503) {
                        synchronized (unexpected) {
                            unexpected.add(r.statusCode() + " " + r.body());
                        }
                        break;
                    }
                    if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                            || r.headers().firstValue("Retry-After").isEmpty()
                            || !JSON.readTree(r.body()).path("type").asText()
                                    .matches("urn:rmbsim:problem:(unavailable|audit-backlog)")) {
                        // a 503 from the leader or from a follower's forwarding: the same problem, to retry
                        synchronized (unexpected) {
                            unexpected.add("503 not a problem to retry: " + r.headers().map() + " " + r.body());
                        }
                    }
                    unavailable.incrementAndGet();
                } catch (IOException e) {
                    noAnswer.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                // a client's back-off before sending again, not a wait the test depends on
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            sending.remove(id);
        }
    }

    private void everyAnswerIsStoredOnce(LedgerAudit audit, Map<String, Answer> beforeKill, Set<String> inFlightAtKill)
            throws Exception {
        Map<String, String> stored = new HashMap<>();
        for (JsonNode p : audit.pages("/payments?")) {
            String previous = stored.put(p.get("uetr").asText(), p.get("status").asText());
            assertThat(previous).as("payment %s listed twice", p.get("uetr").asText()).isNull();
        }
        for (Map.Entry<String, Answer> a : answered.entrySet()) {
            String now = stored.get(a.getKey());
            String then = a.getValue().status();
            assertThat(now).as("payment %s answered %s", a.getKey(), then).isNotNull();
            if (then.equals("QUEUED")) {
                assertThat(now).as(a.getKey()).isIn("QUEUED", "SETTLED");
            } else {
                assertThat(now).as(a.getKey()).isEqualTo(then);
            }
        }
        for (String uetr : beforeKill.keySet()) {
            assertThat(stored).containsKey(uetr);
        }
        for (String uetr : inFlightAtKill) {
            assertThat(answered).as("in flight at the kill, then sent again until answered").containsKey(uetr);
        }
    }

    /** The same payments again, at the survivor: known (200), not accepted a second time. */
    private void sentAgainTheyAreKnown(RunningService survivor, Map<String, Answer> beforeKill) throws Exception {
        int n = 0;
        for (String uetr : beforeKill.keySet()) {
            if (n++ == 200) {
                break;
            }
            HttpResponse<String> r = post(survivor, "/payments", bodies.get(uetr));
            assertThat(r.statusCode()).as(uetr + ": " + r.body()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("uetr").asText()).isEqualTo(uetr);
        }
    }

    private HttpResponse<String> post(RunningService service, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUri() + "/api/v1" + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String role(RunningService service) {
        return service.request().get("/q/health").then().extract()
                .path("checks.find { it.name == 'settlement-leadership' }.data.role");
    }
}

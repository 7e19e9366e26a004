package io.rmbsim.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmbsim.LedgerAudit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: the packaged service is killed with SIGKILL while 8 clients submit payments, then
 * started again on the same store. Every payment that got an answer before the kill is there with
 * the same outcome (a settled one settled, a rejected one rejected, a queued one still queued or
 * settled since), none is settled twice, and every balance agrees with the contract's postings
 * rule. On H2 the store is a file in a fresh folder; with -Ppostgres it is the database named by the
 * QUARKUS_DATASOURCE_* variables.
 */
class CrashIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int CLIENTS = 8;

    @TempDir
    Path dataDir;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The operator's bearer token, when the service asks for one. */
    volatile String authorization;

    @Test
    void answeredPaymentsSurviveAKillAndNoneSettlesTwice() throws Exception {
        assumeTrue(RunningService.packaged(), "run by mvn verify after the package phase");
        Map<String, String> answered = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        List<String> bics = new ArrayList<>();
        try (RunningService service = new RunningService(dataDir, Map.of("settlement.auto-close", "false")).start()) {
            String base = service.baseUri() + "/api/v1";
            authorization = service.authorization().orElse(null);
            for (JsonNode p : new LedgerAudit(base, authorization).pages("/participants?status=ACTIVE&")) {
                if (p.get("illustrative").asBoolean() || p.get("bic").asText().matches("(HCCB|ICBK|BKCH|PCBC|ABOC|COMM|CMBC|CIBK)CN.*")) {
                    bics.add(p.get("bic").asText());
                }
            }
            for (String bic : bics) {
                send(base, "/accounts/" + bic + "/liquidity", Map.of("direction", "IN", "amount", "5000.00", "currency", "CNY"));
            }
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                long seed = 31L * (c + 1);
                clients.submit(() -> {
                    Random random = new Random(seed);
                    while (!killed.get()) {
                        String from = bics.get(random.nextInt(bics.size()));
                        String to = bics.get(random.nextInt(bics.size()));
                        if (from.equals(to)) {
                            continue;
                        }
                        String uetr = UUID.randomUUID().toString();
                        sent.incrementAndGet();
                        try {
                            JsonNode answer = send(base, "/payments", Map.of("uetr", uetr, "endToEndId", "CRASH",
                                    "debtorAgent", from, "creditorAgent", to, "amount", (1 + random.nextInt(900)) + ".00",
                                    "currency", "CNY"));
                            if (answer != null) {
                                answered.put(uetr, answer.get("status").asText());
                            }
                        } catch (Exception e) {
                            return; // the service is gone
                        }
                    }
                });
            }
            // kill once a good number of payments have been answered, with more in flight
            org.awaitility.Awaitility.await("1,500 answered payments").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(20)).until(() -> answered.size() >= 1_500);
            service.kill();
            killed.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        int inFlight = sent.get() - answered.size();
        System.out.printf("crash check: %d payments answered before the kill, %d sent without an answer%n",
                answered.size(), inFlight);
        assertThat(answered).hasSizeGreaterThanOrEqualTo(1_500);

        try (RunningService service = new RunningService(dataDir, Map.of("settlement.auto-close", "false")).start()) {
            LedgerAudit audit = new LedgerAudit(service.baseUri() + "/api/v1", service.authorization().orElse(null));
            for (Map.Entry<String, String> a : answered.entrySet()) {
                String now = audit.get("/payments/" + a.getKey()).get("status").asText();
                if (a.getValue().equals("QUEUED")) {
                    assertThat(now).as(a.getKey()).isIn("QUEUED", "SETTLED");
                } else {
                    assertThat(now).as(a.getKey()).isEqualTo(a.getValue());
                }
            }
            audit.checkEveryAccountAgainstThePostingsRuleOnceQuiet();
            service.stop();
        }
    }

    private JsonNode send(String base, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isLessThan(500);
        return JSON.readTree(r.body());
    }
}

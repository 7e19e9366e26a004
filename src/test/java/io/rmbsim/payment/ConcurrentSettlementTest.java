package io.rmbsim.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once: 10,000 random payments between seeded participants from 8 concurrent
 * clients, with random liquidity movements, credit lines granted on the indirect participants'
 * accounts, reservations for HIGH payments on the CIPS accounts, payments for deferred net settlement
 * with netting cycles run among them, duplicates and cancellations; then the day closes (its last
 * cycle, then AM04 for what is left).
 * From the API alone: every balance equals what the contract's postings rule gives from the settled
 * payments and the liquidity moved, every settled payment is posted exactly once, nothing is left
 * QUEUED, and every answer a client got is what the store holds.
 */
@QuarkusTest
class ConcurrentSettlementTest {

    static final int CLIENTS = 8;
    static final int PAYMENTS = 10_000;
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newHttpClient();
    final List<String> directs = new ArrayList<>();
    final List<String> indirects = new ArrayList<>();
    String base;
    String operatorToken;

    @Test
    void tenThousandConcurrentPaymentsKeepEveryInvariant() throws Exception {
        base = "http://localhost:" + RestAssured.port + "/api/v1";
        operatorToken = io.rmbsim.Api.operator();
        List<String> seeded = new ArrayList<>();
        for (JsonNode p : get("/participants?size=500&status=ACTIVE").get("items")) {
            boolean seededChinese = p.get("country").asText().equals("CN") && p.get("participation").asText().equals("DIRECT")
                    && !p.get("illustrative").asBoolean() && p.get("bic").asText().charAt(7) != '0';
            if (seededChinese || p.get("illustrative").asBoolean()) {
                seeded.add(p.get("bic").asText());
                if (p.get("participation").asText().equals("INDIRECT")) {
                    indirects.add(p.get("bic").asText());
                } else {
                    directs.add(p.get("bic").asText());
                }
            }
        }
        assertThat(indirects).as("indirect participants to grant credit lines to").isNotEmpty();
        assertThat(seeded).hasSizeGreaterThan(30);
        for (String bic : seeded) {
            send("POST", "/accounts/" + bic + "/liquidity", Map.of("direction", "IN", "amount", "20000.00", "currency", "CNY"));
        }

        Map<String, JsonNode> answers = new ConcurrentHashMap<>();
        AtomicInteger duplicatesRefused = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            long seed = 7919L * (c + 1);
            done.add(clients.submit(() -> {
                client(seed, seeded, answers, duplicatesRefused, cancelled);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();

        JsonNode close = send("POST", "/settlement/day/close", null).body;
        assertThat(close.get("closedDate").asText()).isNotBlank();
        assertThat(get("/payments?status=QUEUED&size=1").get("total").asInt()).isZero();
        assertThat(duplicatesRefused.get()).isPositive();

        // every answer a client got agrees with the store; a settled one stays settled
        for (Map.Entry<String, JsonNode> a : answers.entrySet()) {
            JsonNode stored = get("/payments/" + a.getKey());
            String answered = a.getValue().get("status").asText();
            if (answered.equals("SETTLED") || answered.equals("REJECTED") || answered.equals("CANCELLED")) {
                assertThat(stored.get("status").asText()).as(a.getKey()).isEqualTo(answered);
            } else {
                assertThat(stored.get("status").asText()).as(a.getKey()).isIn("SETTLED", "REJECTED", "CANCELLED");
            }
        }
        new io.rmbsim.LedgerAudit(base, "Bearer " + operatorToken).checkEveryAccountAgainstThePostingsRule();
        everyPostingNamesAnAccountAndTheLedgerAddsUp();
    }

    /** The store this test's application writes to: the one in this JVM (the IT overrides it). */
    protected javax.sql.DataSource store() {
        return io.quarkus.arc.Arc.container().instance(io.agroal.api.AgroalDataSource.class).get();
    }

    /**
     * In the store: no posting names an account that does not exist (the engine posts only to the
     * accounts it holds; no foreign key checks it: PostgreSQL since V12, H2 since V14), and all
     * postings together add up to all balances together: no yuan was made or lost outside the
     * postings; and each payment's postings have the ids its row names (V13: how
     * GET /payments/{uetr}/postings finds them).
     */
    private void everyPostingNamesAnAccountAndTheLedgerAddsUp() throws Exception {
        javax.sql.DataSource dataSource = store();
        if (dataSource == null) {
            return;
        }
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            try (var rs = s.executeQuery("select count(*) from posting p"
                    + " where not exists (select 1 from settlement_account a where a.bic = p.account_bic)")) {
                rs.next();
                assertThat(rs.getLong(1)).as("postings naming no settlement account").isZero();
            }
            // every payment's postings are where its credits_from and debits_from say (V13)
            try (var rs = s.executeQuery("select count(*), sum(case when p.id between coalesce(y.credits_from, -9)"
                    + " and coalesce(y.credits_from, -9) + 1 or p.id between coalesce(y.debits_from, -9)"
                    + " and coalesce(y.debits_from, -9) + 1 then 0 else 1 end)"
                    + " from posting p join payment y on y.uetr = p.uetr")) {
                rs.next();
                assertThat(rs.getLong(1)).as("payment postings").isPositive();
                assertThat(rs.getLong(2)).as("payment postings outside the ids their payment names").isZero();
            }
            try (var rs = s.executeQuery("select (select coalesce(sum(amount), 0) from posting),"
                    + " (select coalesce(sum(balance), 0) from settlement_account), (select count(*) from posting)")) {
                rs.next();
                assertThat(rs.getLong(3)).as("postings written").isPositive();
                assertThat(rs.getLong(1)).as("all postings against all balances").isEqualTo(rs.getLong(2));
            }
        }
    }

    private void client(long seed, List<String> bics, Map<String, JsonNode> answers, AtomicInteger duplicatesRefused,
            AtomicInteger cancelled) throws Exception {
        Random random = new Random(seed);
        List<Map<String, Object>> mine = new ArrayList<>();
        for (int i = 0; i < PAYMENTS / CLIENTS; i++) {
            int dice = random.nextInt(100);
            if (dice < 4 && !mine.isEmpty()) {
                Map<String, Object> earlier = mine.get(random.nextInt(mine.size()));
                Reply r = send("POST", "/payments", earlier);
                assertThat(r.status).as("same uetr, same content").isEqualTo(200);
                assertThat(r.body.get("uetr").asText()).isEqualTo(earlier.get("uetr"));
            } else if (dice < 6 && !mine.isEmpty()) {
                Map<String, Object> changed = new HashMap<>(mine.get(random.nextInt(mine.size())));
                changed.put("amount", "0.01");
                Reply r = send("POST", "/payments", changed);
                assertThat(r.status).as("same uetr, other content").isEqualTo(409);
                assertThat(r.body.get("reasonCode").asText()).isEqualTo("DUPL");
                duplicatesRefused.incrementAndGet();
            } else if (dice < 9 && !mine.isEmpty()) {
                String uetr = (String) mine.get(random.nextInt(mine.size())).get("uetr");
                Reply r = send("POST", "/payments/" + uetr + "/cancel", null);
                assertThat(r.status).isIn(200, 409);
                if (r.status == 200) {
                    assertThat(r.body.get("status").asText()).isEqualTo("CANCELLED");
                    answers.put(uetr, r.body);
                    cancelled.incrementAndGet();
                }
            } else if (dice < 13) {
                String bic = bics.get(random.nextInt(bics.size()));
                String direction = random.nextInt(4) == 0 ? "OUT" : "IN";
                Reply r = send("POST", "/accounts/" + bic + "/liquidity", Map.of("direction", direction,
                        "amount", (1 + random.nextInt(5000)) + ".00", "currency", "CNY"));
                assertThat(r.status).isIn(200, 409);
            } else if (dice < 15) {
                // the agent grants (or lowers) a credit line: refused only below what is used
                String bic = indirects.get(random.nextInt(indirects.size()));
                Reply r = send("PUT", "/accounts/" + bic + "/credit-line", Map.of("currency", "CNY",
                        "amount", random.nextInt(3) == 0 ? "0.00" : (1 + random.nextInt(8000)) + ".00"));
                assertThat(r.status).as(r.body.toString()).isIn(200, 409);
                if (r.status == 409) {
                    assertThat(r.body.get("reasonCode").asText()).isEqualTo("AM04");
                }
            } else if (dice < 17) {
                Reply r = send("POST", "/settlement/cycles", null);
                assertThat(r.status).as(r.body.toString()).isEqualTo(200);
            } else if (dice < 18) {
                String bic = directs.get(random.nextInt(directs.size()));
                Reply r = send("PUT", "/accounts/" + bic + "/reservation", Map.of("currency", "CNY",
                        "amount", random.nextInt(2) == 0 ? "0.00" : (1 + random.nextInt(5000)) + ".00"));
                assertThat(r.status).as(r.body.toString()).isEqualTo(200);
            } else {
                String from = bics.get(random.nextInt(bics.size()));
                String to = bics.get(random.nextInt(bics.size()));
                if (from.equals(to)) {
                    continue;
                }
                Map<String, Object> p = new HashMap<>();
                p.put("uetr", UUID.randomUUID().toString());
                p.put("endToEndId", "LOAD-" + i);
                p.put("debtorAgent", from);
                p.put("creditorAgent", to);
                p.put("amount", (1 + random.nextInt(3000)) + "." + String.format("%02d", random.nextInt(100)));
                p.put("currency", "CNY");
                p.put("priority", random.nextInt(10) == 0 ? "HIGH" : "NORM");
                if (random.nextInt(8) == 0) {
                    p.put("settlement", "DNS");
                }
                Reply r = send("POST", "/payments", p);
                assertThat(r.status).as(r.body.toString()).isEqualTo(201);
                answers.putIfAbsent((String) p.get("uetr"), r.body);
                mine.add(p);
            }
        }
    }

    /**
     * A client that retries before its first answer came: copies of one payment arrive together, in the
     * same batch or in the next one while the first is still being written. Each settles once, one
     * copy is answered 201 and the others 200 with the same settled payment.
     */
    @Test
    void copiesOfOnePaymentSentAtOnceSettleItOnce() throws Exception {
        base = "http://localhost:" + RestAssured.port + "/api/v1";
        operatorToken = io.rmbsim.Api.operator();
        String debtor = io.rmbsim.Payments.newDirect();
        String creditor = io.rmbsim.Payments.newDirect();
        io.rmbsim.Payments.fund(debtor, "1000.00");
        int payments = 300;
        int copies = 4;
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < payments; i++) {
            bodies.add(io.rmbsim.Payments.payment(debtor, creditor, "1.00"));
        }
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Future<Reply>> replies = new ArrayList<>();
        for (Map<String, Object> body : bodies) {
            for (int c = 0; c < copies; c++) {
                replies.add(senders.submit(() -> send("POST", "/payments", body)));
            }
        }
        Map<String, Integer> created = new HashMap<>();
        for (Future<Reply> f : replies) {
            Reply r = f.get();
            assertThat(r.status).as(r.body.toString()).isIn(200, 201);
            assertThat(r.body.get("status").asText()).isEqualTo("SETTLED");
            created.merge(r.body.get("uetr").asText(), r.status == 201 ? 1 : 0, Integer::sum);
        }
        senders.shutdown();
        assertThat(created).hasSize(payments).allSatisfy((uetr, firsts) -> assertThat(firsts).as(uetr).isEqualTo(1));
        assertThat(get("/accounts/" + debtor).get("balance").asText()).isEqualTo("700.00");
        assertThat(get("/accounts/" + creditor).get("balance").asText()).isEqualTo("300.00");
    }

    private record Reply(int status, JsonNode body) {
    }

    private JsonNode get(String path) throws Exception {
        Reply r = send("GET", path, null);
        assertThat(r.status).as("GET " + path).isEqualTo(200);
        return r.body;
    }

    private Reply send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + operatorToken);
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(500);
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }
}

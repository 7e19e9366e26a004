package io.rmbsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a running service's ledger from its API alone, as the contract says anyone can: every
 * balance equals its liquidity plus the postings rule applied to the settled payments, every
 * settled payment is posted once leg by leg and nothing else is, and the CIPS accounts together
 * hold the net liquidity moved in.
 */
public final class LedgerAudit {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    /** @param base e.g. {@code http://localhost:8080/api/v1} */
    public LedgerAudit(String base) {
        this(base, null);
    }

    /** @param authorization the {@code Authorization} header to send (a bearer token), or null for none */
    public LedgerAudit(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /**
     * Rebuilds every account from the settled payments and the liquidity moved, per the contract's
     * postings rule; no CIPS account is negative, no indirect one below its credit line and earmarks.
     */
    /**
     * {@link #checkEveryAccountAgainstThePostingsRule} at a moment when nothing settles while it reads.
     * Just after a restart or a takeover, payments restored to the queue may settle while the check
     * pages through payments and then postings, and a reading can then see a payment's postings but
     * not yet its status. A reading taken between batches agrees; a real mismatch stays and fails.
     */
    public void checkEveryAccountAgainstThePostingsRuleOnceQuiet() {
        org.awaitility.Awaitility.await("a consistent reading of every account").atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofSeconds(1)).untilAsserted(this::checkEveryAccountAgainstThePostingsRule);
    }

    public void checkEveryAccountAgainstThePostingsRule() throws Exception {
        Map<String, String> agentOf = new HashMap<>();
        for (JsonNode p : pages("/participants?")) {
            String bic = p.get("bic").asText();
            agentOf.put(bic, p.get("participation").asText().equals("DIRECT") ? bic : p.get("settlementAgent").asText());
        }
        Map<String, BigDecimal> expected = new HashMap<>();
        Map<String, Integer> legsOf = new HashMap<>();
        java.util.List<String> postingsToAsk = new java.util.ArrayList<>();
        for (JsonNode pay : pages("/payments?status=SETTLED&")) {
            // each payment settled with others at once (offsets, netting, releases of a book transfer) and
            // every 25th settled gross: its own postings asked for below
            if (!pay.get("settlementMethod").asText().equals("RTGS") || legsOf.size() % 25 == 0) {
                postingsToAsk.add(pay.get("uetr").asText());
            }
            String d = pay.get("debtorAgent").asText();
            String c = pay.get("creditorAgent").asText();
            BigDecimal v = new BigDecimal(pay.get("amount").asText());
            String a = agentOf.get(d);
            String b = agentOf.get(c);
            int legs = 0;
            if (!d.equals(a)) {
                expected.merge(d, v.negate(), BigDecimal::add);
                legs++;
            }
            if (!a.equals(b)) {
                expected.merge(a, v.negate(), BigDecimal::add);
                expected.merge(b, v, BigDecimal::add);
                legs += 2;
            }
            if (!c.equals(b)) {
                expected.merge(c, v, BigDecimal::add);
                legs++;
            }
            legsOf.put(pay.get("uetr").asText(), legs);
        }
        Map<String, Integer> postedLegs = new HashMap<>();
        Map<String, java.util.TreeSet<Long>> postingIdsOf = new HashMap<>();
        BigDecimal cipsTotal = BigDecimal.ZERO;
        BigDecimal cipsLiquidity = BigDecimal.ZERO;
        for (String bic : agentOf.keySet()) {
            BigDecimal fromPostings = BigDecimal.ZERO;
            BigDecimal liquidity = BigDecimal.ZERO;
            for (JsonNode posting : pages("/accounts/" + bic + "/postings?")) {
                BigDecimal amount = new BigDecimal(posting.get("amount").asText());
                BigDecimal signed = posting.get("direction").asText().equals("CRDT") ? amount : amount.negate();
                fromPostings = fromPostings.add(signed);
                if (posting.get("kind").asText().startsWith("LIQUIDITY")) {
                    liquidity = liquidity.add(signed);
                } else {
                    postedLegs.merge(posting.get("uetr").asText(), 1, Integer::sum);
                    postingIdsOf.computeIfAbsent(posting.get("uetr").asText(), u -> new java.util.TreeSet<>())
                            .add(posting.get("id").asLong());
                }
            }
            JsonNode account = get("/accounts/" + bic);
            BigDecimal balance = new BigDecimal(account.get("balance").asText());
            assertThat(balance).as("balance of %s against its postings", bic).isEqualByComparingTo(fromPostings);
            assertThat(balance).as("balance of %s against the postings rule", bic)
                    .isEqualByComparingTo(liquidity.add(expected.getOrDefault(bic, BigDecimal.ZERO)));
            if (agentOf.get(bic).equals(bic)) {
                assertThat(balance.signum()).as("CIPS account %s is never negative", bic).isNotNegative();
                assertThat(account.get("creditLine").asText()).isEqualTo("0.00");
            } else {
                // an indirect's account may go below zero within its credit line, its earmarks covered
                BigDecimal line = new BigDecimal(account.get("creditLine").asText());
                BigDecimal earmarked = new BigDecimal(account.get("earmarked").asText());
                assertThat(balance.add(line).subtract(earmarked).signum())
                        .as("%s: balance %s + credit line %s - earmarked %s", bic, balance, line, earmarked).isNotNegative();
            }
            if (agentOf.get(bic).equals(bic)) {
                cipsTotal = cipsTotal.add(balance);
                cipsLiquidity = cipsLiquidity.add(liquidity);
            }
        }
        assertThat(cipsTotal).as("the CIPS accounts together hold the net liquidity moved in").isEqualByComparingTo(cipsLiquidity);
        assertThat(postedLegs).as("every settled payment is posted once, leg by leg, and nothing else is").isEqualTo(
                withoutZeroLegs(legsOf));
        // a payment's own postings (found by their ids since V13) are those its accounts list under its UETR
        for (String uetr : postingsToAsk) {
            java.util.List<Long> own = new java.util.ArrayList<>();
            get("/payments/" + uetr + "/postings").forEach(posting -> own.add(posting.get("id").asLong()));
            assertThat(own).as("postings of %s", uetr).containsExactlyElementsOf(
                    postingIdsOf.getOrDefault(uetr, new java.util.TreeSet<>()));
        }
    }

    private static Map<String, Integer> withoutZeroLegs(Map<String, Integer> legs) {
        Map<String, Integer> m = new HashMap<>(legs);
        m.values().removeIf(v -> v == 0);
        return m;
    }

    public List<JsonNode> pages(String path) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode p = get(path + "size=500&page=" + page);
            p.get("items").forEach(all::add);
            if (all.size() >= p.get("total").asInt() || p.get("items").isEmpty()) {
                return all;
            }
        }
    }

    public JsonNode get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}

package io.rmbsim.payment;

import static io.rmbsim.Api.get;
import static io.rmbsim.Api.given;
import static io.rmbsim.Api.post;
import static io.rmbsim.Api.problem;
import static io.rmbsim.Payments.newDirect;
import static io.rmbsim.Payments.newIndirect;
import static io.rmbsim.Payments.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Finding 3 of the robustness issue, scaled to what one test can send: pacs.008 documents of 1,000
 * transactions of the largest amount the contract allows, from a bank that has nothing. Before the
 * engine had a capacity its sums wrapped: the day and the account list answered 500, offsetting and
 * the close 503, forever. Now what would not fit is refused with AM13 and nothing else changes.
 */
@QuarkusTest
class SettlementCapacityTest {

    static final String LARGEST = "999999999999.99";
    static final BigDecimal LARGEST_VALUE = new BigDecimal(LARGEST);

    @Test
    void aFloodOfTheLargestPaymentsIsQueuedOrRefusedWithAReasonAndTheDayStillCloses() {
        // indirect to indirect at two agents: each queued payment counts on four accounts
        String payerAgent = newDirect();
        String payeeAgent = newDirect();
        String payer = newIndirect(payerAgent, "RU");
        String payee = newIndirect(payeeAgent, "RU");
        List<String> statuses = new ArrayList<>();
        for (int document = 0; document < 12 && !statuses.contains("RJCT"); document++) {
            List<String> transactions = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                transactions.add(Pacs008XmlTest.transaction(UUID.randomUUID().toString(), payer, payee, LARGEST, "CNY"));
            }
            XmlPath report = Pacs008XmlTest.submit(Pacs008XmlTest.document("FLOOD-" + document,
                    transactions.toArray(String[]::new)));
            List<String> txStatuses = report.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts");
            List<String> reasons = report.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.StsRsnInf.Rsn.Cd");
            assertThat(txStatuses).hasSize(1000);
            if (txStatuses.contains("RJCT")) {
                assertThat(reasons).as("every refusal names the capacity").isNotEmpty().containsOnly("AM13");
            }
            statuses.addAll(txStatuses);
        }
        long queued = statuses.stream().filter("PDNG"::equals).count();
        assertThat(statuses).as("refused only once the capacity is reached, and from then on").containsOnly("PDNG", "RJCT")
                .contains("RJCT");
        assertThat(statuses.subList((int) queued, statuses.size())).containsOnly("RJCT");
        // 2^62 fen over four accounts of 999999999999.99 each: a little over 11,500 payments
        assertThat(queued).isBetween(11_000L, 11_530L);

        BigDecimal queuedValue = LARGEST_VALUE.multiply(BigDecimal.valueOf(queued));
        String dayQueue = get("/api/v1/settlement/day").statusCode(200).extract().path("queue.value");
        assertThat(new BigDecimal(dayQueue)).isGreaterThanOrEqualTo(queuedValue);
        get("/api/v1/accounts?size=500").statusCode(200);
        get("/api/v1/accounts/" + payer).statusCode(200).body("queuedOutgoing", equalTo(queuedValue.toPlainString()));
        // the payer has no cover at its agent (contract 1.1): none of it reached the agent's CIPS queue
        get("/api/v1/accounts/" + payer).statusCode(200).body("earmarked", equalTo("0.00"));
        get("/api/v1/accounts/" + payerAgent).statusCode(200).body("queuedOutgoing", equalTo("0.00"));

        // one more, as JSON: refused to its sender with the reason, and not kept
        Map<String, Object> more = payment(payer, payee, LARGEST);
        problem(post("/api/v1/payments", more), 422).body("reasonCode", equalTo("AM13"));
        get("/api/v1/payments/" + more.get("uetr")).statusCode(404);
        // a payment refused for what it is keeps that reason, whatever the capacity
        Map<String, Object> dollars = new java.util.HashMap<>(payment(payer, payee, LARGEST));
        dollars.put("currency", "USD");
        post("/api/v1/payments", dollars).statusCode(201).body("status", equalTo("REJECTED")).body("reasonCode", equalTo("AM03"));
        // liquidity moves one account only, so up to three more may fit; then a refusal, not a 503, and nothing moved
        int refusedAt = -1;
        for (int i = 0; i < 5 && refusedAt < 0; i++) {
            String before = get("/api/v1/accounts/" + payeeAgent).extract().path("balance");
            var move = post("/api/v1/accounts/" + payeeAgent + "/liquidity", Map.of("direction", "IN", "amount", LARGEST,
                    "currency", "CNY"));
            if (move.extract().statusCode() != 200) {
                problem(move, 422).body("reasonCode", equalTo("AM13"));
                get("/api/v1/accounts/" + payeeAgent).body("balance", equalTo(before));
                refusedAt = i;
            }
        }
        assertThat(refusedAt).as("liquidity refused once the capacity is reached").isBetween(0, 3);

        post("/api/v1/settlement/offset").statusCode(200).body("settledCount", equalTo(0));
        var close = post("/api/v1/settlement/day/close").statusCode(200).extract();
        assertThat(((Number) close.path("rejected")).longValue()).isGreaterThanOrEqualTo(queued);
        assertThat(new BigDecimal((String) close.path("rejectedValue"))).isGreaterThanOrEqualTo(queuedValue);
        get("/api/v1/accounts/" + payer).body("queuedOutgoing", equalTo("0.00"));

        // the day after, the same payment is taken
        given().contentType("application/json").body(more).when().post("/api/v1/payments").then().statusCode(201).body("status", equalTo("QUEUED"));
        post("/api/v1/settlement/day/close").statusCode(200);
    }
}

package io.rmbsim.ledger;

import static io.rmbsim.Api.given;
import static io.rmbsim.Api.get;
import static io.rmbsim.Api.invalidField;
import static io.rmbsim.Api.post;
import static io.rmbsim.Api.problem;
import static io.rmbsim.Payments.balance;
import static io.rmbsim.Payments.fund;
import static io.rmbsim.Payments.newDirect;
import static io.rmbsim.Payments.newIndirect;
import static io.rmbsim.Payments.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountResourceTest {

    static Map<String, Object> liquidity(String direction, String amount) {
        return Map.of("direction", direction, "amount", amount, "currency", "CNY", "reference", "CNAPS-TEST");
    }

    @Test
    void everyParticipantHasItsAccountWhereTheContractSays() {
        String direct = newDirect();
        String indirect = newIndirect(direct, "RU");
        get("/api/v1/accounts/" + direct).statusCode(200).body("heldAt", equalTo("CIPS")).body("balance", equalTo("0.00"));
        get("/api/v1/accounts/" + indirect).statusCode(200).body("heldAt", equalTo(direct));
        get("/api/v1/accounts/HCCBCNBH").statusCode(200).body("bic", equalTo("HCCBCNBHXXX")).body("heldAt", equalTo("CIPS"));
        problem(get("/api/v1/accounts/ZZZZCNZ0XXX"), 404);
        problem(get("/api/v1/accounts/bad"), 400);
    }

    @Test
    void approvedApplicantGetsItsAccountAtItsAgent() {
        String bic = io.rmbsim.TestData.newBic("RU");
        String id = post("/api/v1/applications", Map.of("bic", bic, "name", "Applicant", "country", "RU",
                "settlementAgent", "HCCBCNBHXXX", "institutionType", "BANK")).statusCode(201).extract().path("id");
        problem(get("/api/v1/accounts/" + bic), 404);
        post("/api/v1/applications/" + id + "/approve").statusCode(200);
        get("/api/v1/accounts/" + bic).statusCode(200).body("heldAt", equalTo("HCCBCNBHXXX"));
        fund(bic, "10.00");
        assertThat(balance(bic)).isEqualTo("10.00");
    }

    @Test
    void liquidityMovesInAndOutButNeverBelowZero() {
        String x = newDirect();
        post("/api/v1/accounts/" + x + "/liquidity", liquidity("IN", "1000.50")).statusCode(200)
                .body("balance", equalTo("1000.50"));
        post("/api/v1/accounts/" + x + "/liquidity", liquidity("OUT", "0.50")).statusCode(200)
                .body("balance", equalTo("1000.00"));
        problem(post("/api/v1/accounts/" + x + "/liquidity", liquidity("OUT", "1000.01")), 409);
        assertThat(balance(x)).isEqualTo("1000.00");
    }

    @Test
    void aLiquidityMoveRetriedUnderItsIdempotencyKeyMovesNothingAgain() {
        String x = newDirect();
        String key = "cnaps-" + java.util.UUID.randomUUID();
        String path = "/api/v1/accounts/" + x + "/liquidity";
        given().contentType("application/json").header("Idempotency-Key", key).body(liquidity("IN", "250.00")).when().post(path).then().statusCode(200)
                .body("balance", equalTo("250.00")).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        // the client did not hear the answer and sends it again: the first outcome, nothing moved again
        given().contentType("application/json").header("Idempotency-Key", key).body(liquidity("IN", "250.00")).when().post(path).then().statusCode(200)
                .body("balance", equalTo("250.00")).header("Idempotent-Replayed", "true");
        assertThat(balance(x)).isEqualTo("250.00");
        get("/api/v1/accounts/" + x + "/postings?kind=LIQUIDITY_IN").body("total", equalTo(1));
        // the same key for a different movement is a conflict, and moves nothing
        problem(given().contentType("application/json").header("Idempotency-Key", key).body(liquidity("OUT", "250.00")).when().post(path).then(), 409)
                .body("reasonCode", equalTo("DUPL"));
        assertThat(balance(x)).isEqualTo("250.00");
        // keys are the account's own: another account may use the same one
        String y = newDirect();
        given().contentType("application/json").header("Idempotency-Key", key).body(liquidity("IN", "1.00")).when()
                .post("/api/v1/accounts/" + y + "/liquidity").then().statusCode(200).body("balance", equalTo("1.00"));
        // a refused movement is not kept: once there is a balance, the same key moves it
        String outKey = "out-" + java.util.UUID.randomUUID();
        problem(given().contentType("application/json").header("Idempotency-Key", outKey).body(liquidity("OUT", "300.00")).when().post(path).then(), 409);
        fund(x, "50.00");
        given().contentType("application/json").header("Idempotency-Key", outKey).body(liquidity("OUT", "300.00")).when().post(path).then().statusCode(200)
                .body("balance", equalTo("0.00"));
        invalidField(given().contentType("application/json").header("Idempotency-Key", "has spaces in it").body(liquidity("IN", "1.00")).when()
                .post(path).then(), "Idempotency-Key");
    }

    @Test
    void concurrentRetriesOfOneLiquidityMoveMoveItOnce() throws Exception {
        String x = newDirect();
        String key = "burst-" + java.util.UUID.randomUUID();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> given().contentType("application/json").header("Idempotency-Key", key).body(liquidity("IN", "10.00"))
                        .when().post("/api/v1/accounts/" + x + "/liquidity").then().extract().statusCode()));
            }
            for (var a : answers) {
                assertThat(a.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(balance(x)).isEqualTo("10.00");
    }

    @Test
    void anIndirectsLiquidityDoesNotMoveItsAgentsCipsAccount() {
        String agent = newDirect();
        String member = newIndirect(agent, "RU");
        post("/api/v1/accounts/" + member + "/liquidity", liquidity("IN", "70.00")).statusCode(200);
        assertThat(balance(agent)).isEqualTo("0.00");
        assertThat(balance(member)).isEqualTo("70.00");
    }

    @Test
    void liquidityRequestsAreValidated() {
        String x = newDirect();
        invalidField(post("/api/v1/accounts/" + x + "/liquidity", liquidity("SIDEWAYS", "1.00")), "direction");
        invalidField(post("/api/v1/accounts/" + x + "/liquidity", liquidity("IN", "0")), "amount");
        invalidField(post("/api/v1/accounts/" + x + "/liquidity", liquidity("IN", "1.001")), "amount");
        invalidField(post("/api/v1/accounts/" + x + "/liquidity", Map.of("direction", "IN", "amount", "1.00", "currency", "USD")), "currency");
        invalidField(post("/api/v1/accounts/" + x + "/liquidity", Map.of("direction", "IN", "amount", 1, "currency", "CNY")), "amount");
        problem(post("/api/v1/accounts/ZZZZCNZ0XXX/liquidity", liquidity("IN", "1.00")), 404);
        String gone = newDirect();
        post("/api/v1/participants/" + gone + "/terminate").statusCode(200);
        problem(post("/api/v1/accounts/" + gone + "/liquidity", liquidity("IN", "1.00")), 409);
        assertThat(balance(x)).isEqualTo("0.00");
    }

    @Test
    void postingsAndStatementShowTheDayDoubleEntry() {
        String x = newDirect();
        String y = newDirect();
        fund(x, "500.00");
        String uetr = pay(x, y, "120.00");
        get("/api/v1/accounts/" + x + "/postings").statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].kind", equalTo("LIQUIDITY_IN")).body("items[0].direction", equalTo("CRDT"))
                .body("items[1].kind", equalTo("PAYMENT")).body("items[1].direction", equalTo("DBIT"))
                .body("items[1].amount", equalTo("120.00")).body("items[1].balanceAfter", equalTo("380.00"))
                .body("items[1].uetr", equalTo(uetr)).body("items[1].counterparty", equalTo(y));
        get("/api/v1/accounts/" + y + "/postings").body("items", hasSize(1))
                .body("items[0].direction", equalTo("CRDT")).body("items[0].uetr", equalTo(uetr));
        String day = get("/api/v1/settlement/day").extract().path("businessDate");
        get("/api/v1/accounts/" + x + "/statement?date=" + day).statusCode(200)
                .body("openingBalance", equalTo("0.00")).body("closingBalance", equalTo("380.00"))
                .body("totalCredits", equalTo("500.00")).body("totalDebits", equalTo("120.00"))
                .body("isFinal", equalTo(false)).body("entries", hasSize(2));
        get("/api/v1/accounts/" + x + "/postings?from=" + day + "&to=" + day).body("total", equalTo(2));
        invalidField(get("/api/v1/accounts/" + x + "/statement?date=2999-01-01"), "date");
        invalidField(get("/api/v1/accounts/" + x + "/postings?from=soon"), "from");
    }

    @Test
    void theAccountListShowsEveryAccountWithWhatIsQueuedToAndFromIt() {
        String agent = newDirect();
        String member = newIndirect(agent, "RU");
        String poor = newDirect();
        fund(agent, "100.00");
        fund(member, "100.00");
        pay(member, agent, "40.00");                       // a book transfer: settles at the agent
        String waiting = pay(poor, member, "25.00");         // poor has nothing: queued
        assertThat(io.rmbsim.Payments.status(waiting)).isEqualTo("QUEUED");
        // an indirect behind poor, with funds of its own: it waits for cover at poor's CIPS account (its second debit)
        String poorsMember = newIndirect(poor, "RU");
        fund(poorsMember, "10.00");
        String waitingToo = pay(poorsMember, member, "7.00");
        assertThat(io.rmbsim.Payments.status(waitingToo)).isEqualTo("QUEUED");

        Map<String, Map<String, Object>> byBic = new java.util.HashMap<>();
        int total = get("/api/v1/accounts?size=1").statusCode(200).extract().path("total");
        for (int page = 0; page * 500 < total; page++) {
            List<Map<String, Object>> items = get("/api/v1/accounts?size=500&page=" + page).extract().path("items");
            items.forEach(a -> byBic.put((String) a.get("bic"), a));
        }
        assertThat(byBic).hasSize(total);
        assertThat(byBic.get(member)).containsEntry("heldAt", agent).containsEntry("balance", "60.00")
                .containsEntry("queuedIncoming", "32.00").containsEntry("queuedOutgoing", "0.00");
        assertThat(byBic.get(poor)).containsEntry("heldAt", "CIPS").containsEntry("balance", "0.00")
                .containsEntry("queuedOutgoing", "32.00").containsEntry("queuedCount", 2);
        assertThat(byBic.get(poorsMember)).containsEntry("heldAt", poor).containsEntry("balance", "10.00")
                .containsEntry("queuedOutgoing", "7.00").containsEntry("queuedCount", 1);
        // both wait to credit the agent's CIPS account on their way to member
        assertThat(byBic.get(agent)).containsEntry("queuedIncoming", "32.00").containsEntry("queuedOutgoing", "0.00");
        // each row says what the single-account view says
        for (String bic : List.of(agent, member, poor, poorsMember)) {
            Map<String, Object> one = get("/api/v1/accounts/" + bic).extract().path("");
            assertThat(byBic.get(bic)).isEqualTo(one);
        }
        List<String> atAgent = get("/api/v1/accounts?heldAt=" + agent).statusCode(200).extract().path("items.bic");
        assertThat(atAgent).containsExactly(member);
        List<String> atCips = get("/api/v1/accounts?heldAt=cips&size=500").statusCode(200).extract().path("items.heldAt");
        assertThat(atCips).isNotEmpty().containsOnly("CIPS");
        List<String> sorted = get("/api/v1/accounts?size=500").extract().path("items.bic");
        assertThat(sorted).isSorted();
        problem(get("/api/v1/accounts?heldAt=not-a-bic"), 400);
    }

    @Test
    void aPaymentsPostingsAreTheOnesItsSettlementMade() {
        String agent = newDirect();
        String member = newIndirect(agent, "RU");
        String other = newDirect();
        fund(agent, "100.00");
        fund(member, "100.00");
        String uetr = pay(member, other, "30.00");
        List<Map<String, Object>> postings = get("/api/v1/payments/" + uetr + "/postings").statusCode(200).extract().path("");
        assertThat(postings).extracting(p -> p.get("account") + " " + p.get("direction") + " " + p.get("amount"))
                .containsExactlyInAnyOrder(member + " DBIT 30.00", agent + " DBIT 30.00", other + " CRDT 30.00");
        assertThat(postings).allMatch(p -> uetr.equals(p.get("uetr")));

        String queued = pay(other, newDirect(), "1000.00");
        get("/api/v1/payments/" + queued + "/postings").statusCode(200).body("", hasSize(0));
        problem(get("/api/v1/payments/" + java.util.UUID.randomUUID() + "/postings"), 404);
    }

    @Test
    void statementIsAvailableAsCamt053() {
        String x = newDirect();
        String member = newIndirect(x, "RU");
        fund(x, "500.00");
        fund(member, "80.00");
        pay(member, x, "30.00");
        String xml = given().accept("application/xml").get("/api/v1/accounts/" + member + "/statement")
                .then().statusCode(200).contentType("application/xml").extract().asString();
        assertThat(xml).contains("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08");
        XmlPath camt = XmlPath.from(xml);
        List<String> indicators = camt.getList("Document.BkToCstmrStmt.Stmt.Ntry.CdtDbtInd");
        assertThat(indicators).containsExactly("CRDT", "DBIT");
        assertThat(camt.getList("Document.BkToCstmrStmt.Stmt.Bal.Amt")).contains("0.00", "50.00");
        assertThat(xml).contains(x);
    }
}

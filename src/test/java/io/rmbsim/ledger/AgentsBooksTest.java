package io.rmbsim.ledger;

import static io.rmbsim.Api.as;
import static io.rmbsim.Api.get;
import static io.rmbsim.Api.member;
import static io.rmbsim.Api.problem;
import static io.rmbsim.Payments.balance;
import static io.rmbsim.Payments.fund;
import static io.rmbsim.Payments.newDirect;
import static io.rmbsim.Payments.newIndirect;
import static io.rmbsim.Payments.payment;
import static io.rmbsim.Payments.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.rmbsim.Api;
import io.rmbsim.LedgerAudit;
import io.rmbsim.Payments;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract 1.1, the agent's books come first: an indirect participant's payment needs cover on its
 * own account at its agent before it reaches CIPS; agents grant credit lines; CIPS accounts reserve
 * liquidity for HIGH payments; and a member acting for a direct participant sees its own indirect
 * participants' accounts and payments, and nothing more of other banks. Each test builds its own
 * agent with its own indirect participants, so that nothing else touches their accounts.
 */
@QuarkusTest
class AgentsBooksTest {

    static ValidatableResponse put(String token, String path, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).when().put(path).then();
    }

    static Map<String, Object> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    static String pay(String debtor, String creditor, String amount, String priority) {
        Map<String, Object> body = payment(debtor, creditor, amount);
        body.put("priority", priority);
        return Payments.pay(body).statusCode(201).extract().path("uetr");
    }

    @Test
    void anUnfundedIndirectsHugeHighPaymentHoldsNobodyHostage() throws Exception {
        String agent = newDirect();
        String other = newDirect();
        String russian = newIndirect(agent, "RU");
        String secondRussian = newIndirect(agent, "RU");
        fund(russian, "100000.00");
        fund(agent, "500000.00");
        fund(secondRussian, "50000.00");
        String hostage = pay(russian, other, "999999999999.99", "HIGH");
        assertThat(status(hostage)).isEqualTo("QUEUED");
        get("/api/v1/accounts/" + russian).body("queuedOutgoing", equalTo("999999999999.99"))
                .body("earmarked", equalTo("0.00"));
        get("/api/v1/accounts/" + agent).body("queuedOutgoing", equalTo("0.00"));
        // the agent's own covered HIGH payment and another indirect's covered payment settle at once
        String agentsOwn = pay(agent, other, "200000.00", "HIGH");
        String secondOne = pay(secondRussian, other, "30000.00", "NORM");
        assertThat(status(agentsOwn)).isEqualTo("SETTLED");
        assertThat(status(secondOne)).isEqualTo("SETTLED");
        assertThat(balance(agent)).isEqualTo("270000.00");
        assertThat(balance(russian)).isEqualTo("100000.00");
        new LedgerAudit("http://localhost:" + io.restassured.RestAssured.port + "/api/v1", "Bearer " + Api.operator())
                .checkEveryAccountAgainstThePostingsRule();
    }

    @Test
    void aCreditLineLetsAnIndirectPayUpToTheLineAndNotAFenMore() {
        String agent = newDirect();
        String other = newDirect();
        String russian = newIndirect(agent, "RU");
        fund(agent, "1000000.00");
        put(member(agent), "/api/v1/accounts/" + russian + "/credit-line", cny("100000.00")).statusCode(200)
                .body("creditLine", equalTo("100000.00")).body("available", equalTo("100000.00"));
        String tooMuch = pay(russian, other, "100000.01", "NORM");
        assertThat(status(tooMuch)).isEqualTo("QUEUED");
        Api.post("/api/v1/payments/" + tooMuch + "/cancel", Map.of()).statusCode(200);
        String upToTheLine = pay(russian, other, "100000.00", "NORM");
        assertThat(status(upToTheLine)).isEqualTo("SETTLED");
        get("/api/v1/accounts/" + russian).body("balance", equalTo("-100000.00")).body("available", equalTo("0.00"));
        String oneFenMore = pay(russian, other, "0.01", "HIGH");
        assertThat(status(oneFenMore)).isEqualTo("QUEUED");
        // lowering the line below what is used is refused, and changes nothing
        problem(put(member(agent), "/api/v1/accounts/" + russian + "/credit-line", cny("99999.99")), 409);
        get("/api/v1/accounts/" + russian).body("creditLine", equalTo("100000.00"));
        // a higher line releases what waits
        put(Api.operator(), "/api/v1/accounts/" + russian + "/credit-line", cny("100000.01")).statusCode(200);
        assertThat(status(oneFenMore)).isEqualTo("SETTLED");
    }

    @Test
    void creditLinesAreTheAgentsToGrantOnIndirectAccountsOnly() {
        String agent = newDirect();
        String otherAgent = newDirect();
        String russian = newIndirect(agent, "RU");
        problem(put(member(russian), "/api/v1/accounts/" + russian + "/credit-line", cny("10.00")), 403);
        problem(put(member(otherAgent), "/api/v1/accounts/" + russian + "/credit-line", cny("10.00")), 404);
        problem(put(member(agent), "/api/v1/accounts/" + agent + "/credit-line", cny("10.00")), 403);
        problem(put(Api.operator(), "/api/v1/accounts/" + agent + "/credit-line", cny("10.00")), 409);
        problem(put(Api.auditor(), "/api/v1/accounts/" + russian + "/credit-line", cny("10.00")), 403);
        Api.invalidField(put(Api.operator(), "/api/v1/accounts/" + russian + "/credit-line",
                Map.of("amount", "-1.00", "currency", "CNY")), "amount");
        get("/api/v1/accounts/" + russian).body("creditLine", equalTo("0.00"));
    }

    @Test
    void aReservationKeepsLiquidityForHighPayments() {
        String agent = newDirect();
        String other = newDirect();
        fund(agent, "1000.00");
        put(member(agent), "/api/v1/accounts/" + agent + "/reservation", cny("700.00")).statusCode(200)
                .body("reserved", equalTo("700.00")).body("available", equalTo("300.00"));
        String normal = pay(agent, other, "400.00", "NORM");
        assertThat(status(normal)).isEqualTo("QUEUED");
        String urgent = pay(agent, other, "500.00", "HIGH");
        assertThat(status(urgent)).isEqualTo("SETTLED");
        problem(Api.post("/api/v1/accounts/" + agent + "/liquidity",
                Map.of("direction", "OUT", "amount", "0.01", "currency", "CNY", "reference", "TO-CNAPS")), 409);
        put(member(agent), "/api/v1/accounts/" + agent + "/reservation", cny("0.00")).statusCode(200);
        fund(agent, "100.00");
        assertThat(status(normal)).isEqualTo("SETTLED");
        String russian = newIndirect(agent, "RU");
        problem(put(Api.operator(), "/api/v1/accounts/" + russian + "/reservation", cny("1.00")), 409);
        problem(put(member(other), "/api/v1/accounts/" + agent + "/reservation", cny("1.00")), 404);
    }

    @Test
    void theAgentSeesItsOwnIndirectsAndNothingOfOtherAgentsIndirects() {
        String agent = newDirect();
        String otherAgent = newDirect();
        String russian = newIndirect(agent, "RU");
        String othersRussian = newIndirect(otherAgent, "RU");
        fund(russian, "100.00");
        fund(othersRussian, "100.00");
        String waiting = pay(russian, otherAgent, "500.00", "NORM");
        String othersPayment = pay(othersRussian, otherAgent, "1.00", "NORM");
        String token = member(agent);
        // the indirect's account, postings, statement, its payments, their queue entries
        as(token).get("/api/v1/accounts/" + russian).then().statusCode(200).body("queuedOutgoing", equalTo("500.00"));
        as(token).get("/api/v1/accounts/" + russian + "/postings").then().statusCode(200).body("total", equalTo(1));
        as(token).get("/api/v1/accounts/" + russian + "/statement").then().statusCode(200);
        as(token).get("/api/v1/payments/" + waiting).then().statusCode(200).body("status", equalTo("QUEUED"));
        as(token).get("/api/v1/accounts?size=500").then().statusCode(200)
                .body("items.bic", hasItem(russian)).body("items.bic", hasItem(agent))
                .body("items.bic", not(hasItem(othersRussian)));
        as(token).get("/api/v1/payments?size=500").then().statusCode(200)
                .body("items.uetr", hasItem(waiting)).body("items.uetr", not(hasItem(othersPayment)));
        as(token).get("/api/v1/settlement/queue?size=500").then().statusCode(200)
                .body("items.uetr", hasItem(waiting));
        // and may book its liquidity, which releases what waits
        as(token).contentType(ContentType.JSON).body(Map.of("direction", "IN", "amount", "400.00", "currency", "CNY",
                "reference", "FROM-NOSTRO")).post("/api/v1/accounts/" + russian + "/liquidity").then().statusCode(200);
        assertThat(List.of("QUEUED", "SETTLED")).contains(status(waiting));
        get("/api/v1/accounts/" + russian).body("earmarked", equalTo(status(waiting).equals("SETTLED") ? "0.00" : "500.00"));
        // nothing of the other agent's indirect participant
        problem(as(token).get("/api/v1/accounts/" + othersRussian).then(), 404);
        problem(as(token).get("/api/v1/accounts/" + othersRussian + "/postings").then(), 404);
        problem(as(token).get("/api/v1/payments/" + othersPayment).then(), 404);
        problem(as(token).contentType(ContentType.JSON).body(Map.of("direction", "IN", "amount", "1.00", "currency", "CNY",
                "reference", "X")).post("/api/v1/accounts/" + othersRussian + "/liquidity").then(), 404);
        // the indirect itself sees its own, not its agent's
        problem(as(member(russian)).get("/api/v1/accounts/" + agent).then(), 404);
    }
}

package io.rmbsim.day;

import static io.rmbsim.Api.get;
import static io.rmbsim.Api.post;
import static io.rmbsim.Payments.balance;
import static io.rmbsim.Payments.fund;
import static io.rmbsim.Payments.newDirect;
import static io.rmbsim.Payments.payment;
import static io.rmbsim.Payments.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.rmbsim.Api;
import io.rmbsim.LedgerAudit;
import io.rmbsim.Payments;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deferred net settlement beside RTGS (contract 1.1): DNS payments (JSON {@code settlement}, pacs.008
 * {@code SttlmInf/ClrSys/Prtry}) are accepted as QUEUED/ACSP and net at a cycle, where only net
 * positions move; a participant short at the cycle has its latest payments carried over, and what is
 * left at the end of the day is rejected with AM04. The conservation check over the API holds.
 */
@QuarkusTest
class DeferredNetSettlementTest {

    static String dns(String from, String to, String amount) {
        Map<String, Object> body = payment(from, to, amount);
        body.put("settlement", "DNS");
        return Payments.pay(body).statusCode(201).body("status", equalTo("QUEUED")).body("isoStatus", equalTo("ACSP"))
                .body("settlement", equalTo("DNS")).extract().path("uetr");
    }

    @Test
    void threeBanksNetAtACycleAndOnlyTheirNetPositionsMove() throws Exception {
        String a = newDirect();
        String b = newDirect();
        String c = newDirect();
        fund(a, "10.00");
        String ab = dns(a, b, "100.00");
        String bc = dns(b, c, "90.00");
        String ca = dns(c, a, "90.00");
        assertThat(balance(a)).isEqualTo("10.00");
        post("/api/v1/settlement/cycles", Map.of()).statusCode(200);
        for (String uetr : List.of(ab, bc, ca)) {
            get("/api/v1/payments/" + uetr).body("status", equalTo("SETTLED")).body("settlementMethod", equalTo("DNS"))
                    .body("isoStatus", equalTo("ACSC"));
        }
        // 280.00 of payments with 10.00 of liquidity: a -10.00, b +10.00, c 0
        assertThat(balance(a)).isEqualTo("0.00");
        assertThat(balance(b)).isEqualTo("10.00");
        assertThat(balance(c)).isEqualTo("0.00");
        audit();
    }

    @Test
    void aShortParticipantsLatestPaymentIsCarriedOverAndRejectedAtTheEndOfTheDay() throws Exception {
        String d = newDirect();
        String e = newDirect();
        String f = newDirect();
        fund(d, "5.00");
        String first = dns(d, e, "8.00");
        String back = dns(e, d, "3.00");
        String latest = dns(d, f, "6.00");
        var cycle = post("/api/v1/settlement/cycles", Map.of()).statusCode(200).extract().jsonPath();
        assertThat(cycle.getLong("carriedOverCount")).isPositive();
        assertThat(status(first)).isEqualTo("SETTLED");
        assertThat(status(back)).isEqualTo("SETTLED");
        assertThat(status(latest)).as("d nets to -11 with 5: its latest payment is taken out").isEqualTo("QUEUED");
        assertThat(balance(d)).isEqualTo("0.00");
        List<Map<String, Object>> cycles = get("/api/v1/settlement/cycles").statusCode(200).extract().path("");
        assertThat(cycles).anySatisfy(x -> assertThat(x.get("id")).isEqualTo(cycle.getInt("id")));
        // a gross payment is untouched by the cycles and settles at once with cover
        fund(e, "1.00");
        assertThat(status(Payments.pay(e, f, "1.00"))).isEqualTo("SETTLED");
        post("/api/v1/settlement/day/close", Map.of()).statusCode(200);
        get("/api/v1/payments/" + latest).body("status", equalTo("REJECTED")).body("reasonCode", equalTo("AM04"));
        audit();
    }

    @Test
    void aPacs008AsksForDeferredNetSettlementInItsSettlementInformation() {
        String a = newDirect();
        String b = newDirect();
        fund(a, "50.00");
        String uetr = UUID.randomUUID().toString();
        String xml = io.rmbsim.payment.Pacs008XmlTest.document("DNS-" + uetr.substring(0, 8),
                io.rmbsim.payment.Pacs008XmlTest.transaction(uetr, a, b, "20.00", "CNY"))
                .replace("<SttlmInf><SttlmMtd>CLRG</SttlmMtd></SttlmInf>",
                        "<SttlmInf><SttlmMtd>CLRG</SttlmMtd><ClrSys><Prtry>DNS</Prtry></ClrSys></SttlmInf>");
        String answer = Api.given().contentType("application/xml").body(xml).when().post("/api/v1/payments").then()
                .statusCode(200).extract().asString();
        assertThat(XmlPath.from(answer).getString("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).isEqualTo("ACSP");
        get("/api/v1/payments/" + uetr).body("settlement", equalTo("DNS")).body("status", equalTo("QUEUED"));
        post("/api/v1/settlement/cycles", Map.of()).statusCode(200);
        assertThat(status(uetr)).isEqualTo("SETTLED");
    }

    private static void audit() throws Exception {
        new LedgerAudit("http://localhost:" + io.restassured.RestAssured.port + "/api/v1", "Bearer " + Api.operator())
                .checkEveryAccountAgainstThePostingsRule();
    }
}

package io.rmbsim.payment;

import static io.rmbsim.Api.get;
import static io.rmbsim.Api.invalidField;
import static io.rmbsim.Api.post;
import static io.rmbsim.Api.postRaw;
import static io.rmbsim.Api.problem;
import static io.rmbsim.Payments.balance;
import static io.rmbsim.Payments.fund;
import static io.rmbsim.Payments.newDirect;
import static io.rmbsim.Payments.newIndirect;
import static io.rmbsim.Payments.pay;
import static io.rmbsim.Payments.payment;
import static io.rmbsim.Payments.status;
import static io.rmbsim.TestData.HARBIN;
import static io.rmbsim.TestData.with;
import static io.rmbsim.TestData.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentResourceTest {

    static final String PAYMENTS = "/api/v1/payments";

    @Test
    void russianBankPaysAChineseBeneficiaryThroughHarbinBankAndCips() {
        String russian = newBic8Indirect();
        String chinese = newDirect();
        fund(russian, "500000.00");
        fund(HARBIN, "500000.00");
        String harbinBefore = balance(HARBIN);
        Map<String, Object> body = with(with(payment(russian.substring(0, 8).toLowerCase(), chinese, "125000.5"),
                "debtor", Map.of("name", "Dongjin Agro LLC", "account", "40702156000000001234")),
                "remittanceInformation", "Soybeans, contract 2021-HRB-117");
        String uetr = (String) body.get("uetr");
        pay(body).statusCode(201)
                .header("Location", endsWith(PAYMENTS + "/" + uetr))
                .body("status", equalTo("SETTLED")).body("isoStatus", equalTo("ACSC"))
                .body("settlementMethod", equalTo("RTGS")).body("reasonCode", nullValue())
                .body("amount", equalTo("125000.50")).body("currency", equalTo("CNY")).body("priority", equalTo("NORM"))
                .body("debtorAgent", equalTo(russian.substring(0, 8) + "XXX"))
                .body("route.role", equalTo(List.of("DEBTOR_AGENT", "DEBTOR_SETTLEMENT_AGENT", "CIPS", "CREDITOR_AGENT")))
                .body("route[1].bic", equalTo(HARBIN)).body("route[2].bic", nullValue())
                .body("debtor.name", equalTo("Dongjin Agro LLC"))
                .body("businessDate", notNullValue()).body("settledAt", notNullValue());
        assertThat(balance(russian)).isEqualTo("374999.50");
        assertThat(balance(chinese)).isEqualTo("125000.50");
        assertThat(new java.math.BigDecimal(balance(HARBIN)))
                .isEqualTo(new java.math.BigDecimal(harbinBefore).subtract(new java.math.BigDecimal("125000.50")));
        get(PAYMENTS + "/" + uetr).statusCode(200).body("status", equalTo("SETTLED"))
                .body("remittanceInformation", equalTo("Soybeans, contract 2021-HRB-117"));
    }

    /**
     * The journal sends a batch's text to PostgreSQL as arrays: quotes, backslashes, braces, commas, the
     * word NULL, blanks and other scripts must come back as sent, and a missing field as missing.
     */
    @Test
    void freeTextIsStoredExactlyAsSent() {
        String debtor = newDirect();
        String creditor = newDirect();
        fund(debtor, "100.00");
        String remittance = " {\"Договор\" \\ 合同, 'NULL'} ";
        Map<String, Object> body = with(with(payment(debtor, creditor, "1.00"),
                "debtor", Map.of("name", "NULL", "account", "\\\\{,}\"")), "remittanceInformation", remittance);
        String uetr = (String) body.get("uetr");
        pay(body).statusCode(201).body("status", equalTo("SETTLED"));
        get(PAYMENTS + "/" + uetr).statusCode(200)
                .body("remittanceInformation", equalTo(remittance))
                .body("debtor.name", equalTo("NULL")).body("debtor.account", equalTo("\\\\{,}\""))
                .body("creditor", nullValue()).body("purpose", nullValue());
    }

    /** An indirect participant of Harbin Bank whose BIC has branch XXX, so that its BIC8 names it. */
    private static String newBic8Indirect() {
        String bic = io.rmbsim.TestData.newBic("RU").substring(0, 8) + "XXX";
        post("/api/v1/participants", io.rmbsim.TestData.indirect(bic, "RU", HARBIN)).statusCode(201);
        return bic;
    }

    @Test
    void paymentBetweenTwoIndirectsOfHarbinBankIsABookTransfer() {
        String a = newIndirect(HARBIN, "RU");
        String b = newIndirect(HARBIN, "RU");
        fund(a, "100.00");
        String harbin = balance(HARBIN);
        pay(payment(a, b, "60.00")).statusCode(201)
                .body("status", equalTo("SETTLED")).body("settlementMethod", equalTo("BOOK_TRANSFER"))
                .body("route.role", equalTo(List.of("DEBTOR_AGENT", "DEBTOR_SETTLEMENT_AGENT", "CREDITOR_AGENT")));
        assertThat(balance(b)).isEqualTo("60.00");
        assertThat(balance(HARBIN)).as("nothing moves at CIPS").isEqualTo(harbin);
    }

    @Test
    void directParticipantPayingItsOwnIndirectMovesOnlyTheIndirectAccount() {
        String agent = newDirect();
        String member = newIndirect(agent, "RU");
        pay(payment(agent, member, "70.00")).statusCode(201)
                .body("status", equalTo("SETTLED")).body("settlementMethod", equalTo("BOOK_TRANSFER"))
                .body("route.role", equalTo(List.of("DEBTOR_AGENT", "CREDITOR_AGENT")));
        assertThat(balance(member)).isEqualTo("70.00");
        assertThat(balance(agent)).isEqualTo("0.00");
    }

    @Test
    void sameUetrAndContentAnswersTheOriginalAndNeverSettlesTwice() {
        String x = newDirect();
        String y = newDirect();
        fund(x, "100.00");
        Map<String, Object> body = payment(x, y, "40.00");
        pay(body).statusCode(201).body("status", equalTo("SETTLED"));
        // normalised: BIC8, amount value, default priority
        Map<String, Object> again = with(with(with(body, "debtorAgent", x.substring(0, 8).toLowerCase() + x.substring(8)),
                "amount", "40"), "priority", "NORM");
        pay(again).statusCode(200).body("status", equalTo("SETTLED")).body("uetr", equalTo(body.get("uetr")));
        assertThat(balance(x)).isEqualTo("60.00");
        assertThat(balance(y)).isEqualTo("40.00");
    }

    @Test
    void sameUetrWithOtherContentIsRefusedAsDuplicate() {
        String x = newDirect();
        String y = newDirect();
        Map<String, Object> body = payment(x, y, "40.00");
        pay(body).statusCode(201).body("status", equalTo("QUEUED"));
        problem(pay(with(body, "amount", "41.00")), 409).body("reasonCode", equalTo("DUPL"));
        problem(pay(with(body, "endToEndId", "OTHER")), 409).body("reasonCode", equalTo("DUPL"));
        get(PAYMENTS + "/" + body.get("uetr")).body("amount", equalTo("40.00"));
    }

    @Test
    void wellFormedPaymentsThatCannotSettleHereAreRejectedWithTheirReason() {
        String x = newDirect();
        String y = newDirect();
        pay(with(payment(x, y, "10.00"), "currency", "usd")).statusCode(201)
                .body("status", equalTo("REJECTED")).body("isoStatus", equalTo("RJCT")).body("reasonCode", equalTo("AM03"));
        pay(payment(x, "ZZZZCNZ0XXX", "10.00")).statusCode(201)
                .body("status", equalTo("REJECTED")).body("reasonCode", equalTo("AGNT"))
                .body("route.role", equalTo(List.of("DEBTOR_AGENT", "CREDITOR_AGENT")));
        String suspended = newDirect();
        post("/api/v1/participants/" + suspended + "/suspend").statusCode(200);
        pay(payment(x, suspended, "10.00")).statusCode(201).body("reasonCode", equalTo("AC06"));
        pay(payment(suspended, x, "10.00")).statusCode(201).body("reasonCode", equalTo("AC06"));
        String agent = newDirect();
        String behindSuspended = newIndirect(agent, "RU");
        post("/api/v1/participants/" + agent + "/suspend").statusCode(200);
        pay(payment(behindSuspended, x, "10.00")).statusCode(201).body("reasonCode", equalTo("AC06"));
        String terminated = newDirect();
        post("/api/v1/participants/" + terminated + "/terminate").statusCode(200);
        pay(payment(x, terminated, "10.00")).statusCode(201).body("reasonCode", equalTo("AGNT"));
        assertThat(balance(x)).isEqualTo("0.00");
    }

    @Test
    void malformedPaymentsAreProblemsAndNothingIsRecorded() {
        String x = newDirect();
        String y = newDirect();
        Map<String, Object> good = payment(x, y, "10.00");
        invalidField(pay(with(good, "debtorAgent", "BAD")), "debtorAgent").body("reasonCode", equalTo("RC01"));
        invalidField(pay(with(good, "creditorAgent", "TOOLONGBIC123")), "creditorAgent").body("reasonCode", equalTo("RC01"));
        invalidField(pay(with(good, "creditorAgent", x)), "creditorAgent");
        invalidField(pay(with(good, "uetr", "not-a-uuid")), "uetr");
        invalidField(pay(with(good, "endToEndId", "x".repeat(36))), "endToEndId");
        invalidField(pay(without(good, "endToEndId")), "endToEndId");
        invalidField(pay(with(good, "amount", "0.00")), "amount");
        invalidField(pay(with(good, "amount", "-5.00")), "amount");
        invalidField(pay(with(good, "amount", "1.005")), "amount");
        invalidField(pay(with(good, "amount", "1000000000000.00")), "amount");
        invalidField(pay(with(good, "amount", "1e3")), "amount");
        invalidField(pay(with(good, "amount", 10.5)), "amount");
        invalidField(pay(with(good, "currency", "YUAN")), "currency");
        invalidField(pay(with(good, "priority", "URGENT")), "priority");
        invalidField(pay(with(good, "debtor", Map.of("name", "n".repeat(141)))), "debtor.name");
        invalidField(pay(with(good, "debtor", "just a string")), "debtor");
        problem(postRaw(PAYMENTS, "{\"uetr\": "), 400);
        problem(post(PAYMENTS), 400);
        problem(get(PAYMENTS + "/" + good.get("uetr")), 404);
        assertThat(balance(x)).isEqualTo("0.00");
    }

    @Test
    void largestAmountIsAccepted() {
        String x = newDirect();
        String y = newDirect();
        pay(payment(x, y, "999999999999.99")).statusCode(201).body("amount", equalTo("999999999999.99"))
                .body("status", equalTo("QUEUED"));
    }

    @Test
    void queuedPaymentIsReleasedByLiquidityAndCanNoLongerBeCancelled() {
        String x = newDirect();
        String y = newDirect();
        String uetr = pay(x, y, "300.00");
        assertThat(status(uetr)).isEqualTo("QUEUED");
        get("/api/v1/accounts/" + x).body("queuedOutgoing", equalTo("300.00")).body("queuedCount", equalTo(1));
        get("/api/v1/accounts/" + y).body("queuedIncoming", equalTo("300.00"));
        fund(x, "300.00");
        get(PAYMENTS + "/" + uetr).body("status", equalTo("SETTLED")).body("settlementMethod", equalTo("RTGS"));
        problem(post(PAYMENTS + "/" + uetr + "/cancel"), 409);
        assertThat(balance(y)).isEqualTo("300.00");
    }

    @Test
    void queuedPaymentIsCancelledAndReleasesThoseBehindIt() {
        String x = newDirect();
        String y = newDirect();
        fund(x, "50.00");
        String big = pay(x, y, "100.00");
        String small = pay(x, y, "10.00");
        assertThat(status(small)).as("no overtaking in the queue").isEqualTo("QUEUED");
        post(PAYMENTS + "/" + big + "/cancel").statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(status(small)).isEqualTo("SETTLED");
        problem(post(PAYMENTS + "/" + big + "/cancel"), 409);
        problem(post(PAYMENTS + "/00000000-0000-0000-0000-000000000000/cancel"), 404);
        problem(post(PAYMENTS + "/nope/cancel"), 404);
    }

    @Test
    void highPriorityPaymentOvertakesQueuedNormalOnes() {
        String x = newDirect();
        String y = newDirect();
        fund(x, "20.00");
        String norm = pay(x, y, "100.00");
        pay(with(payment(x, y, "20.00"), "priority", "HIGH")).statusCode(201).body("status", equalTo("SETTLED"));
        assertThat(status(norm)).isEqualTo("QUEUED");
    }

    @Test
    void paymentsAreListedWithFilters() {
        String x = newDirect();
        String y = newDirect();
        String queued = pay(x, y, "5.00");
        fund(y, "1.00");
        String settled = pay(y, x, "1.00");
        get(PAYMENTS + "?debtorAgent=" + x + "&size=500").statusCode(200)
                .body("items.uetr", equalTo(List.of(queued))).body("total", equalTo(1));
        get(PAYMENTS + "?creditorAgent=" + x + "&status=SETTLED").body("items.uetr", hasItem(settled))
                .body("items.status", everyItem(equalTo("SETTLED")));
        String day = get(PAYMENTS + "/" + queued).extract().path("businessDate");
        get(PAYMENTS + "?businessDate=" + day + "&debtorAgent=" + x).body("items", hasSize(1));
        invalidField(get(PAYMENTS + "?status=LOST"), "status");
        invalidField(get(PAYMENTS + "?businessDate=yesterday"), "businessDate");
        invalidField(get(PAYMENTS + "?debtorAgent=X"), "debtorAgent").body("reasonCode", equalTo("RC01"));
        problem(get(PAYMENTS + "/not-a-uuid"), 404);
    }

    @Test
    void paymentsAreListedNewestFirstWhenAskedAndPagedFromTheNewest() {
        String x = newDirect();
        String y = newDirect();
        fund(x, "10.00");
        List<String> sent = List.of(pay(x, y, "1.00"), pay(x, y, "2.00"), pay(x, y, "3.00"));
        String filter = PAYMENTS + "?debtorAgent=" + x;
        get(filter).body("items.uetr", equalTo(sent));
        get(filter + "&order=oldest").body("items.uetr", equalTo(sent));
        get(filter + "&order=newest").body("items.uetr", equalTo(List.of(sent.get(2), sent.get(1), sent.get(0))))
                .body("total", equalTo(3));
        get(filter + "&order=NEWEST&size=2&page=1").body("items.uetr", equalTo(List.of(sent.get(0))));
        invalidField(get(filter + "&order=sideways"), "order");
    }

    @Test
    void anAgentsDeskListsThePaymentsItRoutesForItselfAndItsIndirectParticipants() {
        String agent = newDirect();
        String russian = newIndirect(agent, "RU");
        String x = newDirect();
        String y = newDirect();
        fund(x, "10.00");
        String toAgent = pay(x, agent, "1.00");
        String notRouted = pay(x, y, "2.00");
        String toRussian = pay(x, russian, "3.00");
        get(PAYMENTS + "?routedBy=" + agent + "&order=newest").body("items.uetr", equalTo(List.of(toRussian, toAgent)))
                .body("total", equalTo(2));
        get(PAYMENTS + "?routedBy=" + y).body("items.uetr", equalTo(List.of(notRouted)));
        get(PAYMENTS + "?routedBy=" + russian + "&creditorAgent=" + agent).body("items", hasSize(0));
        invalidField(get(PAYMENTS + "?routedBy=not-a-bic"), "routedBy");
    }

    @Test
    void statusReportIsAPacs002() {
        String x = newDirect();
        String y = newDirect();
        String uetr = pay(x, y, "5.00");
        String xml = io.rmbsim.Api.given().accept("application/xml").get(PAYMENTS + "/" + uetr + "/status-report")
                .then().statusCode(200).contentType("application/xml").extract().asString();
        assertThat(xml).contains("urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10", "<TxSts>PDNG</TxSts>", uetr);
        get(PAYMENTS + "/" + uetr).body("isoStatus", equalTo("PDNG")).body("settlementMethod", nullValue());
    }
}

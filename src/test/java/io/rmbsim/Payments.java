package io.rmbsim;

import static io.rmbsim.Api.post;

import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Building blocks of settlement tests: fresh participants, liquidity, payments. */
public final class Payments {

    private Payments() {
    }

    /** A new DIRECT participant with an empty CIPS account. */
    public static String newDirect() {
        String bic = TestData.newBic("CN");
        post("/api/v1/participants", TestData.direct(bic, "CN")).statusCode(201);
        return bic;
    }

    /** A new INDIRECT participant of {@code agent} with an empty account there. */
    public static String newIndirect(String agent, String country) {
        String bic = TestData.newBic(country);
        post("/api/v1/participants", TestData.indirect(bic, country, agent)).statusCode(201);
        return bic;
    }

    public static void fund(String bic, String amount) {
        post("/api/v1/accounts/" + bic + "/liquidity",
                Map.of("direction", "IN", "amount", amount, "currency", "CNY", "reference", "TEST-FUNDING")).statusCode(200);
    }

    public static Map<String, Object> payment(String debtorAgent, String creditorAgent, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("uetr", UUID.randomUUID().toString());
        body.put("endToEndId", "E2E-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("debtorAgent", debtorAgent);
        body.put("creditorAgent", creditorAgent);
        body.put("amount", amount);
        body.put("currency", "CNY");
        return body;
    }

    public static ValidatableResponse pay(Map<String, Object> payment) {
        return post("/api/v1/payments", payment);
    }

    /** Submits and answers the payment's uetr, checking it was accepted (201). */
    public static String pay(String debtorAgent, String creditorAgent, String amount) {
        return pay(payment(debtorAgent, creditorAgent, amount)).statusCode(201).extract().path("uetr");
    }

    public static String balance(String bic) {
        return Api.get("/api/v1/accounts/" + bic).statusCode(200).extract().path("balance");
    }

    public static String status(String uetr) {
        return Api.get("/api/v1/payments/" + uetr).statusCode(200).extract().path("status");
    }
}

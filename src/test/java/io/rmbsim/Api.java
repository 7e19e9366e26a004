package io.rmbsim;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The calls and the problem-body checks the REST tests share. */
public final class Api {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    /** A request as the settlement operator, who may do everything: what most tests need. */
    public static RequestSpecification given() {
        return as(operator());
    }

    /** A request carrying {@code token}. */
    public static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    /** A request without any token. */
    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }

    public static String operator() {
        return token("operator", null, null);
    }

    public static String auditor() {
        return token("auditor", null, null);
    }

    public static String member(String bic) {
        return token("member", bic, null);
    }

    /**
     * A token from the demo endpoint (on in the test profile), as a user of the demo network gets
     * one. Cached: the test key folder outlives application restarts, so tokens stay valid.
     */
    public static String token(String role, String bic, String subject) {
        String key = role + "|" + bic + "|" + subject + "|" + RestAssured.port;
        return TOKENS.computeIfAbsent(key, k -> {
            RequestSpecification r = RestAssured.given().accept("text/plain").queryParam("role", role);
            if (bic != null) {
                r.queryParam("bic", bic);
            }
            if (subject != null) {
                r.queryParam("subject", subject);
            }
            return r.when().post("/api/v1/auth/demo-token").then().statusCode(200).extract().asString();
        });
    }

    public static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    public static ValidatableResponse postRaw(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).when().post(path).then();
    }

    public static ValidatableResponse post(String path) {
        return given().contentType(ContentType.JSON).when().post(path).then();
    }

    public static ValidatableResponse get(String path) {
        return given().when().get(path).then();
    }

    /**
     * The audit entries (as maps, oldest first) among the last thousand whose path or resource
     * contains {@code fragment}, read as the operator.
     */
    public static java.util.List<Map<String, Object>> auditEntries(String fragment) {
        int total = get("/api/v1/audit?size=1").extract().path("total");
        int last = Math.max(0, (total - 1) / 500);
        java.util.List<Map<String, Object>> items = new java.util.ArrayList<>(
                get("/api/v1/audit?size=500&page=" + last).extract().jsonPath().getList("items"));
        if (last > 0) {
            items.addAll(get("/api/v1/audit?size=500&page=" + (last - 1)).extract().jsonPath().getList("items"));
        }
        return items.stream().filter(m -> String.valueOf(m.get("path")).contains(fragment)
                        || String.valueOf(m.get("resource")).contains(fragment))
                .sorted(java.util.Comparator.comparingLong(m -> ((Number) m.get("seq")).longValue())).toList();
    }

    /** A problem+json answer with the status given. */
    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("type", notNullValue())
                .body("detail", notNullValue());
    }

    /** A 400 problem naming {@code field} among the fields at fault. */
    public static ValidatableResponse invalidField(ValidatableResponse response, String field) {
        return problem(response, 400).body("errors.field", hasItem(field));
    }
}

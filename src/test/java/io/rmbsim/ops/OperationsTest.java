package io.rmbsim.ops;

import static io.rmbsim.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessTouchesTheSettlementStore() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("settlement-store"))
                .body("checks.find { it.name == 'settlement-store' }.status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().when().get("/api/v1/participants/HCCBCNBHXXX").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDescribesEveryEndpointWithSummariesAndProblems() {
        JsonPath api = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        assertThat(paths).containsKeys(
                "/api/v1/participants", "/api/v1/participants/{bic}", "/api/v1/participants/{bic}/suspend",
                "/api/v1/participants/{bic}/reactivate", "/api/v1/participants/{bic}/terminate",
                "/api/v1/applications", "/api/v1/applications/{id}", "/api/v1/applications/{id}/approve",
                "/api/v1/applications/{id}/reject", "/api/v1/alliance/members", "/api/v1/alliance/members/{id}",
                "/api/v1/alliance/members/{id}/withdraw", "/api/v1/alliance/summary");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            assertThat(operation).as(method + " " + path).containsKey("summary");
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertThat(responses).as(method + " " + path).containsKey("400");
        }));
        assertThat(api.getMap("components.schemas")).containsKeys("Problem", "Participant", "RegisterParticipant",
                "Application", "AllianceMember", "AllianceSummary");
        assertThat(api.getString("components.schemas.RegisterParticipant.properties.bic.examples[0]")).isNotBlank();
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}

package io.rmbsim.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A lone instance leads settlement from its start, as every instance did before there were replicas. */
@QuarkusTest
class LeadershipTest {

    @Test
    void aLoneInstanceLeadsAndSaysSo() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'settlement-leadership' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'settlement-leadership' }.data.role", equalTo("leader"))
                .body("checks.find { it.name == 'settlement-leadership' }.data.epoch", greaterThan(0));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*\\nrmbsim_cluster_leader(\\{[^}]*\\})? 1\\.0\\n.*"))
                .body(matchesPattern("(?s).*\\nrmbsim_cluster_epoch(\\{[^}]*\\})? [1-9].*"));
    }
}

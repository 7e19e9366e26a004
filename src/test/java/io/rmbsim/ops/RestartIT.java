package io.rmbsim.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import io.rmbsim.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service stopped and started again on the same store keeps every change and does not
 * load the seeded network a second time. On H2 the store is a file in a fresh folder; with
 * {@code -Ppostgres} it is the database named by the QUARKUS_DATASOURCE_* variables.
 */
class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void changesSurviveARestartAndTheSeedIsNotLoadedTwice() throws Exception {
        assumeTrue(RunningService.packaged(), "run by mvn verify after the package phase");
        String bic = TestData.newBic("RU");
        int participants;
        int members;
        String memberId;
        try (RunningService service = new RunningService(dataDir, Map.of()).start()) {
            participants = service.request().get("/api/v1/participants?size=1").then().extract().path("total");
            service.request().contentType(ContentType.JSON).body(TestData.indirect(bic, "RU", TestData.HARBIN))
                    .post("/api/v1/participants").then().statusCode(201);
            service.request().post("/api/v1/participants/" + bic + "/suspend").then().statusCode(200);
            members = service.request().get("/api/v1/alliance/members?size=1").then().extract().path("total");
            memberId = service.request().get("/api/v1/alliance/members?status=ACTIVE&category=FUND&size=1").then()
                    .extract().path("items[0].id");
            service.request().contentType(ContentType.JSON).body(Map.of("leftOn", "2024-01-31"))
                    .post("/api/v1/alliance/members/" + memberId + "/withdraw").then().statusCode(200);
            service.stop();
        }
        try (RunningService service = new RunningService(dataDir, Map.of()).start()) {
            service.request().get("/api/v1/participants/" + bic).then().statusCode(200)
                    .body("status", equalTo("SUSPENDED")).body("settlementAgent", equalTo(TestData.HARBIN));
            service.request().get("/api/v1/participants?size=1").then().body("total", equalTo(participants + 1));
            service.request().get("/api/v1/alliance/members?size=1").then().body("total", equalTo(members));
            service.request().get("/api/v1/alliance/members/" + memberId).then()
                    .body("status", equalTo("WITHDRAWN")).body("leftOn", equalTo("2024-01-31"));
            assertThat(service.log()).contains("already seeded");
            service.stop();
        }
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            assertThat(Files.list(dataDir).map(p -> p.getFileName().toString())).contains("rmbsim.mv.db");
        }
    }
}

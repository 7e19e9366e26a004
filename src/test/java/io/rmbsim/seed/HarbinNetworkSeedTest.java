package io.rmbsim.seed;

import static io.rmbsim.Api.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.DisabledOnIntegrationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HarbinNetworkSeedTest {

    @Test
    void harbinBankIsADirectParticipant() {
        get("/api/v1/participants/HCCBCNBHXXX").statusCode(200)
                .body("participation", equalTo("DIRECT")).body("illustrative", equalTo(false));
    }

    @Test
    void atLeastSixOtherChineseBanksAreDirectParticipants() {
        List<String> chineseDirect = get("/api/v1/participants?participation=DIRECT&country=CN&size=500")
                .extract().path("items.bic");
        assertThat(chineseDirect).contains("HCCBCNBHXXX", "ICBKCNBJXXX", "BKCHCNBJXXX", "PCBCCNBJXXX");
        assertThat(chineseDirect.stream().filter(b -> !b.equals("HCCBCNBHXXX")).count()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void moreThanTwentyRussianBanksSettleThroughHarbinBankAndAreMarkedIllustrative() {
        get("/api/v1/participants?settlementAgent=HCCBCNBHXXX&country=RU&size=500").statusCode(200)
                .body("total", greaterThanOrEqualTo(20))
                .body("items.findAll { it.illustrative == true }.size()", greaterThanOrEqualTo(20));
    }

    @Test
    void otherCountriesReachCipsThroughOtherDirectParticipants() {
        JsonPath indirect = get("/api/v1/participants?participation=INDIRECT&size=500").extract().jsonPath();
        List<Map<String, Object>> items = indirect.getList("items");
        long foreignViaOthers = items.stream()
                .filter(p -> !"RU".equals(p.get("country")) && !"HCCBCNBHXXX".equals(p.get("settlementAgent")))
                .map(p -> p.get("settlementAgent")).distinct().count();
        assertThat(foreignViaOthers).as("distinct agents of non-Russian indirect participants").isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisabledOnIntegrationTest("calls the seed bean directly; RestartIT checks the same on the packaged jar")
    void loadingAgainChangesNothing() {
        int participants = get("/api/v1/participants?size=1").extract().path("total");
        int members = get("/api/v1/alliance/members?size=1").extract().path("total");

        // looked up, not injected: the packaged-application twin of this class may not inject
        HarbinNetworkSeed seed = io.quarkus.arc.Arc.container().instance(HarbinNetworkSeed.class).get();
        boolean loaded = QuarkusTransaction.requiringNew().call(seed::loadIfAbsent);

        assertThat(loaded).isFalse();
        get("/api/v1/participants?size=1").body("total", equalTo(participants));
        get("/api/v1/alliance/members?size=1").body("total", equalTo(members));
    }

    @Test
    void seededAllianceHasHarbinBankAndWithdrawnHistory() {
        get("/api/v1/alliance/members?status=WITHDRAWN&size=500").statusCode(200)
                .body("items.findAll { it.illustrative && it.leftOn < '2021-09-01' }.size()", greaterThanOrEqualTo(3));
        get("/api/v1/alliance/members?size=500").body("items.bic", hasItem("HCCBCNBHXXX"));
    }
}

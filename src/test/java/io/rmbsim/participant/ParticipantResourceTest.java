package io.rmbsim.participant;

import static io.rmbsim.Api.get;
import static io.rmbsim.Api.invalidField;
import static io.rmbsim.Api.post;
import static io.rmbsim.Api.postRaw;
import static io.rmbsim.Api.problem;
import static io.rmbsim.TestData.BANK_OF_CHINA;
import static io.rmbsim.TestData.HARBIN;
import static io.rmbsim.TestData.direct;
import static io.rmbsim.TestData.indirect;
import static io.rmbsim.TestData.newBic;
import static io.rmbsim.TestData.with;
import static io.rmbsim.TestData.without;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParticipantResourceTest {

    static final String PARTICIPANTS = "/api/v1/participants";

    @Test
    void harbinBankListsItsRussianIndirectParticipants() {
        get(PARTICIPANTS + "?settlementAgent=HCCBCNBHXXX&country=RU&size=500").statusCode(200)
                .body("total", greaterThanOrEqualTo(20))
                .body("items", hasSize(greaterThanOrEqualTo(20)))
                .body("items.country", everyItem(equalTo("RU")))
                .body("items.participation", everyItem(equalTo("INDIRECT")))
                .body("items.settlementAgent", everyItem(equalTo(HARBIN)));
    }

    @Test
    void filtersAcceptBic8AndAnyLetterCase() {
        int viaBic11 = get(PARTICIPANTS + "?settlementAgent=HCCBCNBHXXX&country=RU").extract().path("total");
        get(PARTICIPANTS + "?settlementAgent=hccbcnbh&country=ru").statusCode(200).body("total", equalTo(viaBic11));
        get(PARTICIPANTS + "?participation=direct&status=active&size=500").statusCode(200)
                .body("items.participation", everyItem(equalTo("DIRECT")))
                .body("items.bic", hasItem(HARBIN));
    }

    @Test
    void listsArePagedWithTheirTotal() {
        int total = get(PARTICIPANTS + "?size=500").extract().path("total");
        get(PARTICIPANTS + "?page=1&size=3").statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(3)).body("items", hasSize(3)).body("total", equalTo(total));
        get(PARTICIPANTS + "?page=100000&size=500").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void badFiltersAndPagesAreProblems() {
        invalidField(get(PARTICIPANTS + "?participation=SOMETIMES"), "participation");
        invalidField(get(PARTICIPANTS + "?status=ASLEEP"), "status");
        invalidField(get(PARTICIPANTS + "?country=XX"), "country");
        invalidField(get(PARTICIPANTS + "?settlementAgent=NOT-A-BIC"), "settlementAgent").body("reasonCode", equalTo("RC01"));
        invalidField(get(PARTICIPANTS + "?size=501"), "size");
        invalidField(get(PARTICIPANTS + "?size=0"), "size");
        invalidField(get(PARTICIPANTS + "?page=-1"), "page");
        invalidField(get(PARTICIPANTS + "?page=one"), "page");
    }

    @Test
    void oneParticipantIsFoundByBic8InAnyCase() {
        get(PARTICIPANTS + "/hccbcnbh").statusCode(200)
                .body("bic", equalTo(HARBIN)).body("participation", equalTo("DIRECT"))
                .body("country", equalTo("CN")).body("status", equalTo("ACTIVE"))
                .body("settlementAgent", nullValue());
    }

    @Test
    void unknownAndMalformedBicsAreProblems() {
        problem(get(PARTICIPANTS + "/ZZZZRUZ0XXX"), 404);
        problem(get(PARTICIPANTS + "/not-a-bic"), 400).body("reasonCode", equalTo("RC01"));
    }

    @Test
    void registeringADirectParticipantAnswersCreatedWithLocation() {
        String bic = newBic("CN");
        post(PARTICIPANTS, with(direct(bic.substring(0, 8).toLowerCase() + bic.substring(8).toLowerCase(), "cn"),
                "lei", "5493001KJTIIGC8Y1R12"))
                .statusCode(201)
                .header("Location", endsWith(PARTICIPANTS + "/" + bic))
                .body("bic", equalTo(bic)).body("country", equalTo("CN")).body("status", equalTo("ACTIVE"))
                .body("lei", equalTo("5493001KJTIIGC8Y1R12"));
        get(PARTICIPANTS + "/" + bic).statusCode(200).body("name", equalTo("Test Direct Bank " + bic.toLowerCase()));
    }

    @Test
    void bic8IsStoredAsBic11() {
        String bic11 = newBic("RU").substring(0, 8) + "XXX";
        post(PARTICIPANTS, indirect(bic11.substring(0, 8), "RU", "hccbcnbh")).statusCode(201)
                .body("bic", equalTo(bic11)).body("settlementAgent", equalTo(HARBIN));
        get(PARTICIPANTS + "/" + bic11).statusCode(200);
    }

    @Test
    void registeringTheSameBicTwiceIsAConflict() {
        String bic = newBic("RU");
        post(PARTICIPANTS, indirect(bic, "RU", HARBIN)).statusCode(201);
        problem(post(PARTICIPANTS, indirect(bic, "RU", BANK_OF_CHINA)), 409);
        get(PARTICIPANTS + "/" + bic).body("settlementAgent", equalTo(HARBIN));
    }

    @Test
    void malformedBicIsRc01AndNothingIsRegistered() {
        problem(post(PARTICIPANTS, direct("HCC-1", "CN")), 400)
                .body("reasonCode", equalTo("RC01")).body("errors.field", hasItem("bic"));
        invalidField(post(PARTICIPANTS, indirect(newBic("RU"), "RU", "NOTABIC!")), "settlementAgent")
                .body("reasonCode", equalTo("RC01"));
    }

    @Test
    void everyFieldIsValidated() {
        String bic = newBic("RU");
        Map<String, Object> good = indirect(bic, "RU", HARBIN);
        invalidField(post(PARTICIPANTS, with(good, "lei", "969500KSV493XWY0PS34")), "lei");
        invalidField(post(PARTICIPANTS, with(good, "lei", "SHORT")), "lei");
        invalidField(post(PARTICIPANTS, with(good, "country", "XX")), "country");
        invalidField(post(PARTICIPANTS, with(good, "country", "RUS")), "country");
        invalidField(post(PARTICIPANTS, with(good, "name", "x".repeat(141))), "name");
        invalidField(post(PARTICIPANTS, with(good, "name", "   ")), "name");
        invalidField(post(PARTICIPANTS, with(good, "name", "tab\tin name")), "name");
        invalidField(post(PARTICIPANTS, with(good, "cipsId", "x".repeat(36))), "cipsId");
        invalidField(post(PARTICIPANTS, with(good, "participation", "SOMETIMES")), "participation");
        invalidField(post(PARTICIPANTS, with(good, "institutionType", "BAKERY")), "institutionType");
        invalidField(post(PARTICIPANTS, without(good, "institutionType")), "institutionType");
        invalidField(post(PARTICIPANTS, without(good, "bic")), "bic");
        invalidField(post(PARTICIPANTS, without(good, "name")), "name");
        invalidField(post(PARTICIPANTS, without(good, "country")), "country");
        invalidField(post(PARTICIPANTS, without(good, "participation")), "participation");
        problem(get(PARTICIPANTS + "/" + bic), 404);
    }

    @Test
    void malformedJsonAndWrongTypesAreProblems() {
        String bic = newBic("RU");
        problem(postRaw(PARTICIPANTS, "{\"bic\": "), 400);
        problem(postRaw(PARTICIPANTS, "not json at all"), 400);
        problem(postRaw(PARTICIPANTS, "[]"), 400);
        problem(postRaw(PARTICIPANTS, ""), 400);
        problem(postRaw(PARTICIPANTS, "{\"bic\":\"" + bic + "\",\"bic\":\"" + bic + "\"}"), 400);
        invalidField(post(PARTICIPANTS, with(direct(bic, "RU"), "bic", 12345678)), "bic");
        invalidField(post(PARTICIPANTS, with(direct(bic, "RU"), "name", Map.of("first", "x"))), "name");
        invalidField(post(PARTICIPANTS, with(direct(bic, "RU"), "participation", 0)), "participation");
        invalidField(post(PARTICIPANTS, with(direct(bic, "RU"), "unexpected", "field")), "unexpected");
        problem(get(PARTICIPANTS + "/" + bic), 404);
    }

    @Test
    void directParticipantHasNoAgentAndIndirectNeedsOne() {
        String bic = newBic("RU");
        invalidField(post(PARTICIPANTS, with(direct(bic, "RU"), "settlementAgent", HARBIN)), "settlementAgent");
        invalidField(post(PARTICIPANTS, without(indirect(bic, "RU", HARBIN), "settlementAgent")), "settlementAgent");
        problem(get(PARTICIPANTS + "/" + bic), 404);
    }

    @Test
    void settlementAgentMustBeAnActiveDirectParticipant() {
        String bic = newBic("RU");
        problem(post(PARTICIPANTS, indirect(bic, "RU", "ZZZZCNZ0XXX")), 400)
                .body("reasonCode", equalTo("AGNT")).body("errors.field", hasItem("settlementAgent"));
        String someRussianBank = get(PARTICIPANTS + "?settlementAgent=HCCBCNBHXXX&country=RU&size=1")
                .extract().path("items[0].bic");
        problem(post(PARTICIPANTS, indirect(bic, "RU", someRussianBank)), 400).body("reasonCode", equalTo("AGNT"));
        problem(post(PARTICIPANTS, indirect(bic, "RU", bic)), 400).body("reasonCode", equalTo("AGNT"));

        String agent = newBic("CN");
        post(PARTICIPANTS, direct(agent, "CN")).statusCode(201);
        post(PARTICIPANTS + "/" + agent + "/suspend").statusCode(200);
        problem(post(PARTICIPANTS, indirect(bic, "RU", agent)), 409).body("reasonCode", equalTo("AGNT"));
        problem(get(PARTICIPANTS + "/" + bic), 404);
    }

    @Test
    void participantIsSuspendedReactivatedAndTerminated() {
        String bic = newBic("RU");
        post(PARTICIPANTS, indirect(bic, "RU", HARBIN)).statusCode(201);
        post(PARTICIPANTS + "/" + bic + "/suspend").statusCode(200).body("status", equalTo("SUSPENDED"));
        get(PARTICIPANTS + "?status=SUSPENDED&size=500").body("items.bic", hasItem(bic));
        post(PARTICIPANTS + "/" + bic + "/reactivate").statusCode(200).body("status", equalTo("ACTIVE"));
        post(PARTICIPANTS + "/" + bic + "/terminate").statusCode(200).body("status", equalTo("TERMINATED"));
        get(PARTICIPANTS + "/" + bic).body("status", equalTo("TERMINATED"));
    }

    @Test
    void illegalTransitionsAreConflictsAndChangeNothing() {
        String bic = newBic("RU");
        post(PARTICIPANTS, indirect(bic, "RU", HARBIN)).statusCode(201);
        problem(post(PARTICIPANTS + "/" + bic + "/reactivate"), 409);
        post(PARTICIPANTS + "/" + bic + "/suspend").statusCode(200);
        problem(post(PARTICIPANTS + "/" + bic + "/suspend"), 409);
        post(PARTICIPANTS + "/" + bic + "/terminate").statusCode(200);
        problem(post(PARTICIPANTS + "/" + bic + "/terminate"), 409);
        problem(post(PARTICIPANTS + "/" + bic + "/reactivate"), 409);
        problem(post(PARTICIPANTS + "/" + bic + "/suspend"), 409);
        get(PARTICIPANTS + "/" + bic).body("status", equalTo("TERMINATED"));
    }

    @Test
    void transitionsOnUnknownOrMalformedBicsAreProblems() {
        for (String action : new String[] {"suspend", "reactivate", "terminate"}) {
            problem(post(PARTICIPANTS + "/ZZZZRUZ0XXX/" + action), 404);
            problem(post(PARTICIPANTS + "/bad!/" + action), 400).body("reasonCode", equalTo("RC01"));
        }
    }

    @Test
    void agentWithIndirectParticipantsCannotBeTerminated() {
        String agent = newBic("CN");
        String member = newBic("RU");
        post(PARTICIPANTS, direct(agent, "CN")).statusCode(201);
        post(PARTICIPANTS, indirect(member, "RU", agent)).statusCode(201);
        problem(post(PARTICIPANTS + "/" + agent + "/terminate"), 409).body("reasonCode", equalTo("AGNT"));
        get(PARTICIPANTS + "/" + agent).body("status", equalTo("ACTIVE"));
        post(PARTICIPANTS + "/" + member + "/terminate").statusCode(200);
        post(PARTICIPANTS + "/" + agent + "/terminate").statusCode(200).body("status", equalTo("TERMINATED"));
    }

    @Test
    void indirectParticipantCannotBeReactivatedBehindATerminatedAgent() {
        String agent = newBic("CN");
        String member = newBic("RU");
        post(PARTICIPANTS, direct(agent, "CN")).statusCode(201);
        post(PARTICIPANTS, indirect(member, "RU", agent)).statusCode(201);
        post(PARTICIPANTS + "/" + member + "/suspend").statusCode(200);
        // a suspended indirect participant still counts: the agent cannot go while it may come back
        problem(post(PARTICIPANTS + "/" + agent + "/terminate"), 409);
        get(PARTICIPANTS + "/" + member).body("status", not(equalTo("ACTIVE")));
    }

    @Test
    void unsupportedMethodsAndMediaTypesAreProblems() {
        problem(io.rmbsim.Api.given().when().delete(PARTICIPANTS + "/" + HARBIN).then(), 405);
        problem(io.rmbsim.Api.given().contentType("text/plain").body("x").when().post(PARTICIPANTS).then(), 415);
        problem(get("/api/v1/no-such-thing"), 404);
        get(PARTICIPANTS + "/" + HARBIN).body("status", equalTo("ACTIVE"));
    }
}

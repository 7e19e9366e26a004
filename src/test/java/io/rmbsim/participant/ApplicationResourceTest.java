package io.rmbsim.participant;

import static io.rmbsim.Api.get;
import static io.rmbsim.Api.invalidField;
import static io.rmbsim.Api.post;
import static io.rmbsim.Api.postRaw;
import static io.rmbsim.Api.problem;
import static io.rmbsim.TestData.HARBIN;
import static io.rmbsim.TestData.direct;
import static io.rmbsim.TestData.indirect;
import static io.rmbsim.TestData.newBic;
import static io.rmbsim.TestData.with;
import static io.rmbsim.TestData.without;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationResourceTest {

    static final String APPLICATIONS = "/api/v1/applications";
    static final String PARTICIPANTS = "/api/v1/participants";

    static Map<String, Object> application(String bic, String agent) {
        Map<String, Object> body = new HashMap<>();
        body.put("bic", bic);
        body.put("name", "Amur Applicant Bank " + bic);
        body.put("country", "RU");
        body.put("settlementAgent", agent);
        body.put("institutionType", "BANK");
        return body;
    }

    static String apply(String bic) {
        var response = post(APPLICATIONS, application(bic, HARBIN)).statusCode(201).extract();
        String id = response.path("id");
        org.assertj.core.api.Assertions.assertThat(response.header("Location")).endsWith(APPLICATIONS + "/" + id);
        return id;
    }

    @Test
    void approvingAnApplicationAdmitsTheBankAsIndirectParticipantOfItsAgent() {
        String bic = newBic("RU");
        String id = post(APPLICATIONS, with(application(bic.toLowerCase(), "hccbcnbh"), "lei", "7ZW8QJWVPR4P1S5PX088"))
                .statusCode(201)
                .body("status", equalTo("PENDING")).body("bic", equalTo(bic)).body("settlementAgent", equalTo(HARBIN))
                .body("participant", nullValue())
                .extract().path("id");
        get(APPLICATIONS + "/" + id).statusCode(200).body("bic", equalTo(bic));
        problem(get(PARTICIPANTS + "/" + bic), 404);

        post(APPLICATIONS + "/" + id + "/approve").statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedAt", notNullValue()).body("participant", equalTo(bic));

        get(PARTICIPANTS + "/" + bic).statusCode(200)
                .body("participation", equalTo("INDIRECT")).body("status", equalTo("ACTIVE"))
                .body("settlementAgent", equalTo(HARBIN)).body("lei", equalTo("7ZW8QJWVPR4P1S5PX088"));
        get(PARTICIPANTS + "?settlementAgent=HCCBCNBHXXX&country=RU&size=500").body("items.bic", hasItem(bic));
    }

    @Test
    void applicationIsReadAndListedByStatus() {
        String id = apply(newBic("RU"));
        get(APPLICATIONS + "/" + id).statusCode(200).body("id", equalTo(id)).body("status", equalTo("PENDING"));
        get(APPLICATIONS + "?status=PENDING&size=500").statusCode(200)
                .body("items.id", hasItem(id)).body("items.status", everyItem(equalTo("PENDING")));
        get(APPLICATIONS + "?status=approved&size=500").statusCode(200).body("items.id", not(hasItem(id)));
        get(APPLICATIONS + "?settlementAgent=HCCBCNBH&size=500").statusCode(200).body("items.id", hasItem(id));
        invalidField(get(APPLICATIONS + "?status=MAYBE"), "status");
    }

    @Test
    void approvingTwiceIsAConflict() {
        String id = apply(newBic("RU"));
        post(APPLICATIONS + "/" + id + "/approve").statusCode(200);
        problem(post(APPLICATIONS + "/" + id + "/approve"), 409);
        problem(post(APPLICATIONS + "/" + id + "/reject", Map.of("reason", "too late")), 409);
        get(APPLICATIONS + "/" + id).body("status", equalTo("APPROVED"));
    }

    @Test
    void rejectingRecordsTheReasonAndAdmitsNobody() {
        String bic = newBic("RU");
        String id = apply(bic);
        post(APPLICATIONS + "/" + id + "/reject", Map.of("reason", "Incomplete KYC documentation")).statusCode(200)
                .body("status", equalTo("REJECTED")).body("reason", equalTo("Incomplete KYC documentation"));
        problem(post(APPLICATIONS + "/" + id + "/approve"), 409);
        problem(post(APPLICATIONS + "/" + id + "/reject", Map.of("reason", "again")), 409);
        problem(get(PARTICIPANTS + "/" + bic), 404);
        // a rejected bank may apply again
        apply(bic);
    }

    @Test
    void rejectionNeedsAReason() {
        String id = apply(newBic("RU"));
        invalidField(post(APPLICATIONS + "/" + id + "/reject", Map.of()), "reason");
        invalidField(post(APPLICATIONS + "/" + id + "/reject", Map.of("reason", " ")), "reason");
        invalidField(post(APPLICATIONS + "/" + id + "/reject", Map.of("reason", "x".repeat(501))), "reason");
        problem(post(APPLICATIONS + "/" + id + "/reject"), 400);
        problem(postRaw(APPLICATIONS + "/" + id + "/reject", "{\"reason\":"), 400);
        get(APPLICATIONS + "/" + id).body("status", equalTo("PENDING"));
    }

    @Test
    void unknownApplicationsAreNotFound() {
        problem(get(APPLICATIONS + "/00000000-0000-0000-0000-000000000000"), 404);
        problem(get(APPLICATIONS + "/not-a-uuid"), 404);
        problem(post(APPLICATIONS + "/00000000-0000-0000-0000-000000000000/approve"), 404);
        problem(post(APPLICATIONS + "/not-a-uuid/approve"), 404);
        problem(post(APPLICATIONS + "/00000000-0000-0000-0000-000000000000/reject", Map.of("reason", "x")), 404);
    }

    @Test
    void existingParticipantOrPendingApplicationCannotApply() {
        problem(post(APPLICATIONS, application(HARBIN, "BKCHCNBJXXX")), 409);
        String bic = newBic("RU");
        apply(bic);
        problem(post(APPLICATIONS, application(bic, HARBIN)), 409);
        // nor can it be registered directly while its application waits
        problem(post(PARTICIPANTS, indirect(bic, "RU", HARBIN)), 409);
    }

    @Test
    void applicationIsValidated() {
        String bic = newBic("RU");
        Map<String, Object> good = application(bic, HARBIN);
        invalidField(post(APPLICATIONS, with(good, "bic", "1234")), "bic").body("reasonCode", equalTo("RC01"));
        invalidField(post(APPLICATIONS, with(good, "settlementAgent", "x")), "settlementAgent").body("reasonCode", equalTo("RC01"));
        invalidField(post(APPLICATIONS, with(good, "lei", "969500KSV493XWY0PS34")), "lei");
        invalidField(post(APPLICATIONS, with(good, "country", "XX")), "country");
        invalidField(post(APPLICATIONS, with(good, "name", "")), "name");
        invalidField(post(APPLICATIONS, with(good, "institutionType", 3)), "institutionType");
        invalidField(post(APPLICATIONS, without(good, "settlementAgent")), "settlementAgent");
        problem(postRaw(APPLICATIONS, "{{"), 400);
        problem(post(APPLICATIONS), 400);
        problem(post(APPLICATIONS, with(good, "settlementAgent", "ZZZZCNZ0XXX")), 400).body("reasonCode", equalTo("AGNT"));
        get(APPLICATIONS + "?size=500").body("items.bic", not(hasItem(bic)));
    }

    @Test
    void approvalIsRefusedWhenTheAgentWasSuspendedMeanwhile() {
        String agent = newBic("CN");
        post(PARTICIPANTS, direct(agent, "CN")).statusCode(201);
        String bic = newBic("RU");
        String id = post(APPLICATIONS, application(bic, agent)).statusCode(201).extract().path("id");
        post(PARTICIPANTS + "/" + agent + "/suspend").statusCode(200);
        problem(post(APPLICATIONS + "/" + id + "/approve"), 409).body("reasonCode", equalTo("AGNT"));
        get(APPLICATIONS + "/" + id).body("status", equalTo("PENDING"));
        problem(get(PARTICIPANTS + "/" + bic), 404);
        // and an agent with pending applications cannot be terminated
        problem(post(PARTICIPANTS + "/" + agent + "/terminate"), 409);
        post(PARTICIPANTS + "/" + agent + "/reactivate").statusCode(200);
        post(APPLICATIONS + "/" + id + "/approve").statusCode(200).body("status", equalTo("APPROVED"));
    }
}

package io.rmbsim.access;

import static io.rmbsim.Api.anonymous;
import static io.rmbsim.Api.as;
import static io.rmbsim.Api.auditEntries;
import static io.rmbsim.Api.auditor;
import static io.rmbsim.Api.member;
import static io.rmbsim.Api.operator;
import static io.rmbsim.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.rmbsim.Api;
import io.rmbsim.Payments;
import io.rmbsim.TestData;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may do what: the roles operator, member and auditor, and a member's view limited to its own bank. */
@QuarkusTest
class AccessTest {

    private static final String PAYMENTS = "/api/v1/payments";

    private String bankA;
    private String bankB;
    private String bankC;

    @BeforeEach
    void threeBanks() {
        bankA = Payments.newDirect();
        bankB = Payments.newDirect();
        bankC = Payments.newDirect();
        Payments.fund(bankA, "1000000.00");
        Payments.fund(bankB, "1000000.00");
        Payments.fund(bankC, "1000000.00");
    }

    private static ValidatableResponse postAs(String token, String path, Object body) {
        return as(token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    private static ValidatableResponse getAs(String token, String path) {
        return as(token).when().get(path).then();
    }

    // --- authentication -------------------------------------------------------------------------

    @Test
    void withoutATokenEveryApiCallIsA401Problem() {
        for (String path : List.of("/api/v1/participants", "/api/v1/alliance/summary", PAYMENTS, "/api/v1/audit",
                "/api/v1/simulations", "/api/v1/settlement/day", "/api/v1/accounts/" + TestData.HARBIN)) {
            problem(anonymous().when().get(path).then(), 401).header("WWW-Authenticate", "Bearer");
        }
        problem(anonymous().contentType(ContentType.JSON).body(Payments.payment(bankA, bankB, "1.00"))
                .when().post(PAYMENTS).then(), 401);
    }

    @Test
    void aForgedUnsignedOrMalformedTokenIsA401() throws Exception {
        var otherKey = KeyPairGenerator.getInstance("RSA");
        otherKey.initialize(2048);
        String forged = Jwt.issuer("urn:rmbsim:demo").subject("mallory").groups("operator")
                .sign(otherKey.generateKeyPair().getPrivate());
        problem(getAs(forged, "/api/v1/participants"), 401);
        problem(getAs("not-a-jwt", "/api/v1/participants"), 401);
        // the classic attacks: an unsigned token ("alg": "none") and one signed with HMAC keyed by the public key
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String claims = b64.encodeToString(("{\"iss\":\"urn:rmbsim:demo\",\"sub\":\"mallory\",\"groups\":[\"operator\"],"
                + "\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}").getBytes());
        problem(getAs(b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + claims + ".",
                "/api/v1/participants"), 401);
        String publicPem = java.nio.file.Files.readString(java.nio.file.Path.of("target/test-keys/demo-jwt-public.pem"));
        String hsInput = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes()) + "." + claims;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(publicPem.getBytes(), "HmacSHA256"));
        problem(getAs(hsInput + "." + b64.encodeToString(mac.doFinal(hsInput.getBytes())), "/api/v1/participants"), 401);
        // properly signed, but expired, or from another issuer
        java.security.PrivateKey demoKey = java.security.KeyFactory.getInstance("RSA").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getMimeDecoder().decode(
                        java.nio.file.Files.readString(java.nio.file.Path.of("target/test-keys/demo-jwt-private.pem"))
                                .replaceAll("-----[A-Z ]+-----", ""))));
        problem(getAs(Jwt.issuer("urn:rmbsim:demo").subject("late").groups("operator")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign(demoKey),
                "/api/v1/participants"), 401);
        problem(getAs(Jwt.issuer("https://elsewhere.example").subject("stranger").groups("operator").sign(demoKey),
                "/api/v1/participants"), 401);
        getAs(Jwt.issuer("urn:rmbsim:demo").audience("urn:rmbsim:api").subject("insider").groups("operator").sign(demoKey),
                "/api/v1/participants").statusCode(200);
        // a real token whose signature has been altered
        String operator = operator();
        String tampered = operator.substring(0, operator.length() - 4) + "AAAA";
        problem(getAs(tampered, "/api/v1/participants"), 401);
    }

    @Test
    void healthAndTheApiDocumentStayOpenAndTheDocumentNamesTheBearerScheme() {
        anonymous().when().get("/q/health/ready").then().statusCode(200);
        anonymous().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/payments'.post.responses.'401'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/payments'.post.responses.'403'.description", org.hamcrest.Matchers.notNullValue());
    }

    // --- members: paying --------------------------------------------------------------------------

    @Test
    void aMemberPaysFromItsOwnBic() {
        postAs(member(bankA), PAYMENTS, Payments.payment(bankA, bankB, "100.00")).statusCode(201)
                .body("status", equalTo("SETTLED"));
    }

    @Test
    void aMemberPayingFromAnotherBanksBicIsRefusedAndOnlyTheAuditRecordsIt() {
        Map<String, Object> payment = Payments.payment(bankB, bankC, "100.00");
        String balanceBefore = Payments.balance(bankB);
        problem(postAs(member(bankA), PAYMENTS, payment), 403);

        Api.get(PAYMENTS + "/" + payment.get("uetr")).statusCode(404);
        assertThat(Payments.balance(bankB)).isEqualTo(balanceBefore);
        await().atMost(Duration.ofSeconds(30)).until(() -> auditEntries(PAYMENTS).stream()
                .anyMatch(e -> Integer.valueOf(403).equals(e.get("status")) && bankA.equals(e.get("bic"))));
        Map<String, Object> entry = auditEntries(PAYMENTS).stream()
                .filter(e -> Integer.valueOf(403).equals(e.get("status")) && bankA.equals(e.get("bic"))).findFirst().orElseThrow();
        assertThat(entry).containsEntry("role", "member").containsEntry("actor", "demo-member-" + bankA)
                .containsEntry("outcome", "REFUSED").containsEntry("method", "POST");
    }

    @Test
    void aMembersPacs008WithAnotherBanksDebtorAgentIsRefusedWhole() {
        String own = UUID.randomUUID().toString();
        String foreign = UUID.randomUUID().toString();
        String xml = io.rmbsim.payment.Pacs008XmlTest.document("MSG-" + own.substring(0, 8),
                io.rmbsim.payment.Pacs008XmlTest.transaction(own, bankA, bankC, "10.00", "CNY"),
                io.rmbsim.payment.Pacs008XmlTest.transaction(foreign, bankB, bankC, "10.00", "CNY"));
        as(member(bankA)).contentType("application/xml").body(xml).when().post(PAYMENTS).then().statusCode(403);
        Api.get(PAYMENTS + "/" + own).statusCode(404);
        Api.get(PAYMENTS + "/" + foreign).statusCode(404);
    }

    // --- members: reading -------------------------------------------------------------------------

    @Test
    void aMemberReadsThePaymentsItSendsOrReceivesAndNoOthers() {
        String sent = Payments.pay(bankA, bankB, "10.00");
        String received = Payments.pay(bankC, bankA, "10.00");
        String others = Payments.pay(bankB, bankC, "10.00");
        String token = member(bankA);

        getAs(token, PAYMENTS + "/" + sent).statusCode(200);
        getAs(token, PAYMENTS + "/" + received).statusCode(200);
        problem(getAs(token, PAYMENTS + "/" + others), 404);
        problem(getAs(token, PAYMENTS + "/" + others + "/status-report"), 404);
        // the same answer as for a payment that does not exist: a member cannot probe for others' UETRs
        problem(getAs(token, PAYMENTS + "/" + UUID.randomUUID()), 404);

        List<String> listed = getAs(token, PAYMENTS + "?size=500").statusCode(200).extract().path("items.uetr");
        assertThat(listed).contains(sent, received).doesNotContain(others);
        List<Map<String, Object>> items = getAs(token, PAYMENTS + "?size=500").extract().path("items");
        assertThat(items).allMatch(p -> bankA.equals(p.get("debtorAgent")) || bankA.equals(p.get("creditorAgent")));
        // asking for another bank's payments by filter finds none of them
        getAs(token, PAYMENTS + "?debtorAgent=" + bankB + "&creditorAgent=" + bankC).statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aMemberSeesInTheQueueOnlyWhatItsBankSendsOrReceives() {
        String poorB = Payments.newDirect();
        String toA = Payments.pay(poorB, bankA, "70.00");
        String others = Payments.pay(poorB, bankC, "70.00");
        assertThat(Payments.status(toA)).isEqualTo("QUEUED");
        assertThat(Payments.status(others)).isEqualTo("QUEUED");

        List<Map<String, Object>> seen = getAs(member(bankA), "/api/v1/settlement/queue?size=500").statusCode(200)
                .extract().path("items");
        assertThat(seen).extracting(p -> p.get("uetr")).contains(toA).doesNotContain(others);
        assertThat(seen).allMatch(p -> bankA.equals(p.get("debtorAgent")) || bankA.equals(p.get("creditorAgent")));
        List<String> all = getAs(operator(), "/api/v1/settlement/queue?size=500").extract().path("items.uetr");
        assertThat(all).contains(toA, others);
    }

    @Test
    void aMemberListsOnlyItsOwnAccountAndSeesOnlyItsOwnPostingsOfAPayment() {
        String agent = Payments.newDirect();
        String ownIndirect = Payments.newIndirect(agent, "RU");
        Payments.fund(ownIndirect, "50.00");
        Payments.fund(agent, "50.00");
        String uetr = Payments.pay(ownIndirect, bankB, "20.00");
        String token = member(ownIndirect);

        List<String> listed = getAs(token, "/api/v1/accounts?size=500").statusCode(200).body("total", equalTo(1))
                .extract().path("items.bic");
        assertThat(listed).containsExactly(ownIndirect);
        // the payment posts at the indirect's account, its agent's CIPS account and bankB's: the member sees its own only
        List<String> accounts = getAs(token, PAYMENTS + "/" + uetr + "/postings").statusCode(200).extract().path("account");
        assertThat(accounts).containsExactly(ownIndirect);
        List<String> all = getAs(operator(), PAYMENTS + "/" + uetr + "/postings").statusCode(200).extract().path("account");
        assertThat(all).containsExactlyInAnyOrder(ownIndirect, agent, bankB);
        // another bank's payment is not there for it, as if it did not exist
        problem(getAs(token, PAYMENTS + "/" + Payments.pay(bankB, bankC, "1.00") + "/postings"), 404);
    }

    @Test
    void theCallerEndpointSaysWhoATokenSpeaksFor() {
        getAs(member(bankA), "/api/v1/auth/me").statusCode(200).body("role", equalTo("member")).body("bic", equalTo(bankA));
        getAs(auditor(), "/api/v1/auth/me").statusCode(200).body("role", equalTo("auditor")).body("subject", equalTo("demo-auditor"));
        getAs(operator(), "/api/v1/auth/me").statusCode(200).body("role", equalTo("operator"));
        problem(anonymous().when().get("/api/v1/auth/me").then(), 401);
    }

    @Test
    void aMemberReadsItsOwnAccountAndNoOther() {
        Payments.pay(bankA, bankB, "10.00");
        String token = member(bankA);
        getAs(token, "/api/v1/accounts/" + bankA).statusCode(200).body("bic", equalTo(bankA));
        getAs(token, "/api/v1/accounts/" + bankA + "/postings").statusCode(200);
        getAs(token, "/api/v1/accounts/" + bankA + "/statement").statusCode(200);
        for (String path : List.of("", "/postings", "/statement")) {
            problem(getAs(token, "/api/v1/accounts/" + bankB + path), 404);
        }
    }

    @Test
    void aMemberCancelsOnlyWhatItsBankSent() {
        String poor = Payments.newDirect();
        String queued = Payments.pay(poor, bankA, "50.00");
        assertThat(Payments.status(queued)).isEqualTo("QUEUED");
        // the receiving bank sees it but may not cancel it
        problem(postAs(member(bankA), PAYMENTS + "/" + queued + "/cancel", Map.of()), 403);
        problem(postAs(member(bankB), PAYMENTS + "/" + queued + "/cancel", Map.of()), 404);
        postAs(member(poor), PAYMENTS + "/" + queued + "/cancel", Map.of()).statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void directoryAllianceAndTheDayAreReadableByEveryRole() {
        for (String token : List.of(member(bankA), auditor(), operator())) {
            getAs(token, "/api/v1/participants").statusCode(200);
            getAs(token, "/api/v1/participants/" + TestData.HARBIN).statusCode(200);
            getAs(token, "/api/v1/alliance/summary").statusCode(200);
            getAs(token, "/api/v1/alliance/members").statusCode(200);
            getAs(token, "/api/v1/settlement/day").statusCode(200);
        }
    }

    @Test
    void directoryAllianceLiquidityAndDayChangesAreForOperators() {
        for (String token : List.of(member(bankA), auditor())) {
            problem(postAs(token, "/api/v1/participants", TestData.direct(TestData.newBic("CN"), "CN")), 403);
            problem(postAs(token, "/api/v1/participants/" + bankB + "/suspend", Map.of()), 403);
            problem(postAs(token, "/api/v1/alliance/members", Map.of("name", "Test Trust", "category", "TRUST",
                    "country", "CN", "joinedOn", "2024-01-01")), 403);
            problem(postAs(token, "/api/v1/accounts/" + bankA + "/liquidity", Map.of("direction", "IN",
                    "amount", "1.00", "currency", "CNY", "reference", "SELF")), 403);
            problem(postAs(token, "/api/v1/settlement/offset", Map.of()), 403);
            problem(postAs(token, "/api/v1/settlement/day/close", Map.of()), 403);
        }
        Api.get("/api/v1/participants/" + bankB).body("status", equalTo("ACTIVE"));
    }

    @Test
    void anAuditorReadsEverythingAndChangesNothing() {
        String others = Payments.pay(bankB, bankC, "10.00");
        String token = auditor();
        getAs(token, PAYMENTS + "/" + others).statusCode(200);
        getAs(token, "/api/v1/accounts/" + bankB).statusCode(200);
        getAs(token, "/api/v1/audit").statusCode(200);
        getAs(token, "/api/v1/audit/verify").statusCode(200).body("intact", equalTo(true));
        problem(postAs(token, PAYMENTS, Payments.payment(bankB, bankC, "1.00")), 403);
        problem(postAs(token, PAYMENTS + "/" + others + "/cancel", Map.of()), 403);
    }

    @Test
    void theAuditTrailIsForAuditorsAndOperators() {
        problem(getAs(member(bankA), "/api/v1/audit"), 403);
        problem(getAs(member(bankA), "/api/v1/audit/verify"), 403);
        getAs(operator(), "/api/v1/audit").statusCode(200);
    }

    @Test
    void theAuditNamesWhoActedInWhichRoleForWhichBank() {
        String uetr = postAs(member(bankA), PAYMENTS, Payments.payment(bankA, bankB, "3.00")).statusCode(201)
                .extract().path("uetr");
        await().atMost(Duration.ofSeconds(30)).until(() -> auditEntries(uetr).size() == 1);
        assertThat(auditEntries(uetr).get(0)).containsEntry("actor", "demo-member-" + bankA)
                .containsEntry("role", "member").containsEntry("bic", bankA).containsEntry("status", 201)
                .containsEntry("outcome", "DONE");
    }

    // --- onboarding ---------------------------------------------------------------------------------

    @Test
    void aMemberAppliesOnlyAsTheAgentAndSeesOnlyItsApplications() {
        String applicantForA = TestData.newBic("RU");
        Map<String, Object> application = Map.of("bic", applicantForA, "name", "Applicant Bank", "country", "RU",
                "settlementAgent", bankA, "institutionType", "BANK");
        String id = postAs(member(bankA), "/api/v1/applications", application).statusCode(201).extract().path("id");
        problem(postAs(member(bankB), "/api/v1/applications", Map.of("bic", TestData.newBic("RU"), "name", "Other",
                "country", "RU", "settlementAgent", bankA, "institutionType", "BANK")), 403);

        getAs(member(bankA), "/api/v1/applications/" + id).statusCode(200);
        problem(getAs(member(bankB), "/api/v1/applications/" + id), 404);
        List<String> seenByB = getAs(member(bankB), "/api/v1/applications?size=500").extract().path("items.id");
        assertThat(seenByB).doesNotContain(id);
        problem(postAs(member(bankA), "/api/v1/applications/" + id + "/approve", Map.of()), 403);
        postAs(operator(), "/api/v1/applications/" + id + "/approve", Map.of()).statusCode(200);
    }

    // --- simulations ----------------------------------------------------------------------------------

    @Test
    void eachCallerSeesItsOwnSimulationsAndOperatorsAndAuditorsSeeAll() {
        Map<String, Object> small = Map.of("scenario", "harbin-ftz-2021h1", "seed", 7, "modes", List.of("RTGS"));
        String id = postAs(member(bankA), "/api/v1/simulations", small).statusCode(202).extract().path("id");

        getAs(member(bankA), "/api/v1/simulations/" + id).statusCode(200).body("owner", equalTo("demo-member-" + bankA));
        problem(getAs(member(bankB), "/api/v1/simulations/" + id), 404);
        List<String> seenByB = getAs(member(bankB), "/api/v1/simulations?size=500").extract().path("items.id");
        assertThat(seenByB).doesNotContain(id);
        problem(as(member(bankB)).when().delete("/api/v1/simulations/" + id).then(), 404);
        getAs(operator(), "/api/v1/simulations/" + id).statusCode(200);
        getAs(auditor(), "/api/v1/simulations/" + id).statusCode(200);
        as(member(bankA)).when().delete("/api/v1/simulations/" + id).then().statusCode(204);
    }

    // --- demo tokens ---------------------------------------------------------------------------------

    @Test
    void demoTokensNameAKnownBankForAMemberAndAKnownRole() {
        problem(anonymous().when().post("/api/v1/auth/demo-token?role=root").then(), 400);
        problem(anonymous().when().post("/api/v1/auth/demo-token?role=member").then(), 400);
        problem(anonymous().when().post("/api/v1/auth/demo-token?role=member&bic=NOTABIC").then(), 400)
                .body("reasonCode", equalTo("RC01"));
        problem(anonymous().when().post("/api/v1/auth/demo-token?role=member&bic=ZZZZRUM0XXX").then(), 404);
        anonymous().when().post("/api/v1/auth/demo-token?role=member&bic=" + bankA.toLowerCase()).then().statusCode(200)
                .body("role", equalTo("member")).body("bic", equalTo(bankA)).body("tokenType", equalTo("Bearer"));
        Instant expires = Instant.parse(anonymous().when().post("/api/v1/auth/demo-token?role=auditor").then()
                .statusCode(200).extract().path("expiresAt"));
        assertThat(expires).isAfter(Instant.now());
    }

}

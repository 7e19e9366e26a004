package io.rmbsim.audit;

import static io.rmbsim.Api.get;
import static io.rmbsim.Api.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.DisabledOnIntegrationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rmbsim.TestData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {

    /** The audit entries (as maps) whose path contains {@code fragment}, once they have been written. */
    static List<Map<String, Object>> entriesFor(String fragment, int atLeast) {
        await("audit of " + fragment).atMost(Duration.ofSeconds(30)).until(() -> matching(fragment).size() >= atLeast);
        return matching(fragment);
    }

    static List<Map<String, Object>> matching(String fragment) {
        return io.rmbsim.Api.auditEntries(fragment);
    }

    @Test
    void everyStateChangingRequestIsRecordedWithItsOutcome() {
        String bic = TestData.newBic("CN");
        post("/api/v1/participants", TestData.direct(bic, "CN")).statusCode(201);
        post("/api/v1/participants/" + bic + "/suspend").statusCode(200);
        post("/api/v1/participants/" + bic + "/suspend").statusCode(409);
        get("/api/v1/participants/" + bic).statusCode(200);
        List<Map<String, Object>> entries = entriesFor(bic, 3);
        assertThat(entries).extracting(m -> m.get("status")).containsExactly(201, 200, 409);
        assertThat(entries).extracting(m -> m.get("outcome")).containsExactly("DONE", "DONE", "REFUSED");
        assertThat(entries).extracting(m -> m.get("actor")).containsOnly("demo-operator");
        assertThat(entries).extracting(m -> m.get("role")).containsOnly("operator");
        assertThat(entries).extracting(m -> m.get("method")).containsOnly("POST");
        assertThat(String.valueOf(entries.get(0).get("resource"))).endsWith("/api/v1/participants/" + bic);
    }

    @Test
    void theTrailReadsNewestFirstWhenAskedAndAnUnknownOrderIsRefused() {
        String bic = TestData.newBic("CN");
        post("/api/v1/participants", TestData.direct(bic, "CN")).statusCode(201);
        post("/api/v1/participants/" + bic + "/suspend").statusCode(200);
        entriesFor(bic, 2);
        List<Integer> newest = get("/api/v1/audit?order=newest&size=20").statusCode(200).extract().jsonPath().getList("items.seq", Integer.class);
        long total = get("/api/v1/audit?size=1").statusCode(200).extract().jsonPath().getLong("total");
        assertThat(newest).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(newest.get(0).longValue()).as("the first is the latest entry").isGreaterThanOrEqualTo(total);
        List<Integer> oldest = get("/api/v1/audit?size=20").statusCode(200).extract().jsonPath().getList("items.seq", Integer.class);
        assertThat(oldest).as("oldest first, as before").isSorted().startsWith(1);
        get("/api/v1/audit?order=sideways").statusCode(400).body("errors[0].field", equalTo("order"));
    }

    @Test
    void aWriteWithoutAValidTokenIsRecordedAsAnonymousAndRefused() {
        String bic = TestData.newBic("CN");
        io.rmbsim.Api.anonymous().when().post("/api/v1/participants/" + bic + "/suspend").then().statusCode(401);
        io.rmbsim.Api.as("forged.token.value").when().post("/api/v1/participants/" + bic + "/terminate").then().statusCode(401);
        List<Map<String, Object>> entries = entriesFor(bic, 2);
        assertThat(entries).extracting(m -> m.get("actor")).containsOnly("anonymous");
        assertThat(entries).extracting(m -> m.get("status")).containsOnly(401);
        assertThat(entries).extracting(m -> m.get("outcome")).containsOnly("REFUSED");
    }

    @Test
    @DisabledOnIntegrationTest("tampers with an entry through the application's own persistence, which a packaged application does not expose")
    void theChainVerifiesAndShowsTampering() {
        String bic = TestData.newBic("CN");
        post("/api/v1/participants", TestData.direct(bic, "CN")).statusCode(201);
        await("audit of " + bic).atMost(Duration.ofSeconds(30)).until(() -> matching("/api/v1/participants").stream()
                .anyMatch(m -> String.valueOf(m.get("resource")).endsWith(bic)));
        Map<String, Object> entry = matching("/api/v1/participants").stream()
                .filter(m -> String.valueOf(m.get("resource")).endsWith(bic)).findFirst().orElseThrow();
        long target = ((Number) entry.get("seq")).longValue();
        get("/api/v1/audit/verify").statusCode(200).body("intact", equalTo(true));
        String original = (String) entry.get("path");
        try {
            QuarkusTransaction.requiringNew().run(() -> AuditEntry.update("path = ?1 where seq = ?2", "/api/v1/nothing-happened", target));
            get("/api/v1/audit/verify").statusCode(200).body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) target));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AuditEntry.update("path = ?1 where seq = ?2", original, target));
        }
        get("/api/v1/audit/verify").statusCode(200).body("intact", equalTo(true));
    }

    static final String MEMBERS = "/api/v1/alliance/members";

    /** A new alliance member: a change that does not pass through settlement, so it goes on while the writer is held. */
    static String admitMember() {
        return post(MEMBERS, Map.of("name", "Audit test " + java.util.UUID.randomUUID(), "category", "BANK", "country", "RU",
                "joinedOn", "2021-01-04")).statusCode(201).extract().path("id");
    }

    @Test
    @DisabledOnIntegrationTest("puts failures into the running writer, which a packaged application does not expose")
    void noEntryIsLostWhenTheWriterRunsOutOfMemoryOrTheDatabaseFailsAndTheChainStillVerifies() {
        AuditTrail trail = Arc.container().instance(AuditTrail.class).get();
        AtomicInteger attempts = new AtomicInteger();
        // the first attempt runs out of memory, the second meets a database error, then they go through
        trail.beforeEachWrite(() -> {
            switch (attempts.getAndIncrement()) {
                case 0 -> throw new OutOfMemoryError("injected by the test: the heap is full");
                case 1 -> throw new IllegalStateException("injected by the test: the database refused the insert");
                default -> {
                }
            }
        });
        String id;
        try {
            id = admitMember();
            post(MEMBERS + "/" + id + "/withdraw", Map.of("leftOn", "2024-06-30")).statusCode(200);
            List<Map<String, Object>> entries = entriesFor(MEMBERS + "/" + id, 2);
            assertThat(entries).extracting(m -> m.get("status")).containsExactly(201, 200);
            assertThat(attempts).as("write attempts").hasValueGreaterThanOrEqualTo(3);
        } finally {
            trail.beforeEachWrite(null);
        }
        // the writer is still there for what comes next, and the chain has no gap or fork
        post(MEMBERS + "/" + id + "/withdraw", Map.of("leftOn", "2024-07-01")).statusCode(409);
        assertThat(entriesFor(MEMBERS + "/" + id, 3)).hasSize(3);
        get("/api/v1/audit/verify").statusCode(200).body("intact", equalTo(true));
    }

    @Test
    @DisabledOnIntegrationTest("holds the running writer back, which a packaged application does not expose")
    void aChangeTheTrailCannotRecordIsRefusedBeforeItIsMadeAndNothingLetInIsLost() {
        AuditTrail trail = Arc.container().instance(AuditTrail.class).get();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the writer takes the first entry and waits inside its write, as on a database that hangs
        trail.beforeEachWrite(() -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int configured = trail.backlog(1);
        String letIn;
        int membersBefore;
        try {
            letIn = admitMember();
            await("the writer holds the first entry").atMost(Duration.ofSeconds(30)).until(() -> writing.getCount() == 0);
            post(MEMBERS + "/" + letIn + "/withdraw", Map.of("leftOn", "2024-06-30")).statusCode(200);
            membersBefore = get(MEMBERS + "?size=1").statusCode(200).extract().path("total");
            // one entry waits now, which is the backlog: the next change is refused before it is made
            post(MEMBERS, Map.of("name", "Refused " + letIn, "category", "BANK", "country", "RU", "joinedOn", "2021-01-04"))
                    .statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", equalTo("urn:rmbsim:problem:audit-backlog"));
            get(MEMBERS + "?size=1").statusCode(200).body("total", equalTo(membersBefore));
        } finally {
            trail.backlog(configured);
            trail.beforeEachWrite(null);
            release.countDown();
        }
        List<Map<String, Object>> entries = entriesFor(MEMBERS + "/" + letIn, 2);
        assertThat(entries).extracting(m -> m.get("status")).containsExactly(201, 200);
        String after = admitMember();
        assertThat(entriesFor(MEMBERS + "/" + after, 1)).extracting(m -> m.get("status")).contains(201);
        get("/api/v1/audit/verify").statusCode(200).body("intact", equalTo(true));
    }
}

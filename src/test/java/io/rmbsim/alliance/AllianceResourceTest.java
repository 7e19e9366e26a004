package io.rmbsim.alliance;

import static io.rmbsim.Api.get;
import static io.rmbsim.Api.invalidField;
import static io.rmbsim.Api.post;
import static io.rmbsim.Api.postRaw;
import static io.rmbsim.Api.problem;
import static io.rmbsim.TestData.newBic;
import static io.rmbsim.TestData.with;
import static io.rmbsim.TestData.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AllianceResourceTest {

    static final String MEMBERS = "/api/v1/alliance/members";
    static final String SUMMARY = "/api/v1/alliance/summary";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static Map<String, Object> member(String category, String country, String joinedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Test " + category + " " + UUID.randomUUID());
        body.put("category", category);
        body.put("country", country);
        body.put("joinedOn", joinedOn);
        return body;
    }

    static int activeOn(String date) {
        return get(SUMMARY + "?asOf=" + date).statusCode(200).extract().path("activeMembers");
    }

    static String admit(Map<String, Object> body) {
        return post(MEMBERS, body).statusCode(201).extract().path("id");
    }

    @Test
    void allianceHadSeventyTwoActiveMembersInFourCategoriesWhenChinaDailyReported() {
        get(SUMMARY + "?asOf=2021-08-31").statusCode(200)
                .body("asOf", equalTo("2021-08-31"))
                .body("activeMembers", equalTo(72))
                .body("byCategory.size()", equalTo(4));
        JsonPath summary = get(SUMMARY + "?asOf=2021-08-31").extract().jsonPath();
        int sum = 0;
        for (String c : new String[] {"BANK", "TRUST", "FUND", "INSURER"}) {
            assertThat(summary.getInt("byCategory." + c)).as(c).isPositive();
            sum += summary.getInt("byCategory." + c);
        }
        assertThat(sum).isEqualTo(72);
        Map<String, Integer> byCountry = summary.getMap("byCountry");
        assertThat(byCountry.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(72);
        assertThat(byCountry).containsKeys("CN", "RU");
    }

    @Test
    void summaryShowsHistoryAsOfADate() {
        int end2020 = get(SUMMARY + "?asOf=2020-12-31").statusCode(200).extract().path("activeMembers");
        assertThat(end2020).isPositive().isLessThan(72);
        get(SUMMARY + "?asOf=1999-01-01").statusCode(200).body("activeMembers", equalTo(0))
                .body("byCategory.BANK", equalTo(0));
    }

    @Test
    void summaryWithoutDateCountsTodaysActiveMembers() {
        int active = get(MEMBERS + "?status=ACTIVE&size=1").extract().path("total");
        get(SUMMARY).statusCode(200).body("asOf", equalTo(TODAY.toString())).body("activeMembers", equalTo(active));
    }

    @Test
    void harbinBankIsAMember() {
        get(MEMBERS + "?category=BANK&country=CN&status=ACTIVE&size=500").statusCode(200)
                .body("items.bic", hasItem("HCCBCNBHXXX"));
    }

    @Test
    void withdrawnMembersStayOnTheRegister() {
        get(MEMBERS + "?status=WITHDRAWN&size=500").statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("items.leftOn", everyItem(notNullValue()))
                .body("items.status", everyItem(equalTo("WITHDRAWN")));
    }

    @Test
    void newMemberIsAddedAndCounted() {
        JsonPath before = get(SUMMARY).extract().jsonPath();
        int joiningThatDayBefore = activeOn("2024-03-01") - activeOn("2024-02-29");
        Map<String, Object> body = with(member("insurer", "ru", "2024-03-01"), "lei", "969500KSV493XWY0PS33");
        String bic = newBic("RU");
        var created = post(MEMBERS, with(body, "bic", bic.toLowerCase())).statusCode(201).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(MEMBERS + "/" + id);
        get(MEMBERS + "/" + id).statusCode(200)
                .body("category", equalTo("INSURER")).body("country", equalTo("RU")).body("status", equalTo("ACTIVE"))
                .body("joinedOn", equalTo("2024-03-01")).body("bic", equalTo(bic))
                .body("lei", equalTo("969500KSV493XWY0PS33"));
        get(SUMMARY).body("activeMembers", equalTo(before.getInt("activeMembers") + 1))
                .body("byCategory.INSURER", equalTo(before.getInt("byCategory.INSURER") + 1));
        assertThat(activeOn("2024-03-01") - activeOn("2024-02-29")).isEqualTo(joiningThatDayBefore + 1);
        get(SUMMARY + "?asOf=2021-08-31").body("activeMembers", equalTo(72));
    }

    @Test
    void withdrawalKeepsHistoryAndCannotHappenTwice() {
        String id = admit(member("FUND", "CN", "2023-01-10"));
        int activeBefore = get(SUMMARY).extract().path("activeMembers");
        post(MEMBERS + "/" + id + "/withdraw", Map.of("leftOn", "2024-06-30")).statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("leftOn", equalTo("2024-06-30"));
        get(SUMMARY).body("activeMembers", equalTo(activeBefore - 1));
        // on its last day it was still a member; on the day it left, no longer
        int onLastDay = get(SUMMARY + "?asOf=2024-06-29").extract().path("activeMembers");
        int onLeavingDay = get(SUMMARY + "?asOf=2024-06-30").extract().path("activeMembers");
        assertThat(onLeavingDay).isEqualTo(onLastDay - 1);
        problem(post(MEMBERS + "/" + id + "/withdraw", Map.of("leftOn", "2024-07-01")), 409);
        get(MEMBERS + "/" + id).body("leftOn", equalTo("2024-06-30"));
    }

    @Test
    void withdrawalDateMustBeSensible() {
        String id = admit(member("TRUST", "CN", "2023-05-05"));
        invalidField(post(MEMBERS + "/" + id + "/withdraw", Map.of("leftOn", "2023-05-04")), "leftOn");
        invalidField(post(MEMBERS + "/" + id + "/withdraw", Map.of("leftOn", TODAY.plusDays(2).toString())), "leftOn");
        invalidField(post(MEMBERS + "/" + id + "/withdraw", Map.of("leftOn", "2023-02-30")), "leftOn");
        invalidField(post(MEMBERS + "/" + id + "/withdraw", Map.of("leftOn", "yesterday")), "leftOn");
        invalidField(post(MEMBERS + "/" + id + "/withdraw", Map.of()), "leftOn");
        invalidField(post(MEMBERS + "/" + id + "/withdraw", Map.of("leftOn", 20240101)), "leftOn");
        problem(post(MEMBERS + "/" + id + "/withdraw"), 400);
        get(MEMBERS + "/" + id).body("status", equalTo("ACTIVE"));
    }

    @Test
    void memberIsValidated() {
        Map<String, Object> good = member("BANK", "KZ", "2023-09-09");
        String name = (String) good.get("name");
        invalidField(post(MEMBERS, with(good, "category", "BAKERY")), "category");
        invalidField(post(MEMBERS, with(good, "category", "OTHER")), "category");
        invalidField(post(MEMBERS, with(good, "country", "XX")), "country");
        invalidField(post(MEMBERS, with(good, "joinedOn", "2023-13-01")), "joinedOn");
        invalidField(post(MEMBERS, with(good, "joinedOn", TODAY.plusDays(2).toString())), "joinedOn");
        invalidField(post(MEMBERS, with(good, "bic", "BAD")), "bic").body("reasonCode", equalTo("RC01"));
        invalidField(post(MEMBERS, with(good, "lei", "969500KSV493XWY0PS34")), "lei");
        invalidField(post(MEMBERS, with(good, "name", "n".repeat(141))), "name");
        invalidField(post(MEMBERS, without(good, "name")), "name");
        invalidField(post(MEMBERS, without(good, "joinedOn")), "joinedOn");
        invalidField(post(MEMBERS, with(good, "surprise", true)), "surprise");
        problem(postRaw(MEMBERS, "{\"name\": [}"), 400);
        problem(post(MEMBERS), 400);
        get(MEMBERS + "?country=KZ&size=500").body("items.name", org.hamcrest.Matchers.not(hasItem(name)));
    }

    @Test
    void anActiveMemberCannotBeAddedTwice() {
        Map<String, Object> body = member("BANK", "RU", "2023-02-02");
        String bic = newBic("RU");
        admit(with(body, "bic", bic));
        problem(post(MEMBERS, body), 409);
        problem(post(MEMBERS, with(member("BANK", "RU", "2023-02-02"), "bic", bic)), 409);
    }

    @Test
    void filtersAndUnknownIdsAreChecked() {
        get(MEMBERS + "?category=TRUST&status=ACTIVE&size=500").statusCode(200)
                .body("items.category", everyItem(equalTo("TRUST"))).body("items.status", everyItem(equalTo("ACTIVE")));
        get(MEMBERS + "?country=RU&size=500").statusCode(200).body("items.country", everyItem(equalTo("RU")));
        invalidField(get(MEMBERS + "?category=BAKERY"), "category");
        invalidField(get(MEMBERS + "?status=SLEEPING"), "status");
        invalidField(get(MEMBERS + "?country=XX"), "country");
        invalidField(get(SUMMARY + "?asOf=2021-02-30"), "asOf");
        problem(get(MEMBERS + "/" + UUID.randomUUID()), 404);
        problem(get(MEMBERS + "/not-a-uuid"), 404);
        problem(post(MEMBERS + "/" + UUID.randomUUID() + "/withdraw", Map.of("leftOn", "2024-01-01")), 404);
    }
}

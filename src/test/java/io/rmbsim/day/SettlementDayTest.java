package io.rmbsim.day;

import static io.rmbsim.Api.get;
import static io.rmbsim.Api.post;
import static io.rmbsim.Payments.balance;
import static io.rmbsim.Payments.fund;
import static io.rmbsim.Payments.newDirect;
import static io.rmbsim.Payments.pay;
import static io.rmbsim.Payments.payment;
import static io.rmbsim.Payments.status;
import static io.rmbsim.TestData.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SettlementDayTest {

    static final String PAYMENTS = "/api/v1/payments/";

    @Test
    void gridlockOfThreeEmptyAccountsIsResolvedByMultilateralOffsetting() {
        String x = newDirect();
        String y = newDirect();
        String z = newDirect();
        String xy = pay(x, y, "100.00");
        String yz = pay(y, z, "100.00");
        String zx = pay(z, x, "100.00");
        for (String uetr : List.of(xy, yz, zx)) {
            assertThat(status(uetr)).isEqualTo("QUEUED");
        }
        post("/api/v1/settlement/offset").statusCode(200)
                .body("payments.uetr", hasItems(xy, yz, zx));
        for (String uetr : List.of(xy, yz, zx)) {
            get(PAYMENTS + uetr).body("status", equalTo("SETTLED")).body("settlementMethod", equalTo("MULTILATERAL_OFFSET"));
        }
        assertThat(List.of(balance(x), balance(y), balance(z))).containsOnly("0.00");
    }

    @Test
    void aLargeOffsetAnswersItsCountsValueAndFirstPageAndPagesTheRest() {
        String x = newDirect();
        String y = newDirect();
        String z = newDirect();
        List<String> ours = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ours.add(pay(x, y, "2.00"));
            ours.add(pay(y, z, "2.00"));
            ours.add(pay(z, x, "2.00"));
        }
        var answer = post("/api/v1/settlement/offset?size=10").statusCode(200).extract();
        int settled = answer.path("settledCount");
        assertThat(settled).isGreaterThanOrEqualTo(27);
        assertThat(new java.math.BigDecimal((String) answer.path("settledValue"))).isGreaterThanOrEqualTo(new java.math.BigDecimal("54.00"));
        List<String> firstPage = answer.path("payments.uetr");
        assertThat(firstPage).as("the answer lists only its first page").hasSize(10);
        String next = answer.path("next");
        assertThat(next).isNotNull().contains("settlementRun=" + answer.path("run"));
        List<String> all = new java.util.ArrayList<>(firstPage);
        for (String page = next; all.size() < settled; ) {
            var p = get(page).statusCode(200).extract();
            List<String> items = p.path("items.uetr");
            assertThat(items).isNotEmpty();
            all.addAll(items);
            assertThat((int) p.path("total")).isEqualTo(settled);
            int n = Integer.parseInt(page.replaceAll(".*[?&]page=(\\d+).*", "$1"));
            page = page.replace("page=" + n, "page=" + (n + 1));
        }
        assertThat(all).as("every payment it settled, once").hasSize(settled).doesNotHaveDuplicates().containsAll(ours);
        get("/api/v1/settlement/runs/" + answer.path("run")).statusCode(200).body("kind", equalTo("OFFSET"))
                .body("settledCount", equalTo(settled)).body("settledValue", equalTo(answer.path("settledValue")));
    }

    @Test
    void closingAnswersWhatItRejectedWithItsValueAndPagesThem() {
        String x = newDirect();
        String y = newDirect();
        List<String> stuck = List.of(pay(x, y, "4.00"), pay(x, y, "4.00"), pay(x, y, "4.00"));
        var close = post("/api/v1/settlement/day/close?size=2").statusCode(200).extract();
        int rejected = close.path("rejected");
        assertThat(rejected).isGreaterThanOrEqualTo(3);
        assertThat(new java.math.BigDecimal((String) close.path("rejectedValue"))).isGreaterThanOrEqualTo(new java.math.BigDecimal("12.00"));
        List<String> seen = new java.util.ArrayList<>();
        String link = close.path("rejectedPayments");
        for (int page = 0; seen.size() < rejected; page++) {
            var p = get(link.replace("page=0", "page=" + page)).statusCode(200).extract();
            assertThat((List<String>) p.path("items.status")).containsOnly("REJECTED");
            assertThat((List<String>) p.path("items.reasonCode")).containsOnly("AM04");
            List<String> items = p.path("items.uetr");
            assertThat(items).hasSizeLessThanOrEqualTo(2).isNotEmpty();
            seen.addAll(items);
        }
        assertThat(seen).hasSize(rejected).containsAll(stuck);
        get("/api/v1/settlement/runs/" + close.path("run")).statusCode(200).body("kind", equalTo("DAY_CLOSE"))
                .body("rejectedCount", equalTo(rejected));
    }

    @Test
    void paymentsInBothDirectionsSettleAtOnceByBilateralOffsetting() {
        String x = newDirect();
        String y = newDirect();
        fund(x, "20.00");
        String xy = pay(x, y, "100.00");
        assertThat(status(xy)).isEqualTo("QUEUED");
        pay(payment(y, x, "80.00")).statusCode(201)
                .body("status", equalTo("SETTLED")).body("settlementMethod", equalTo("BILATERAL_OFFSET"));
        get(PAYMENTS + xy).body("status", equalTo("SETTLED")).body("settlementMethod", equalTo("BILATERAL_OFFSET"));
        assertThat(balance(x)).isEqualTo("0.00");
        assertThat(balance(y)).isEqualTo("20.00");
    }

    @Test
    void queueIsListedInReleaseOrder() {
        String x = newDirect();
        String y = newDirect();
        String first = pay(x, y, "10.00");
        String second = pay(x, y, "10.00");
        String urgent = post("/api/v1/payments", with(payment(x, y, "10.00"), "priority", "HIGH")).statusCode(201)
                .extract().path("uetr");
        List<String> queue = get("/api/v1/settlement/queue?size=500").statusCode(200).extract().path("items.uetr");
        assertThat(queue).containsSubsequence(urgent, first, second);
        get("/api/v1/settlement/day").statusCode(200).body("state", equalTo("OPEN"));
        int count = get("/api/v1/settlement/day").extract().path("queue.count");
        assertThat(count).isGreaterThanOrEqualTo(3);
    }

    @Test
    void closingTheDayRejectsWhatIsStillQueuedAndOpensTheNextDay() {
        String x = newDirect();
        String y = newDirect();
        fund(x, "5.00");
        String stuck = pay(x, y, "100.00");
        String before = get("/api/v1/settlement/day").extract().path("businessDate");
        var close = post("/api/v1/settlement/day/close").statusCode(200).extract();
        assertThat((String) close.path("closedDate")).isEqualTo(before);
        String opened = close.path("openedDate");
        assertThat(LocalDate.parse(opened)).isAfter(LocalDate.parse(before));
        assertThat((int) close.path("rejected")).isGreaterThanOrEqualTo(1);
        get(PAYMENTS + stuck).body("status", equalTo("REJECTED")).body("reasonCode", equalTo("AM04"))
                .body("isoStatus", equalTo("RJCT"));
        get("/api/v1/settlement/day").body("businessDate", equalTo(opened)).body("queue.count", equalTo(0));
        assertThat(balance(x)).isEqualTo("5.00");
        // what arrives now belongs to the new day
        fund(x, "1.00");
        String next = pay(x, y, "1.00");
        get(PAYMENTS + next).body("businessDate", equalTo(opened)).body("status", equalTo("SETTLED"));
        // the closed day's statement is final
        get("/api/v1/accounts/" + x + "/statement?date=" + before).statusCode(200)
                .body("isFinal", equalTo(true)).body("closingBalance", equalTo("5.00"));
    }

    @Test
    void theLastOffsetAtCloseSettlesAGridlockBeforeRejecting() {
        String x = newDirect();
        String y = newDirect();
        String xy = pay(x, y, "7.00");
        String yx = pay(y, x, "7.00");
        // both directions: settled on entry by bilateral offsetting already
        assertThat(List.of(status(xy), status(yx))).containsOnly("SETTLED");
        String a = newDirect();
        String b = newDirect();
        String c = newDirect();
        String ab = pay(a, b, "9.00");
        pay(b, c, "9.00");
        pay(c, a, "9.00");
        post("/api/v1/settlement/day/close").statusCode(200);
        get(PAYMENTS + ab).body("status", equalTo("SETTLED")).body("settlementMethod", equalTo("MULTILATERAL_OFFSET"));
    }
}

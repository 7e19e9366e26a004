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

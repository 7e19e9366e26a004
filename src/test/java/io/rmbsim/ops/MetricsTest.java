package io.rmbsim.ops;

import static io.rmbsim.Api.given;
import static io.rmbsim.Payments.fund;
import static io.rmbsim.Payments.newDirect;
import static io.rmbsim.Payments.pay;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsTest {

    @Test
    void settlementMetricsShowPaymentsLatencyAndTheQueue() {
        String x = newDirect();
        String y = newDirect();
        fund(x, "10.00");
        pay(x, y, "10.00");
        pay(x, y, "10.00");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("rmbsim_payments_total{method=\"RTGS\",status=\"SETTLED\"}"))
                .body(containsString("rmbsim_payments_total{method=\"NONE\",status=\"QUEUED\"}"))
                .body(containsString("rmbsim_settlement_latency_seconds_bucket"))
                .body(containsString("rmbsim_queue_depth"))
                .body(containsString("rmbsim_queue_value_cny"));
    }

    @Test
    void theAgentsBooksAndTheNettingCyclesHaveTheirMetrics() {
        String agent = newDirect();
        String russian = io.rmbsim.Payments.newIndirect(agent, "RU");
        io.rmbsim.Api.as(io.rmbsim.Api.operator()).contentType("application/json")
                .body(java.util.Map.of("amount", "500.00", "currency", "CNY"))
                .put("/api/v1/accounts/" + russian + "/credit-line").then().statusCode(200);
        // covered by the line at Harbin's books, earmarked while the agent's CIPS account has nothing
        pay(russian, newDirect(), "200.00");
        io.rmbsim.Api.post("/api/v1/settlement/cycles", java.util.Map.of()).statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(metrics)
                .contains("rmbsim_net_cycles_total")
                .contains("rmbsim_net_cycle_carried_payments_total");
        org.assertj.core.api.Assertions.assertThat(gauge(metrics, "rmbsim_earmarked_cny")).isGreaterThanOrEqualTo(200.0);
        org.assertj.core.api.Assertions.assertThat(gauge(metrics, "rmbsim_credit_used_cny")).isGreaterThanOrEqualTo(200.0);
        org.assertj.core.api.Assertions.assertThat(gauge(metrics, "rmbsim_credit_lines_cny")).isGreaterThanOrEqualTo(500.0);
    }

    @Test
    void eachPaymentIsCountedOncePerStatusItEnters() {
        String settled = "rmbsim_payments_total{method=\"RTGS\",status=\"SETTLED\"}";
        String queued = "rmbsim_payments_total{method=\"NONE\",status=\"QUEUED\"}";
        String x = newDirect();
        String y = newDirect();
        fund(x, "30.00");
        String before = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        pay(x, y, "10.00");
        pay(x, y, "10.00");
        pay(x, y, "10.00");
        pay(x, y, "10.00");
        String after = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(series(after, settled) - series(before, settled)).isEqualTo(3.0);
        org.assertj.core.api.Assertions.assertThat(series(after, queued) - series(before, queued)).isEqualTo(1.0);
    }

    /** A series' value, 0 while it has not appeared. */
    private static double series(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0.0);
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not among the metrics"));
    }
}

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
}

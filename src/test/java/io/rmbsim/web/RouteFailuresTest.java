package io.rmbsim.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.rmbsim.settlement.SettlementUnavailable;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.junit.jupiter.api.Test;

/**
 * A route that runs before the REST layer (as a follower's forwarding to the leader does) and fails
 * with settlement's own {@link SettlementUnavailable} is answered exactly as a resource that throws it:
 * a 503 problem with {@code Retry-After}, in the service's words.
 */
@QuarkusTest
class RouteFailuresTest {

    static final String PATH = "/test-only/route-failure";

    /** A route of the tests' own, failing as the forwarding filter fails when no leader can be reached. */
    @ApplicationScoped
    static class FailingRoute {
        void install(@Observes Router router) {
            router.route(PATH).order(-100).handler(rc -> rc.fail(
                    new SettlementUnavailable("no instance leads settlement at the moment (one takes over within seconds); retry")));
            router.route(PATH + "/other").order(-100).handler(rc -> rc.fail(new IllegalStateException("internal detail")));
        }
    }

    @Test
    void settlementUnavailableOnARouteIsThe503ProblemWithRetryAfter() {
        given().post(PATH).then().statusCode(503).contentType(Problem.MEDIA_TYPE).header("Retry-After", "1")
                .body("type", equalTo("urn:rmbsim:problem:unavailable"))
                .body("title", equalTo("Settlement unavailable"))
                .body("status", equalTo(503))
                .body("detail", equalTo("no instance leads settlement at the moment (one takes over within seconds); retry"))
                .body("errors", nullValue()).body("reasonCode", nullValue());
    }

    @Test
    void anyOtherRouteFailureIsLeftToTheHandlersAfterIt() {
        given().post(PATH + "/other").then().statusCode(500)
                .header("Retry-After", nullValue())
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("urn:rmbsim:problem:unavailable")));
    }
}

package io.rmbsim.web;

import io.rmbsim.settlement.SettlementUnavailable;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Failures of the HTTP routes that run before the REST layer (a follower's forwarding to the leader,
 * say) are answered as the REST layer answers them: settlement's own {@link SettlementUnavailable}
 * is the same 503 problem with {@code Retry-After} that {@link ProblemMappers} gives. Anything else
 * goes on to the next failure handler.
 */
@ApplicationScoped
public class RouteFailures {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(rc -> {
            if (rc.failure() instanceof SettlementUnavailable unavailable && !rc.response().headWritten()) {
                Problems.send(rc, Problems.settlementUnavailable(unavailable.getMessage()),
                        ProblemMappers.SETTLEMENT_RETRY_AFTER, false);
            } else {
                rc.next();
            }
        });
    }
}

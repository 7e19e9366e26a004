package io.rmbsim.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether this instance leads settlement, on {@code /q/health}. Always up: a follower serves reads
 * and forwards the rest, so it is as ready for traffic as the leader.
 */
@Readiness
@ApplicationScoped
public class LeadershipHealth implements HealthCheck {

    private final Leadership leadership;

    LeadershipHealth(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("settlement-leadership").up()
                .withData("role", leadership.leads() ? "leader" : "follower")
                .withData("instance", leadership.advertisedUrl());
        if (leadership.leads()) {
            response.withData("epoch", leadership.epoch());
        }
        leadership.leaderUrl().ifPresent(url -> response.withData("leader", url));
        return response.build();
    }
}

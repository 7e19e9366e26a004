package io.rmbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

/** What a follower forwards to the leader, and what it serves itself. */
class LeaderForwardingTest {

    @Test
    void everyWriteOfTheApiGoesToTheLeader() {
        assertThat(LeaderForwarding.needsLeader(HttpMethod.POST, "/api/v1/payments")).isTrue();
        assertThat(LeaderForwarding.needsLeader(HttpMethod.POST, "/api/v1/accounts/HCCBCNBHXXX/liquidity")).isTrue();
        assertThat(LeaderForwarding.needsLeader(HttpMethod.POST, "/api/v1/participants")).isTrue();
        assertThat(LeaderForwarding.needsLeader(HttpMethod.PUT, "/api/v1/anything")).isTrue();
        assertThat(LeaderForwarding.needsLeader(HttpMethod.DELETE, "/api/v1/simulations/42")).isTrue();
        assertThat(LeaderForwarding.needsLeader(HttpMethod.OPTIONS, "/api/v1/payments")).isTrue();
        // issuing a token is audited, and only the leader writes the audit trail
        assertThat(LeaderForwarding.needsLeader(HttpMethod.POST, "/api/v1/auth/demo-token")).isTrue();
    }

    @Test
    void simulationsAndTheSettlementDayLiveInTheLeadersMemory() {
        assertThat(LeaderForwarding.needsLeader(HttpMethod.GET, "/api/v1/simulations")).isTrue();
        assertThat(LeaderForwarding.needsLeader(HttpMethod.GET, "/api/v1/simulations/42/report.csv")).isTrue();
        assertThat(LeaderForwarding.needsLeader(HttpMethod.GET, "/api/v1/settlement/queue")).isTrue();
        assertThat(LeaderForwarding.needsLeader(HttpMethod.HEAD, "/api/v1/settlement/day")).isTrue();
    }

    @Test
    void readsAreServedWhereTheyArrive() {
        assertThat(LeaderForwarding.needsLeader(HttpMethod.GET, "/api/v1/payments")).isFalse();
        assertThat(LeaderForwarding.needsLeader(HttpMethod.GET, "/api/v1/accounts/HCCBCNBHXXX/statement")).isFalse();
        assertThat(LeaderForwarding.needsLeader(HttpMethod.HEAD, "/api/v1/participants")).isFalse();
        assertThat(LeaderForwarding.needsLeader(HttpMethod.GET, "/api/v1/settlementx")).isFalse();
        assertThat(LeaderForwarding.needsLeader(HttpMethod.POST, "/q/health")).isFalse();
        assertThat(LeaderForwarding.needsLeader(HttpMethod.GET, "/q/metrics")).isFalse();
    }
}

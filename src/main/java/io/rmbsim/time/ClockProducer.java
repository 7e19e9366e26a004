package io.rmbsim.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The one clock of the service, so that tests and the simulator can stand in for wall time. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        // microseconds: what both H2 and PostgreSQL keep, so an answer equals a later read
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}

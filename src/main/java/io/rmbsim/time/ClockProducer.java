package io.rmbsim.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one clock of the service, so that tests and the simulator can stand in for wall time. With
 * {@code settlement.clock-start} (an ISO 8601 instant with offset) it is a sandbox clock: it starts at
 * that instant when the service starts and runs forward at normal speed from there, so that anyone
 * can be at any session of the business day.
 */
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @ConfigProperty(name = "settlement.clock-start")
    Optional<String> clockStart;

    @Produces
    @Singleton
    Clock clock() {
        // microseconds: what both H2 and PostgreSQL keep, so an answer equals a later read
        Clock machine = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        if (clockStart.isEmpty() || clockStart.get().isBlank()) {
            return machine;
        }
        OffsetDateTime start;
        try {
            start = OffsetDateTime.parse(clockStart.get().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("settlement.clock-start must be an ISO 8601 instant with offset, such as "
                    + "2026-12-07T04:29:00+08:00; it is '" + clockStart.get() + "'");
        }
        Duration offset = Duration.between(machine.instant(), start.toInstant());
        LOG.infof("Sandbox clock: the service's time starts at %s and runs forward from there", start);
        return Clock.offset(machine, offset);
    }
}

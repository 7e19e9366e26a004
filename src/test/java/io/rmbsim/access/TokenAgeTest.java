package io.rmbsim.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenAgeTest {

    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    private static final long T = NOW.getEpochSecond();
    private final TokenAge eightHours = new TokenAge(Duration.ofHours(8), Duration.ofSeconds(60));

    @Test
    void aTokenOfAWorkingDayIsAccepted() {
        assertThat(eightHours.refusal(T, T + 8 * 3600, NOW)).isEmpty();
        assertThat(eightHours.refusal(T - 7 * 3600, T + 3600, NOW)).isEmpty();
    }

    @Test
    void aTokenSignedToLiveTenYearsIsRefused() {
        assertThat(eightHours.refusal(T, T + 3650L * 86400, NOW)).hasValueSatisfying(r -> assertThat(r).contains("longer than"));
        assertThat(eightHours.refusal(T, T + 8 * 3600 + 1, NOW)).isPresent();
    }

    @Test
    void aTokenIssuedLongerAgoThanTheMaximumIsRefusedWhateverItsExpiry() {
        assertThat(eightHours.refusal(T - 9 * 3600, T - 3600, NOW)).isPresent();
    }

    @Test
    void aTokenWithoutIatOrExpOrIssuedInTheFutureIsRefused() {
        assertThat(eightHours.refusal(null, T + 60, NOW)).isPresent();
        assertThat(eightHours.refusal(T, null, NOW)).isPresent();
        assertThat(eightHours.refusal(T + 3600, T + 7200, NOW)).isPresent();
        assertThat(eightHours.refusal(T + 30, T + 3600, NOW)).as("within the clock skew").isEmpty();
    }
}

package io.rmbsim.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a bearer token may live: a token says when it was issued ({@code iat}) and when it expires
 * ({@code exp}), and neither its lifetime nor its age may pass the configured maximum
 * ({@code rmbsim.auth.max-token-age}). A token signed to last ten years is refused, however valid its
 * signature: a stolen one must not outlive a working day.
 */
public record TokenAge(Duration maximum, Duration clockSkew) {

    /** Why a token with these claims (epoch seconds, null where missing) is refused now; empty if it is not. */
    public Optional<String> refusal(Long issuedAt, Long expiresAt, Instant now) {
        if (issuedAt == null) {
            return Optional.of("the token has no 'iat' (issued at) claim");
        }
        if (expiresAt == null) {
            return Optional.of("the token has no 'exp' (expires) claim");
        }
        if (expiresAt - issuedAt > maximum.toSeconds()) {
            return Optional.of("the token lives " + Duration.ofSeconds(expiresAt - issuedAt) + ", longer than the "
                    + maximum + " accepted");
        }
        if (issuedAt > now.getEpochSecond() + clockSkew.toSeconds()) {
            return Optional.of("the token is issued in the future");
        }
        if (now.getEpochSecond() - issuedAt > maximum.toSeconds() + clockSkew.toSeconds()) {
            return Optional.of("the token was issued more than " + maximum + " ago");
        }
        return Optional.empty();
    }
}

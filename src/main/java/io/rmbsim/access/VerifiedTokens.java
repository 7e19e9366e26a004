package io.rmbsim.access;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a bearer token once, not on every request: a client sends the same token with each of its
 * requests, and checking its RS256 signature (and parsing its JSON) took a fifth to a third of the
 * service's CPU per payment (bench/run.sh's profile). SmallRye JWT's own factory verifies a token the
 * first time it is seen; the principal it gives is kept under the token's exact text and handed out
 * again until the token expires. A token differing in a single character (another signature, claims
 * or header) is another key and is verified afresh; an invalid token is never kept. The verification
 * key is read once at start, so a kept verification stays true. What is checked per request besides
 * the signature (the token's age, {@link TokenAgeLimit}; roles) still runs on every request.
 * At most {@link #MAX_KEPT} tokens are kept; past that the expired ones go, or all if none has.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final int MAX_KEPT = 10_000;

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final ConcurrentHashMap<String, JWTCallerPrincipal> verified = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxKept;

    @jakarta.inject.Inject
    VerifiedTokens(Clock clock) {
        this(clock, MAX_KEPT);
    }

    /** One that keeps at most {@code maxKept} tokens (tests). */
    VerifiedTokens(Clock clock, int maxKept) {
        this.clock = clock;
        this.maxKept = maxKept;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        long now = clock.instant().getEpochSecond();
        JWTCallerPrincipal known = verified.get(token);
        if (known != null && now < known.getExpirationTime()) {
            return known;
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        if (principal.getExpirationTime() > now) {
            if (verified.size() >= maxKept) {
                verified.values().removeIf(p -> p.getExpirationTime() <= now);
                if (verified.size() >= maxKept) {
                    verified.clear();
                }
            }
            verified.put(token, principal);
        }
        return principal;
    }

    /** For tests: how many verified tokens are kept. */
    int kept() {
        return verified.size();
    }
}

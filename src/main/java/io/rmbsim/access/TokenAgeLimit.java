package io.rmbsim.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Applies {@link TokenAge} to every bearer token once its signature, issuer and audience have been
 * verified: a token that lives or has lived longer than {@code rmbsim.auth.max-token-age} is refused
 * (401), as if it were not valid at all.
 */
@ApplicationScoped
public class TokenAgeLimit implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(TokenAgeLimit.class);

    private final TokenAge age;

    TokenAgeLimit(@ConfigProperty(name = "rmbsim.auth.max-token-age", defaultValue = "PT8H") Duration maximum,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long clockSkewSeconds) {
        this.age = new TokenAge(maximum, Duration.ofSeconds(clockSkewSeconds));
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        Optional<String> refused = age.refusal(seconds(jwt.getClaim("iat")), seconds(jwt.getClaim("exp")), Instant.now());
        if (refused.isPresent()) {
            LOG.debugf("token of %s refused: %s", jwt.getName(), refused.get());
            return Uni.createFrom().failure(new AuthenticationFailedException(refused.get()));
        }
        return Uni.createFrom().item(identity);
    }

    private static Long seconds(Object claim) {
        if (claim instanceof Number n) {
            return n.longValue();
        }
        if (claim instanceof jakarta.json.JsonNumber n) {
            return n.longValue();
        }
        return null;
    }
}

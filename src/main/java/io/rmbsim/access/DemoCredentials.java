package io.rmbsim.access;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tokens for the demo network, so that a new user can try every role without an identity provider.
 * On only where {@code rmbsim.auth.demo-tokens=true} (the {@code demo} and {@code test} profiles),
 * and refused outright under {@code prod}: a production service accepts only tokens signed by a key
 * it was given. Under {@code prod} it also refuses to start without such a key, the issuer its tokens
 * must name and the audience they must be meant for, rather than answer 401 to everyone or accept
 * any token its key ever signed. Demo tokens carry the demo issuer and the audience the profile
 * requires, so the same checks run in the demo and the tests as in production.
 */
@ApplicationScoped
public class DemoCredentials {

    private static final Logger LOG = Logger.getLogger(DemoCredentials.class);

    /** The issuer of demo tokens; never accepted under {@code prod}. */
    static final String DEMO_ISSUER = "urn:rmbsim:demo";

    /** A token issued, and what it grants. */
    public record Issued(String token, Instant expiresAt) {
    }

    private final boolean enabled;
    private final Path keyFolder;
    private final Optional<String> requiredIssuer;
    private final String issuer;
    private final Optional<List<String>> audiences;
    private final Duration lifetime;
    private final Optional<String> verificationKey;
    private final Optional<String> verificationKeyLocation;
    private volatile DemoKeys keys;

    DemoCredentials(@ConfigProperty(name = "rmbsim.auth.demo-tokens", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "rmbsim.auth.key-dir") Path keyFolder,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<List<String>> audiences,
            @ConfigProperty(name = "rmbsim.auth.demo-token-lifetime", defaultValue = "PT8H") Duration lifetime,
            @ConfigProperty(name = "rmbsim.auth.max-token-age", defaultValue = "PT8H") Duration maxTokenAge,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> verificationKey,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> verificationKeyLocation) {
        this.enabled = enabled;
        this.keyFolder = keyFolder;
        this.requiredIssuer = issuer.filter(i -> !i.isBlank());
        this.issuer = issuer.orElse(DEMO_ISSUER);
        this.audiences = audiences.filter(a -> a.stream().anyMatch(x -> !x.isBlank()));
        // a demo token must pass the same age limit as any other
        this.lifetime = lifetime.compareTo(maxTokenAge) > 0 ? maxTokenAge : lifetime;
        this.verificationKey = verificationKey;
        this.verificationKeyLocation = verificationKeyLocation;
    }

    /** First of all at start, before a token can arrive: the key the verifier reads must exist. */
    void start(@Observes @Priority(1) StartupEvent event) {
        boolean prod = ConfigUtils.getProfiles().contains("prod");
        if (enabled && prod) {
            throw new IllegalStateException("rmbsim.auth.demo-tokens=true is refused in the prod profile: demo tokens "
                    + "let anyone act as the settlement operator. Run the demo with -Dquarkus.profile=demo.");
        }
        if (enabled) {
            keys = DemoKeys.inFolder(keyFolder);
            LOG.infof("Demo tokens are on: signing key in %s; get one with "
                    + "POST /api/v1/auth/demo-token?role=operator|auditor|member&bic=...", keyFolder.toAbsolutePath());
        } else if (verificationKey.isEmpty() && verificationKeyLocation.isEmpty()) {
            throw new IllegalStateException("No key to verify tokens with: set mp.jwt.verify.publickey.location "
                    + "(a PEM or JWK file, or a JWKS URL), mp.jwt.verify.issuer and mp.jwt.verify.audiences, or run "
                    + "the demo profile (-Dquarkus.profile=demo), which makes its own key.");
        }
        if (prod && requiredIssuer.isEmpty()) {
            throw new IllegalStateException("No token issuer required: set mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER) "
                    + "to the identity provider's issuer; without it the prod profile would accept tokens of any "
                    + "issuer that its key signed, or none.");
        }
        if (prod && requiredIssuer.get().equals(DEMO_ISSUER)) {
            throw new IllegalStateException("mp.jwt.verify.issuer=" + DEMO_ISSUER + " is refused in the prod profile: "
                    + "it is the demo tokens' issuer.");
        }
        if (prod && audiences.isEmpty()) {
            throw new IllegalStateException("No token audience required: set mp.jwt.verify.audiences "
                    + "(MP_JWT_VERIFY_AUDIENCES) to the audience your identity provider puts in this service's tokens; "
                    + "without it the prod profile would accept tokens meant for any other service.");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Signs a token for {@code subject} in {@code role}, with the member's {@code bic} when it is one. */
    public Issued issue(String subject, String role, String bic) {
        // the verifier checks expiry against the system clock, not the business clock tests may set
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime);
        var claims = Jwt.issuer(issuer).subject(subject).upn(subject).groups(role)
                .issuedAt(now).expiresAt(expires);
        audiences.ifPresent(a -> claims.audience(Set.copyOf(a)));
        if (bic != null) {
            claims.claim(Roles.BIC_CLAIM, bic);
        }
        return new Issued(claims.jws().keyId("demo").sign(keys.privateKey()), expires);
    }
}

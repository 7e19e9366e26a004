package io.rmbsim.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A token's signature is verified once, and only that exact token is taken on trust after, until it expires. */
class VerifiedTokensTest {

    static final String ISSUER = "urn:rmbsim:test";

    /** A clock the test moves, at the real time to begin with (the tokens' signatures are checked against it). */
    static final class MovingClock extends io.rmbsim.MovingClock {
        MovingClock() {
            super(Instant.now());
        }
    }

    static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static String token(KeyPair keys, String subject, long expiresAt) {
        return Jwt.issuer(ISSUER).subject(subject).groups("operator").issuedAt(expiresAt - 600).expiresAt(expiresAt)
                .sign(keys.getPrivate());
    }

    @Test
    void aTokenIsVerifiedOnceAndATamperedOneIsNeverTrusted() throws Exception {
        KeyPair keys = keys();
        MovingClock clock = new MovingClock();
        VerifiedTokens tokens = new VerifiedTokens(clock);
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.getPublic(), ISSUER);
        long exp = clock.now.getEpochSecond() + 600;
        String token = token(keys, "demo-operator", exp);

        JWTCallerPrincipal first = tokens.parse(token, context);
        assertThat(first.getSubject()).isEqualTo("demo-operator");
        assertThat(tokens.parse(token, context)).as("the same token again: the verified principal, not a second verification")
                .isSameAs(first);
        assertThat(tokens.kept()).isEqualTo(1);

        // one character of the signature changed: verified afresh, and refused
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThatThrownBy(() -> tokens.parse(tampered, context)).isInstanceOf(ParseException.class);
        // claims of another subject under the first token's signature: refused
        String[] parts = token.split("\\.");
        String otherClaims = token(keys, "someone-else", exp).split("\\.")[1];
        assertThatThrownBy(() -> tokens.parse(parts[0] + "." + otherClaims + "." + parts[2], context))
                .isInstanceOf(ParseException.class);
        // signed with another key: refused
        assertThatThrownBy(() -> tokens.parse(token(keys(), "demo-operator", exp), context)).isInstanceOf(ParseException.class);
        assertThat(tokens.kept()).as("nothing refused is kept").isEqualTo(1);

        // once the token has expired by the service's clock it is not taken on trust: it is verified again
        clock.now = Instant.ofEpochSecond(exp);
        assertThat(tokens.parse(token, context)).isNotSameAs(first);
    }

    @Test
    void theKeptTokensAreBounded() throws Exception {
        KeyPair keys = keys();
        MovingClock clock = new MovingClock();
        VerifiedTokens tokens = new VerifiedTokens(clock, 20);
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.getPublic(), ISSUER);
        long exp = clock.now.getEpochSecond() + 600;
        for (int i = 0; i < 20; i++) {
            tokens.parse(token(keys, "user-" + i, exp - 300 + i), context);
        }
        assertThat(tokens.kept()).isEqualTo(20);
        // full: the expired go first
        clock.now = Instant.ofEpochSecond(exp - 290);
        tokens.parse(token(keys, "user-20", exp), context);
        assertThat(tokens.kept()).as("the 11 expired went").isEqualTo(10);
        // full of live ones: all go
        for (int i = 21; i <= 30; i++) {
            tokens.parse(token(keys, "user-" + i, exp), context);
        }
        assertThat(tokens.kept()).isEqualTo(20);
        tokens.parse(token(keys, "user-31", exp), context);
        assertThat(tokens.kept()).isEqualTo(1);
    }
}

package io.rmbsim.access;

import static io.rmbsim.Api.as;
import static io.rmbsim.Api.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens signed by the very key the service trusts are still refused unless they name the issuer and
 * the audience it requires and live no longer than rmbsim.auth.max-token-age: the checks production
 * runs, run here with the test profile's demo issuer and audience.
 */
@QuarkusTest
class TokenChecksTest {

    private static final String ISSUER = "urn:rmbsim:demo";
    private static final String AUDIENCE = "urn:rmbsim:api";
    private static PrivateKey trustedKey;

    @BeforeAll
    static void theKeyTheServiceTrusts() throws Exception {
        trustedKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(
                Files.readString(Path.of("target/test-keys/demo-jwt-private.pem")).replaceAll("-----[A-Z ]+-----", ""))));
    }

    private static JwtClaimsBuilder operator() {
        Instant now = Instant.now();
        return Jwt.subject("tester").groups("operator").issuedAt(now).expiresAt(now.plus(Duration.ofHours(1)));
    }

    private static void refused(String token) {
        problem(as(token).when().get("/api/v1/participants").then(), 401).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aTokenWithTheRequiredIssuerAndAudienceWithinTheAgeLimitIsAccepted() {
        as(operator().issuer(ISSUER).audience(AUDIENCE).sign(trustedKey)).when().get("/api/v1/participants").then()
                .statusCode(200);
    }

    @Test
    @io.quarkus.test.junit.DisabledOnIntegrationTest("reads the application's own verified-token cache")
    void aTokenIsVerifiedOnceAndAnInvalidOneIsNeverKept() {
        VerifiedTokens tokens = (VerifiedTokens) io.quarkus.arc.Arc.container()
                .instance(io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory.class).get();
        String token = operator().subject("verified-once-" + java.util.UUID.randomUUID()).issuer(ISSUER).audience(AUDIENCE)
                .sign(trustedKey);
        int before = tokens.kept();
        as(token).when().get("/api/v1/participants").then().statusCode(200);
        org.assertj.core.api.Assertions.assertThat(tokens.kept()).as("kept once verified").isEqualTo(before + 1);
        as(token).when().get("/api/v1/participants").then().statusCode(200);
        org.assertj.core.api.Assertions.assertThat(tokens.kept()).as("the same token is not kept twice").isEqualTo(before + 1);
        refused(operator().issuer("https://elsewhere.example").audience(AUDIENCE).sign(trustedKey));
        org.assertj.core.api.Assertions.assertThat(tokens.kept()).as("a refused token is not kept").isEqualTo(before + 1);
    }

    @Test
    void aTokenWithoutTheRequiredIssuerIsRefused() {
        refused(operator().audience(AUDIENCE).sign(trustedKey));
        refused(operator().issuer("https://elsewhere.example").audience(AUDIENCE).sign(trustedKey));
    }

    @Test
    void aTokenMeantForAnotherAudienceOrNoneIsRefused() {
        refused(operator().issuer(ISSUER).audience("urn:another:service").sign(trustedKey));
        refused(operator().issuer(ISSUER).sign(trustedKey));
    }

    @Test
    void aTokenThatLivesLongerThanTheMaximumAgeIsRefused() {
        Instant now = Instant.now();
        refused(Jwt.issuer(ISSUER).audience(AUDIENCE).subject("tester").groups("operator")
                .issuedAt(now).expiresAt(now.plus(Duration.ofDays(3650))).sign(trustedKey));
        refused(Jwt.issuer(ISSUER).audience(AUDIENCE).subject("tester").groups("operator")
                .issuedAt(now).expiresAt(now.plus(Duration.ofHours(8)).plusSeconds(60)).sign(trustedKey));
    }

    @Test
    void aTokenIssuedLongerAgoThanTheMaximumAgeIsRefused() {
        Instant now = Instant.now();
        refused(Jwt.issuer(ISSUER).audience(AUDIENCE).subject("tester").groups("operator")
                .issuedAt(now.minus(Duration.ofHours(9))).expiresAt(now.plus(Duration.ofMinutes(30))).sign(trustedKey));
    }

    @Test
    void aTokenThatDoesNotSayWhenItWasIssuedIsRefused() {
        // hand-built: the builder always adds iat
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = b64("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"tester\",\"groups\":[\"operator\"],"
                + "\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        refused(header + "." + claims + "." + sign(header + "." + claims));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String sign(String input) {
        try {
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initSign(trustedKey);
            rsa.update(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

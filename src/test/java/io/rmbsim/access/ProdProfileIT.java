package io.rmbsim.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.RestAssured;
import io.rmbsim.ops.RunningService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged service in the prod profile, as a production user starts it: it refuses demo tokens
 * and refuses to run without a key to verify tokens with, the issuer they must name and the audience
 * they must carry, rather than open or lock out the API; running, it accepts only tokens of that
 * issuer, for that audience, that live no longer than rmbsim.auth.max-token-age.
 */
class ProdProfileIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String ISSUER = "https://idp.example/realms/cips";
    private static final String AUDIENCE = "rmb-settlement-simulator";

    @Test
    void demoTokensAreRefusedInProd() throws Exception {
        String log = startAndExpectExit("demo-in-prod", "-Drmbsim.auth.demo-tokens=true");
        assertThat(log).contains("rmbsim.auth.demo-tokens=true is refused in the prod profile");
        assertThat(Path.of("target", "prod-profile-it", "demo-in-prod", "keys")).doesNotExist();
    }

    @Test
    void prodWithoutAVerificationKeyRefusesToStart() throws Exception {
        String log = startAndExpectExit("no-key");
        assertThat(log).contains("No key to verify tokens with");
    }

    @Test
    void prodWithoutARequiredIssuerRefusesToStart() throws Exception {
        Path key = identityProvider("no-issuer").publicKey;
        String log = startAndExpectExit("no-issuer", "-Dmp.jwt.verify.publickey.location=" + key,
                "-Dmp.jwt.verify.audiences=" + AUDIENCE);
        assertThat(log).contains("No token issuer required: set mp.jwt.verify.issuer");
    }

    @Test
    void prodWithoutARequiredAudienceRefusesToStart() throws Exception {
        Path key = identityProvider("no-audience").publicKey;
        String log = startAndExpectExit("no-audience", "-Dmp.jwt.verify.publickey.location=" + key,
                "-Dmp.jwt.verify.issuer=" + ISSUER);
        assertThat(log).contains("No token audience required: set mp.jwt.verify.audiences");
    }

    @Test
    void prodWithTheDemoIssuerRefusesToStart() throws Exception {
        Path key = identityProvider("demo-issuer").publicKey;
        String log = startAndExpectExit("demo-issuer", "-Dmp.jwt.verify.publickey.location=" + key,
                "-Dmp.jwt.verify.issuer=urn:rmbsim:demo", "-Dmp.jwt.verify.audiences=" + AUDIENCE);
        assertThat(log).contains("mp.jwt.verify.issuer=urn:rmbsim:demo is refused in the prod profile");
    }

    @Test
    void prodAcceptsOnlyTokensOfItsIssuerForItsAudienceThatLiveNoLongerThanTheMaximum() throws Exception {
        assumeTrue(RunningService.packaged(), "the packaged jar is built by mvn verify");
        Path dir = freshStore(Path.of("target", "prod-profile-it", "running").toAbsolutePath());
        IdentityProvider idp = identityProvider("running");
        // a demo network's key and token, as a demo instance elsewhere would issue them
        PrivateKey demoKey = DemoKeys.inFolder(dir.resolve("demo-keys")).privateKey();
        try (RunningService service = new RunningService(dir, Map.of("quarkus.profile", "prod",
                "mp.jwt.verify.publickey.location", idp.publicKey.toString(),
                "mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.audiences", AUDIENCE))) {
            service.start();
            Instant now = Instant.now();
            long iat = now.getEpochSecond();
            long exp = now.plus(Duration.ofHours(1)).getEpochSecond();
            assertThat(status(service, token(idp.privateKey, ISSUER, AUDIENCE, iat, exp))).as("a proper token").isEqualTo(200);
            assertThat(status(service, token(idp.privateKey, null, AUDIENCE, iat, exp))).as("no issuer").isEqualTo(401);
            assertThat(status(service, token(idp.privateKey, "https://elsewhere.example", AUDIENCE, iat, exp)))
                    .as("another issuer").isEqualTo(401);
            assertThat(status(service, token(idp.privateKey, ISSUER, "another-service", iat, exp))).as("another audience")
                    .isEqualTo(401);
            assertThat(status(service, token(idp.privateKey, ISSUER, null, iat, exp))).as("no audience").isEqualTo(401);
            assertThat(status(service, token(idp.privateKey, ISSUER, AUDIENCE, iat,
                    now.plus(Duration.ofDays(3650)).getEpochSecond()))).as("a 10-year token").isEqualTo(401);
            assertThat(status(service, token(idp.privateKey, ISSUER, AUDIENCE, null, exp))).as("no iat").isEqualTo(401);
            assertThat(status(service, token(demoKey, "urn:rmbsim:demo", "urn:rmbsim:api", iat, exp))).as("a demo token")
                    .isEqualTo(401);
            assertThat(status(service, token(idp.privateKey, "urn:rmbsim:demo", "urn:rmbsim:api", iat, exp)))
                    .as("a demo-issuer token signed by the trusted key").isEqualTo(401);
            assertThat(RestAssured.given().baseUri(service.baseUri()).accept("text/plain").queryParam("role", "operator")
                    .post("/api/v1/auth/demo-token").statusCode()).as("no demo token endpoint").isEqualTo(404);
        }
    }

    private record IdentityProvider(PrivateKey privateKey, Path publicKey) {
    }

    /**
     * The folder without what an earlier run of this test (a build without {@code clean}) stored there:
     * its database and its keys, so that each start meets an empty store as on a clean checkout. The
     * identity provider's key, in {@code idp}, is this run's own and stays.
     */
    private static Path freshStore(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var entries = Files.list(dir)) {
            for (Path p : entries.filter(p -> !p.getFileName().toString().equals("idp")).toList()) {
                try (var tree = Files.walk(p)) {
                    for (Path q : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(q);
                    }
                }
            }
        }
        return dir;
    }

    /** A signing key as an identity provider holds it, and its public key as the service is given it. */
    private static IdentityProvider identityProvider(String name) throws IOException {
        Path folder = Path.of("target", "prod-profile-it", name, "idp").toAbsolutePath();
        PrivateKey key = DemoKeys.inFolder(folder).privateKey();
        return new IdentityProvider(key, folder.resolve(DemoKeys.PUBLIC_KEY_FILE));
    }

    private static int status(RunningService service, String token) {
        return RestAssured.given().baseUri(service.baseUri()).header("Authorization", "Bearer " + token)
                .get("/api/v1/participants").statusCode();
    }

    /** An RS256 JWT of an operator, signed with {@code key}; a null claim is left out. */
    private static String token(PrivateKey key, String issuer, String audience, Long issuedAt, Long expiresAt) {
        StringBuilder claims = new StringBuilder("{\"sub\":\"ops\",\"upn\":\"ops\",\"groups\":[\"operator\"]");
        if (issuer != null) {
            claims.append(",\"iss\":\"").append(issuer).append('"');
        }
        if (audience != null) {
            claims.append(",\"aud\":\"").append(audience).append('"');
        }
        if (issuedAt != null) {
            claims.append(",\"iat\":").append(issuedAt);
        }
        if (expiresAt != null) {
            claims.append(",\"exp\":").append(expiresAt);
        }
        String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(claims.append('}').toString());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String startAndExpectExit(String name, String... properties) throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(JAR), "the packaged jar is built by mvn verify");
        Path dir = freshStore(Path.of("target", "prod-profile-it", name).toAbsolutePath());
        Path log = dir.resolve("service.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-Drmbsim.data-dir=" + dir));
        command.addAll(List.of(properties));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            // a start that fails ends the process by itself; one that does not is a failure too
            boolean exited = process.waitFor(3, TimeUnit.MINUTES);
            assertThat(exited).as("the service should refuse to start; log: " + log).isTrue();
            assertThat(process.exitValue()).isNotZero();
            return Files.readString(log);
        } finally {
            process.destroyForcibly();
        }
    }
}

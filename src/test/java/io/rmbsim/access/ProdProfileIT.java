package io.rmbsim.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged service in the prod profile, as a production user starts it: it refuses demo tokens
 * and refuses to run without a key to verify tokens with, rather than open or lock out the API.
 */
class ProdProfileIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

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

    private static String startAndExpectExit(String name, String... properties) throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(JAR), "the packaged jar is built by mvn verify");
        Path dir = Path.of("target", "prod-profile-it", name).toAbsolutePath();
        Files.createDirectories(dir);
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

package io.rmbsim.ops;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) in a JVM of its own, as a user
 * runs it: so that a test can stop, kill and start it again on the same data.
 */
final class RunningService implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Path dataDir;
    private final Path log;
    private final Map<String, String> properties;
    private final int port;
    private Process process;

    RunningService(Path dataDir, Map<String, String> properties) throws IOException {
        this.dataDir = dataDir;
        this.log = dataDir.resolve("service.log");
        this.properties = properties;
        this.port = freePort();
    }

    static boolean packaged() {
        return Files.isRegularFile(JAR);
    }

    RunningService start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Drmbsim.data-dir=" + dataDir.toAbsolutePath()));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        await("service ready on port " + port).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .failFast("the service exited; its log is " + log, () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> request().get("/q/health/ready").statusCode() == 200);
        return this;
    }

    /** Asks the service to stop, as Ctrl-C or a container stop would, and waits until it has. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    RequestSpecification request() {
        return RestAssured.given().baseUri("http://localhost").port(port);
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.rmbsim.ops;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.core.TerminalFailureException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) in a JVM of its own, as a user
 * runs it: so that a test can stop, kill and start it again on the same data. It runs the demo
 * profile, which signs its own tokens; {@link #request()} carries the operator's.
 */
public final class RunningService implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path BUILT_CONFIG = Path.of("target", "classes", "application.properties");

    private final Path dataDir;
    private final Path log;
    private final Map<String, String> properties;
    private final int port;
    private List<String> jvmOptions = List.of();
    private Process process;
    /** Empty when the service has no token endpoint (no authentication): requests go without. */
    private volatile Optional<String> authorization;

    /**
     * @param properties system properties for the service; they win over the defaults set here (a
     *     free port, this data folder, the demo profile, its own address as the one it advertises, the
     *     short day's timetable)
     */
    public RunningService(Path dataDir, Map<String, String> properties) throws IOException {
        this.dataDir = Files.createDirectories(dataDir);
        this.log = dataDir.resolve("service.log");
        this.properties = properties;
        this.port = freePort();
    }

    /** JVM options (a heap size, say) for every start of this service. */
    public RunningService withJvmOptions(String... options) {
        this.jvmOptions = List.of(options);
        return this;
    }

    public static boolean packaged() {
        return Files.isRegularFile(JAR);
    }

    /** Whether the package is the PostgreSQL build ({@code -Ppostgres}): the database kind is fixed when it is built. */
    public static boolean postgresBuild() throws IOException {
        if (!Files.isRegularFile(BUILT_CONFIG)) {
            return false;
        }
        Properties built = new Properties();
        try (InputStream in = Files.newInputStream(BUILT_CONFIG)) {
            built.load(in);
        }
        return "postgresql".equals(built.getProperty("quarkus.datasource.db-kind"));
    }

    public RunningService start() throws IOException {
        Map<String, String> all = new HashMap<>();
        all.put("quarkus.http.port", String.valueOf(port));
        all.put("rmbsim.data-dir", dataDir.toAbsolutePath().toString());
        all.put("quarkus.profile", "demo");
        all.put("rmbsim.cluster.advertise-url", baseUri());
        // the short day, so that payments settle at any hour of any day; TimetableIT runs phase II by a sandbox clock
        all.put("settlement.timetable", "day-session");
        all.putAll(properties);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        all.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        authorization = null;
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            await("service ready on port " + port).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .failFast("the service exited", () -> !process.isAlive())
                    .ignoreExceptions()
                    .until(() -> RestAssured.given().baseUri("http://localhost").port(port).get("/q/health/ready")
                            .statusCode() == 200);
        } catch (TerminalFailureException e) {
            // the folder goes with the test: what the service said is kept here
            String said = log();
            throw new IllegalStateException("the service exited; the end of its log:\n"
                    + said.substring(Math.max(0, said.length() - 6_000)), e);
        }
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

    boolean alive() {
        return process != null && process.isAlive();
    }

    int port() {
        return port;
    }

    public String baseUri() {
        return "http://localhost:" + port;
    }

    /** A request as the settlement operator. */
    public RequestSpecification request() {
        RequestSpecification r = RestAssured.given().baseUri("http://localhost").port(port);
        authorization().ifPresent(a -> r.header("Authorization", a));
        return r;
    }

    /**
     * The operator's {@code Authorization} header value, fetched once from the demo token endpoint;
     * empty when the service has no such endpoint.
     */
    public Optional<String> authorization() {
        Optional<String> a = authorization;
        if (a == null) {
            Response r = RestAssured.given().baseUri("http://localhost").port(port).accept("text/plain")
                    .queryParam("role", "operator").post("/api/v1/auth/demo-token");
            if (r.statusCode() == 404) {
                a = Optional.empty();
            } else if (r.statusCode() == 200) {
                a = Optional.of("Bearer " + r.asString().trim());
            } else {
                throw new IllegalStateException("no operator token: " + r.statusCode() + " " + r.asString());
            }
            authorization = a;
        }
        return a;
    }

    public String log() throws IOException {
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

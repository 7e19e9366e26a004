package io.rmbsim.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the native build will be given, read from the sources Quarkus prepares for it
 * ({@code ./mvnw package -Pnative -Dquarkus.native.sources-only=true}, which {@code .ci/run} runs
 * before this test): everything the application reads at run time is included, and every class
 * Jackson reads or writes is registered for reflection. Skipped when no native sources were built.
 */
class NativeSourcesTest {

    private static final Path SOURCES = Path.of("target", "native-sources");
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> arguments;
    static List<Pattern> includedResources;
    static Set<String> reflected;

    @BeforeAll
    static void readNativeSources() throws IOException {
        Path args = SOURCES.resolve("native-image.args");
        assumeTrue(Files.isRegularFile(args), "no native sources: ./mvnw package -Pnative -Dquarkus.native.sources-only=true");
        arguments = List.of(Files.readString(args).trim().split("\\s+"));
        Path runner;
        try (Stream<Path> files = Files.list(SOURCES)) {
            runner = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst().orElseThrow();
        }
        try (ZipFile jar = new ZipFile(runner.toFile())) {
            JsonNode resources = JSON.readTree(jar.getInputStream(jar.getEntry("META-INF/native-image/resource-config.json")));
            includedResources = new ArrayList<>();
            resources.path("resources").path("includes").forEach(i -> includedResources.add(Pattern.compile(i.path("pattern").asText())));
            JsonNode reflection = JSON.readTree(jar.getInputStream(jar.getEntry("META-INF/native-image/reflect-config.json")));
            reflected = new HashSet<>();
            reflection.forEach(r -> reflected.add(r.path("name").asText()));
        }
    }

    @Test
    void theBuildIsAStandaloneImageWithoutFallback() {
        assertThat(arguments).contains("--no-fallback", "--link-at-build-time");
        assertThat(arguments).noneMatch(a -> a.startsWith("--report-unsupported-elements-at-runtime"));
    }

    @Test
    void everyFileTheApplicationReadsAtRunTimeIsIncluded() throws IOException {
        List<String> needed = new ArrayList<>();
        // the built classes folder: the sources' resources plus what the build adds (the dashboard's chart library)
        Path built = Path.of("target", "classes");
        for (String folder : List.of("seed", "db/migration", "META-INF/resources")) {
            Path dir = built.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(Files::isRegularFile).forEach(f -> needed.add(built.relativize(f).toString().replace('\\', '/')));
                }
            }
        }
        // the seed, and the dashboard's pages, scripts and chart library, which the binary serves itself
        assertThat(needed).contains("seed/harbin-network.json", "META-INF/resources/index.html",
                "META-INF/resources/assets/app.js", "META-INF/resources/vendor/echarts/echarts.min.js");
        for (String resource : needed) {
            boolean included = includedResources.stream().anyMatch(p -> p.matcher(resource).matches());
            assertThat(included).as("%s is in the native image's resources", resource).isTrue();
        }
    }

    @Test
    void everyClassJacksonReadsOrWritesIsRegisteredForReflection() throws IOException {
        List<String> jsonClasses = new ArrayList<>();
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes)) {
            files.map(f -> classes.relativize(f).toString())
                    .filter(f -> f.endsWith(".class") && f.startsWith("io/rmbsim/"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .filter(c -> c.matches(".*\\.[A-Za-z]+View(\\$.*)?") || c.endsWith(".Problem") || c.endsWith(".Page")
                            || c.matches("io\\.rmbsim\\.payment\\.(CancellationResource|StatusRequestResource)\\$.*")
                            || c.equals("io.rmbsim.payment.SubmitReturn") || c.equals("io.rmbsim.payment.SubmitPayment")
                            || c.startsWith("io.rmbsim.simulation.SimulationReport") || c.startsWith("io.rmbsim.seed.HarbinNetworkSeed$Seed"))
                    .forEach(jsonClasses::add);
        }
        assertThat(jsonClasses).contains("io.rmbsim.payment.PaymentView", "io.rmbsim.web.Problem",
                "io.rmbsim.payment.PaymentView$ReturnRef", "io.rmbsim.payment.CancellationResource$Resolutions$Resolution",
                "io.rmbsim.payment.StatusRequestResource$StatusRequestBody$Item", "io.rmbsim.payment.SubmitReturn");
        assertThat(reflected).containsAll(jsonClasses);
    }
}

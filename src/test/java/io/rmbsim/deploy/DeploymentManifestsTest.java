package io.rmbsim.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Static checks of the deployment files under {@code deploy/}: they cannot be run on the build machine
 * (no container engine, no cluster), so this test at least keeps them parseable and consistent.
 * Plain JUnit, no Quarkus: Maven runs tests from the project root, so {@code deploy/} is relative to it.
 */
class DeploymentManifestsTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final Path K8S = DEPLOY.resolve("k8s");
    private static final String KUSTOMIZATION = "kustomization.yaml";
    private static final List<String> DATASOURCE_ENV = List.of(
            "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");

    /** Every YAML document under deploy/, keyed by "file#index". */
    private static final Map<String, Object> documents = new LinkedHashMap<>();
    /** The Kubernetes resources of deploy/k8s/ (the Kustomization itself excluded). */
    private static final List<Map<String, Object>> resources = new ArrayList<>();

    @BeforeAll
    static void loadYaml() throws IOException {
        assertThat(K8S).as("run from the project root").isDirectory();
        for (Path file : yamlFiles(DEPLOY)) {
            int index = 0;
            try (Reader reader = Files.newBufferedReader(file)) {
                for (Object doc : new Yaml().loadAll(reader)) {
                    if (doc == null) {
                        continue; // empty document, e.g. a trailing "---"
                    }
                    documents.put(file + "#" + index++, doc);
                    if (file.getParent().equals(K8S) && !file.endsWith(KUSTOMIZATION)) {
                        resources.add(map(doc));
                    }
                }
            }
        }
    }

    @Test
    void everyYamlFileUnderDeployParsesToMappings() throws IOException {
        assertThat(documents).isNotEmpty();
        assertThat(documents.values()).allSatisfy(doc -> assertThat(doc).isInstanceOf(Map.class));
        List<Path> files = yamlFiles(DEPLOY);
        assertThat(files).contains(DEPLOY.resolve("compose.yaml"), K8S.resolve(KUSTOMIZATION));
        assertThat(files).allSatisfy(file -> assertThat(documents.keySet()).anyMatch(k -> k.startsWith(file + "#")));
    }

    @Test
    void everyKubernetesResourceHasApiVersionKindAndName() {
        assertThat(resources).isNotEmpty().allSatisfy(resource -> {
            assertThat(resource.get("apiVersion")).as("apiVersion of %s", resource).isInstanceOf(String.class);
            assertThat(resource.get("kind")).as("kind of %s", resource).isInstanceOf(String.class);
            assertThat(at(resource, "metadata", "name")).as("metadata.name of %s", resource).isInstanceOf(String.class);
            assertThat(at(resource, "metadata", "namespace")).as("manifests stay namespace-agnostic").isNull();
        });
    }

    @Test
    void deploymentRunsTwoReplicasWithHealthProbes() {
        Map<String, Object> deployment = theOnly("Deployment");
        assertThat((Integer) at(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
        assertThat(containers(deployment)).isNotEmpty().allSatisfy(container -> {
            assertHttpProbe(container, "readinessProbe", "/q/health/ready");
            assertHttpProbe(container, "livenessProbe", "/q/health/live");
        });
    }

    @Test
    void deploymentContainersRequestAndLimitCpuAndMemory() {
        assertThat(containers(theOnly("Deployment"))).allSatisfy(container -> {
            for (String bound : List.of("requests", "limits")) {
                assertThat(map(at(container, "resources", bound)))
                        .as("resources.%s of %s", bound, container.get("name"))
                        .containsKeys("cpu", "memory");
            }
        });
    }

    @Test
    void deploymentRunsAsNonRootWithoutPrivilegeEscalation() {
        Map<String, Object> deployment = theOnly("Deployment");
        assertThat(at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(containers(deployment)).allSatisfy(container ->
                assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false));
    }

    @Test
    void datasourceSettingsComeFromKeysOfAnExistingSecret() {
        for (Map<String, Object> container : containers(theOnly("Deployment"))) {
            Map<String, Map<String, Object>> env = list(container.get("env")).stream().map(DeploymentManifestsTest::map)
                    .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e));
            assertThat(env).containsKeys(DATASOURCE_ENV.toArray(String[]::new));
            for (String name : DATASOURCE_ENV) {
                Map<String, Object> ref = map(at(env.get(name), "valueFrom", "secretKeyRef"));
                assertThat(ref).as("%s must come from a secretKeyRef", name).isNotNull();
                Map<String, Object> secret = resources.stream()
                        .filter(r -> "Secret".equals(r.get("kind")) && ref.get("name").equals(at(r, "metadata", "name")))
                        .findFirst().orElse(null);
                assertThat(secret).as("Secret %s referenced by %s", ref.get("name"), name).isNotNull();
                List<Object> keys = Stream.of("stringData", "data").map(secret::get).filter(Objects::nonNull)
                        .flatMap(section -> map(section).keySet().stream()).collect(Collectors.toList());
                assertThat(keys).as("keys of Secret %s", ref.get("name")).contains(ref.get("key"));
            }
        }
    }

    @Test
    void tokensAreVerifiedWithAKeyFromAnExistingConfigMapAndEachReplicaAdvertisesItsAddress() {
        Map<String, Object> deployment = theOnly("Deployment");
        assertThat(containers(deployment)).isNotEmpty();
        for (Map<String, Object> container : containers(deployment)) {
            Map<String, Map<String, Object>> env = list(container.get("env")).stream().map(DeploymentManifestsTest::map)
                    .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e));
            assertThat(env).containsKeys("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER", "RMBSIM_CLUSTER_ADVERTISE_URL");
            assertThat(env).doesNotContainKey("QUARKUS_PROFILE"); // prod: no demo tokens
            // each replica its own address: the pod IP from the downward API, not a shared name
            assertThat((String) env.get("RMBSIM_CLUSTER_ADVERTISE_URL").get("value")).contains("$(POD_IP)");
            assertThat(at(env.get("POD_IP"), "valueFrom", "fieldRef", "fieldPath")).isEqualTo("status.podIP");
            String keyFile = (String) env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").get("value");
            Map<String, Object> mount = list(container.get("volumeMounts")).stream().map(DeploymentManifestsTest::map)
                    .filter(m -> keyFile.startsWith(m.get("mountPath") + "/")).findFirst().orElse(null);
            assertThat(mount).as("a volume mounted where %s is", keyFile).isNotNull();
            Map<String, Object> volume = list(at(deployment, "spec", "template", "spec", "volumes")).stream()
                    .map(DeploymentManifestsTest::map).filter(v -> mount.get("name").equals(v.get("name"))).findFirst().orElseThrow();
            String configMap = (String) at(volume, "configMap", "name");
            Map<String, Object> cm = resources.stream()
                    .filter(r -> "ConfigMap".equals(r.get("kind")) && configMap.equals(at(r, "metadata", "name")))
                    .findFirst().orElse(null);
            assertThat(cm).as("ConfigMap %s", configMap).isNotNull();
            assertThat(map(cm.get("data"))).containsKeys(keyFile.substring(keyFile.lastIndexOf('/') + 1), "issuer");
        }
    }

    @Test
    void deploymentServiceAndDisruptionBudgetSelectTheSamePods() {
        Map<String, Object> deployment = theOnly("Deployment");
        Map<String, Object> podLabels = map(at(deployment, "spec", "template", "metadata", "labels"));
        assertThat(podLabels).containsAllEntriesOf(map(at(deployment, "spec", "selector", "matchLabels")));

        Map<String, Object> pdb = theOnly("PodDisruptionBudget");
        assertThat(pdb.get("apiVersion")).isEqualTo("policy/v1");
        assertThat(map(at(pdb, "spec", "selector", "matchLabels"))).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(map(at(pdb, "spec", "selector", "matchLabels")));

        String name = (String) at(deployment, "metadata", "name");
        Map<String, Object> service = resources.stream()
                .filter(r -> "Service".equals(r.get("kind")) && name.equals(at(r, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no Service named " + name));
        assertThat(map(at(service, "spec", "selector"))).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(map(at(service, "spec", "selector")));
        List<Object> containerPorts = containers(deployment).stream().flatMap(c -> list(c.get("ports")).stream())
                .flatMap(p -> Stream.of(map(p).get("name"), map(p).get("containerPort"))).collect(Collectors.toList());
        assertThat(list(at(service, "spec", "ports"))).allSatisfy(port ->
                assertThat(containerPorts).contains(map(port).get("targetPort")));
    }

    @Test
    void kustomizationListsEveryOtherManifest() throws IOException {
        Map<String, Object> kustomization = map(documents.get(K8S.resolve(KUSTOMIZATION) + "#0"));
        List<String> manifests = yamlFiles(K8S).stream().map(p -> p.getFileName().toString())
                .filter(n -> !n.equals(KUSTOMIZATION)).collect(Collectors.toList());
        assertThat(list(kustomization.get("resources"))).containsExactlyInAnyOrderElementsOf(manifests);
    }

    @Test
    void composeRunsTheSimulatorAgainstHealthyPostgres() {
        Map<String, Object> services = map(at(documents.get(DEPLOY.resolve("compose.yaml") + "#0"), "services"));
        assertThat(services).containsKeys("postgres", "rmbsim");
        assertThat(at(services, "postgres", "healthcheck")).isNotNull();

        Object dependsOn = at(services, "rmbsim", "depends_on");
        assertThat(dependsOn instanceof Map ? map(dependsOn).keySet() : list(dependsOn)).contains("postgres");

        Object environment = at(services, "rmbsim", "environment");
        List<String> variables = environment instanceof Map
                ? new ArrayList<>(map(environment).keySet())
                : list(environment).stream().map(e -> ((String) e).split("=", 2)[0]).collect(Collectors.toList());
        assertThat(variables).contains("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(String.valueOf(at(services, "rmbsim", "build", "dockerfile"))).isEqualTo("deploy/Dockerfile.jvm");
    }

    @Test
    void jvmDockerfileTakesBaseImageArgumentAndRunsAsNumericUserOn8080() throws IOException {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("Dockerfile.jvm")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
        int arg = indexOf(lines, "ARG BASE_IMAGE");
        int from = indexOf(lines, "FROM ${BASE_IMAGE}");
        assertThat(arg).as("ARG BASE_IMAGE").isNotNegative();
        assertThat(from).as("FROM ${BASE_IMAGE}").isGreaterThan(arg);
        assertThat(lines).anyMatch(l -> l.matches("USER \\d+(:\\d+)?"));
        assertThat(lines).noneMatch(l -> l.matches("USER .*[^\\d:].*"));
        assertThat(lines).contains("EXPOSE 8080");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().collect(Collectors.toList());
        }
    }

    private static Map<String, Object> theOnly(String kind) {
        List<Map<String, Object>> matches = resources.stream().filter(r -> kind.equals(r.get("kind")))
                .collect(Collectors.toList());
        assertThat(matches).as("resources of kind %s", kind).hasSize(1);
        return matches.get(0);
    }

    private static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return list(at(workload, "spec", "template", "spec", "containers")).stream()
                .map(DeploymentManifestsTest::map).collect(Collectors.toList());
    }

    private static void assertHttpProbe(Map<String, Object> container, String probe, String path) {
        assertThat(at(container, probe, "httpGet", "path")).as("%s path", probe).isEqualTo(path);
        assertThat(at(container, probe, "httpGet", "port")).as("%s port", probe).isIn("http", 8080);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** Walks nested mappings; null as soon as a step is missing. */
    private static Object at(Object node, String... path) {
        for (String step : path) {
            if (!(node instanceof Map)) {
                return null;
            }
            node = ((Map<?, ?>) node).get(step);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }
}

package io.rmbsim.ops;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link MetricsTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class MetricsIT extends MetricsTest {
}

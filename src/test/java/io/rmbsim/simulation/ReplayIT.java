package io.rmbsim.simulation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ReplayTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class ReplayIT extends ReplayTest {
}

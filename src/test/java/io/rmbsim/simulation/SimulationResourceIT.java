package io.rmbsim.simulation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SimulationResourceTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class SimulationResourceIT extends SimulationResourceTest {
}

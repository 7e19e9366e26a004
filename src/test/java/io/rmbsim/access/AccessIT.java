package io.rmbsim.access;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AccessTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class AccessIT extends AccessTest {
}

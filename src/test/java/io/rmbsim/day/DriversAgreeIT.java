package io.rmbsim.day;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link DriversAgreeTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class DriversAgreeIT extends DriversAgreeTest {
}

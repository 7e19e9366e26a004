package io.rmbsim.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link StrictNumbersTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class StrictNumbersIT extends StrictNumbersTest {
}

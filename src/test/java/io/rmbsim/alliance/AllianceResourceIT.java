package io.rmbsim.alliance;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AllianceResourceTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class AllianceResourceIT extends AllianceResourceTest {
}

package io.rmbsim.participant;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ApplicationResourceTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class ApplicationResourceIT extends ApplicationResourceTest {
}

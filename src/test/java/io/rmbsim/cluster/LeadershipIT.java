package io.rmbsim.cluster;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link LeadershipTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class LeadershipIT extends LeadershipTest {
}

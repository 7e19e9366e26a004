package io.rmbsim.seed;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link HarbinNetworkSeedTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class HarbinNetworkSeedIT extends HarbinNetworkSeedTest {
}

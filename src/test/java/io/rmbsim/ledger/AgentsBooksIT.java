package io.rmbsim.ledger;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AgentsBooksTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class AgentsBooksIT extends AgentsBooksTest {
}

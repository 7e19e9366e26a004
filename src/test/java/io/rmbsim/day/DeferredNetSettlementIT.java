package io.rmbsim.day;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link DeferredNetSettlementTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class DeferredNetSettlementIT extends DeferredNetSettlementTest {
}

package io.rmbsim.payment;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ConcurrentSettlementTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class ConcurrentSettlementIT extends ConcurrentSettlementTest {
}

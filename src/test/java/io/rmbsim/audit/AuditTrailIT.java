package io.rmbsim.audit;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AuditTrailTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class AuditTrailIT extends AuditTrailTest {
}

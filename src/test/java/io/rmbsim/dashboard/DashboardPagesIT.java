package io.rmbsim.dashboard;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link DashboardPagesTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class DashboardPagesIT extends DashboardPagesTest {
}

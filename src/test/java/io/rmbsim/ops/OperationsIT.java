package io.rmbsim.ops;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link OperationsTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {
}

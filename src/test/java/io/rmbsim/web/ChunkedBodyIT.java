package io.rmbsim.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ChunkedBodyTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class ChunkedBodyIT extends ChunkedBodyTest {
}

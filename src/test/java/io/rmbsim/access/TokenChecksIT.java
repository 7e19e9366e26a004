package io.rmbsim.access;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link TokenChecksTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class TokenChecksIT extends TokenChecksTest {
}

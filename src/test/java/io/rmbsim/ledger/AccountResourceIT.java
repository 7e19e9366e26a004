package io.rmbsim.ledger;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AccountResourceTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class AccountResourceIT extends AccountResourceTest {
}

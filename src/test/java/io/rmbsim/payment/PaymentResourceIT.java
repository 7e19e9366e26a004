package io.rmbsim.payment;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PaymentResourceTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class PaymentResourceIT extends PaymentResourceTest {
}

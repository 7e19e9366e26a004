package io.rmbsim.payment;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link MessagePortfolioTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class MessagePortfolioIT extends MessagePortfolioTest {
}

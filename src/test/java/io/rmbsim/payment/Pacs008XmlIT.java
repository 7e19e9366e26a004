package io.rmbsim.payment;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link Pacs008XmlTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class Pacs008XmlIT extends Pacs008XmlTest {
}

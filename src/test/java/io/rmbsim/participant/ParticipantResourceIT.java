package io.rmbsim.participant;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ParticipantResourceTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class ParticipantResourceIT extends ParticipantResourceTest {
}

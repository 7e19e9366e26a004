package io.rmbsim.payment;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ConcurrentSettlementTest} against the packaged application (the jar, or the native binary with -Pnative). */
@QuarkusIntegrationTest
class ConcurrentSettlementIT extends ConcurrentSettlementTest {

    /**
     * The packaged application holds its store in its own process (H2 in file mode admits one
     * process): here the invariants are checked from the API alone, by the ledger audit.
     */
    @Override
    protected javax.sql.DataSource store() {
        return null;
    }
}

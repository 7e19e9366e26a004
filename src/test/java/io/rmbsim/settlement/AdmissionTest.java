package io.rmbsim.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmbsim.settlement.Admission.Party;
import io.rmbsim.settlement.Admission.Standing;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    static final Party ACTIVE_DIRECT = new Party("AAAACNBJXXX", Standing.ACTIVE, "AAAACNBJXXX", Standing.ACTIVE);
    static final Party OTHER_DIRECT = new Party("BBBBCNBJXXX", Standing.ACTIVE, "BBBBCNBJXXX", Standing.ACTIVE);

    static java.util.Optional<Refusal> pay(String currency, Party debtor, Party creditor) {
        return Admission.refusal(currency, debtor == null ? "XXXXCNBJXXX" : debtor.bic(), debtor,
                creditor == null ? "YYYYCNBJXXX" : creditor.bic(), creditor);
    }

    @Test
    void aCnyPaymentBetweenActiveParticipantsIsAdmitted() {
        assertThat(pay("CNY", ACTIVE_DIRECT, OTHER_DIRECT)).isEmpty();
    }

    @Test
    void anotherCurrencyIsRefusedWithAm03BeforeAnythingElse() {
        assertThat(pay("USD", null, null)).contains(new Refusal("AM03", "only CNY is settled here; currency USD is not"));
    }

    @Test
    void anUnknownOrTerminatedAgentIsRefusedWithAgnt() {
        assertThat(pay("CNY", null, OTHER_DIRECT))
                .contains(new Refusal("AGNT", "debtor agent XXXXCNBJXXX is not a CIPS participant"));
        Party gone = new Party("CCCCCNBJXXX", Standing.TERMINATED, "CCCCCNBJXXX", Standing.TERMINATED);
        assertThat(pay("CNY", ACTIVE_DIRECT, gone))
                .contains(new Refusal("AGNT", "creditor agent CCCCCNBJXXX is no longer a participant (terminated)"));
    }

    @Test
    void aSuspendedAgentOrSettlementAgentIsRefusedWithAc06() {
        Party suspended = new Party("CCCCCNBJXXX", Standing.SUSPENDED, "CCCCCNBJXXX", Standing.SUSPENDED);
        assertThat(pay("CNY", suspended, OTHER_DIRECT)).contains(new Refusal("AC06", "debtor agent CCCCCNBJXXX is suspended"));
        Party behindSuspendedAgent = new Party("DDDDRUMMXXX", Standing.ACTIVE, "CCCCCNBJXXX", Standing.SUSPENDED);
        assertThat(pay("CNY", ACTIVE_DIRECT, behindSuspendedAgent))
                .contains(new Refusal("AC06", "settlement agent CCCCCNBJXXX of DDDDRUMMXXX is SUSPENDED"));
    }

    @Test
    void theDebtorSideIsAnsweredBeforeTheCreditorSide() {
        assertThat(pay("CNY", null, null).map(Refusal::text)).contains("debtor agent XXXXCNBJXXX is not a CIPS participant");
    }
}

package io.rmbsim.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmbsim.settlement.PostingsRule.Party;
import org.junit.jupiter.api.Test;

/** The contract's postings rule, case by case. Accounts: 0 Harbin CIPS, 1 ICBC CIPS, 2 and 3 Russian banks at Harbin, 4 a bank at ICBC. */
class PostingsRuleTest {

    static final Party HARBIN = Party.direct(0);
    static final Party ICBC = Party.direct(1);
    static final Party RU1 = Party.indirect(2, 0);
    static final Party RU2 = Party.indirect(3, 0);
    static final Party KZ = Party.indirect(4, 1);
    static final int NONE = Legs.NONE;

    @Test
    void directToDirectMovesOnlyCipsAccounts() {
        assertThat(PostingsRule.legs(HARBIN, ICBC)).isEqualTo(new Legs(0, NONE, 1, NONE, 0, 1, false));
    }

    @Test
    void indirectToDirectOfAnotherAgentDebitsTheIndirectAndItsAgent() {
        assertThat(PostingsRule.legs(RU1, ICBC)).isEqualTo(new Legs(2, 0, 1, NONE, 0, 1, false));
    }

    @Test
    void indirectToIndirectAcrossCipsMovesFourAccounts() {
        assertThat(PostingsRule.legs(RU1, KZ)).isEqualTo(new Legs(2, 0, 1, 4, 0, 1, false));
    }

    @Test
    void indirectsOfOneAgentMakeABookTransfer() {
        assertThat(PostingsRule.legs(RU1, RU2)).isEqualTo(new Legs(2, NONE, 3, NONE, 2, 3, true));
    }

    @Test
    void agentAndItsOwnIndirectMoveOnlyTheIndirectAccount() {
        assertThat(PostingsRule.legs(HARBIN, RU1)).isEqualTo(new Legs(NONE, NONE, 2, NONE, NONE, NONE, true));
        assertThat(PostingsRule.legs(RU1, HARBIN)).isEqualTo(new Legs(2, NONE, NONE, NONE, NONE, NONE, true));
    }

    @Test
    void anInstitutionCannotPayItself() {
        assertThatThrownBy(() -> PostingsRule.legs(RU1, RU1)).isInstanceOf(IllegalArgumentException.class);
    }
}

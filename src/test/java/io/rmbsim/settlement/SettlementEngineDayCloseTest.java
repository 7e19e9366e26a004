package io.rmbsim.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmbsim.settlement.PostingsRule.Party;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's one day close: the mode's last offset, then AM04 for what is still queued. */
class SettlementEngineDayCloseTest {

    final EventLog log = new EventLog();
    SettlementEngine engine;

    @AfterEach
    void invariantsHold() {
        engine.checkInvariants();
        assertThat(engine.queueSize()).as("nothing is left queued after a close").isZero();
    }

    /** Three empty accounts in a gridlock (1, 2, 3), and one payment nothing covers (4). */
    void gridlockAndOneUncovered(SettlementMode mode) {
        engine = new SettlementEngine(mode, log);
        Party x = Party.direct(engine.openAccount(0));
        Party y = Party.direct(engine.openAccount(0));
        Party z = Party.direct(engine.openAccount(0));
        engine.submit(1, x, y, 100, Priority.NORM);
        engine.submit(2, y, z, 100, Priority.NORM);
        engine.submit(3, z, x, 100, Priority.NORM);
        engine.submit(4, x, z, 30, Priority.NORM);
    }

    @Test
    void inRtgsLsmTheCloseResolvesTheGridlockThenRejectsTheRestWithAm04() {
        gridlockAndOneUncovered(SettlementMode.RTGS_LSM);
        SettlementEngine.DayClose close = engine.closeDay();
        assertThat(close.settled()).isEqualTo(3);
        assertThat(close.lastOffset().multilateralSets()).isEqualTo(1);
        assertThat(close.rejected()).isEqualTo(1);
        assertThat(log.lines).endsWith("settled 1 MULTILATERAL_OFFSET", "settled 2 MULTILATERAL_OFFSET",
                "settled 3 MULTILATERAL_OFFSET", "rejected 4 " + SettlementEngine.NOT_COVERED_BY_END_OF_DAY);
    }

    @Test
    void inPlainRtgsTheCloseOffsetsNothingAndRejectsEverythingQueued() {
        gridlockAndOneUncovered(SettlementMode.RTGS);
        SettlementEngine.DayClose close = engine.closeDay();
        assertThat(close.settled()).isZero();
        assertThat(close.rejected()).isEqualTo(4);
        assertThat(log.settled).isEmpty();
        assertThat(log.rejected).containsOnlyKeys(1L, 2L, 3L, 4L).containsValue("AM04");
    }

    @Test
    void inDeferredNetTheCloseIsTheNetting() {
        gridlockAndOneUncovered(SettlementMode.DNS);
        SettlementEngine.DayClose close = engine.closeDay();
        assertThat(close.settled()).isEqualTo(3);
        assertThat(close.rejected()).isEqualTo(1);
        assertThat(log.rejected).containsOnlyKeys(4L);
    }
}

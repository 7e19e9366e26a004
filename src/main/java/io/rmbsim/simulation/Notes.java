package io.rmbsim.simulation;

import java.util.LinkedHashMap;
import java.util.Map;

/** What every report says about reading it: the bounds, the measures, and why strict FIFO can collapse. */
final class Notes {

    static final Map<String, String> NOTES;
    /** A replay's report: the same, and how a replay is made and compared. */
    static final Map<String, String> REPLAY_NOTES;

    static {
        Map<String, String> n = new LinkedHashMap<>();
        n.put("upperBound", "Per participant, the largest cumulative net outflow of a day when every payment settles on "
                + "arrival: with it, RTGS and RTGS_LSM settle everything without delay (delay indicator 0).");
        n.put("lowerBound", "Per participant, its end-of-day net debit (or zero): the least with which a mode that "
                + "offsets or nets everything at the close (RTGS_LSM, DNS) settles everything by the end of the day. Plain "
                + "RTGS has no such guarantee at the lower bound: it settles gross, one payment at a time, and can leave "
                + "much unsettled there. Below the lower bound every mode leaves something unsettled.");
        n.put("headOfLineBlocking", "Under STRICT_FIFO a queued payment that cannot be covered blocks every later "
                + "payment of the same priority from the same account, even those that could be covered. With little "
                + "liquidity the blocked payments are the incoming funds other banks are waiting for, so queues stall "
                + "across the network (gridlock) and plain RTGS can settle only a small share. Offsetting (RTGS_LSM) "
                + "breaks such gridlocks; FIFO_BYPASS lets covered NORM payments pass an uncovered one.");
        n.put("measures", "settlementRatio: settled over all payments, by count and value. delay: every payment's wait, "
                + "an unsettled one's to the end of its day; delaySettled: settled payments only (it looks better the "
                + "less settles). delayIndicator (Leinonen-Soramaki): value-weighted delay over the value-weighted "
                + "delay the end of the day would give: 0 no delay, 1 nothing settled before the end of its day.");
        NOTES = java.util.Collections.unmodifiableMap(n);
        Map<String, String> r = new LinkedHashMap<>(n);
        r.put("replay", "A closed live business day run again through the same engine: its accounts as the day started, "
                + "its payments in the order the live engine took them (those refused at admission left out), and its "
                + "other commands in order: liquidity movements, credit lines, reservations, holds, cancellations, "
                + "offsets, netting cycles, the opening and the close. Under RTGS_LSM with liquidity LIVE and the live "
                + "queue discipline every payment ends as it did live (replay.modes.RTGS_LSM.sameAsLive). Under RTGS the "
                + "day's offsets are not run and every payment settles gross; under DNS every payment waits for a netting "
                + "cycle, the day's offsets and cycles being the netting. Another liquidity (a bound, a fraction, amounts) "
                + "replaces the day's: the accounts open with it and the day's liquidity movements are left out. Compare "
                + "the modes' liquidityUsed to see what the liquidity-saving mechanism saved, and their delay and "
                + "delayIndicator to see what deferred net settlement would have added. Delays count from each "
                + "payment's acceptance to the second.");
        REPLAY_NOTES = java.util.Collections.unmodifiableMap(r);
    }

    private Notes() {
    }
}

package io.rmbsim.simulation;

import io.rmbsim.settlement.Legs;
import io.rmbsim.settlement.PostingsRule;
import io.rmbsim.settlement.PostingsRule.Party;

/**
 * A simulated network's settlement accounts: account i belongs to participant i (a DIRECT
 * participant's CIPS account, an INDIRECT one's account at its agent). Legs come from the one
 * postings rule.
 */
final class Network {

    private final Party[] parties;

    Network(PaymentStream stream) {
        parties = new Party[stream.participants().size()];
        for (int i = 0; i < parties.length; i++) {
            PaymentStream.Participant p = stream.participants().get(i);
            parties[i] = p.direct() ? Party.direct(i) : Party.indirect(i, p.agent());
        }
    }

    int accounts() {
        return parties.length;
    }

    /** Computed afresh: a small short-lived object is cheaper than a map over millions of pairs. */
    Legs legs(int debtor, int creditor) {
        return PostingsRule.legs(parties[debtor], parties[creditor]);
    }
}

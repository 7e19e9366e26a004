package io.rmbsim.simulation;

import io.rmbsim.settlement.PostingsRule.Party;

/**
 * A simulated network's settlement accounts: account i belongs to participant i (a DIRECT
 * participant's CIPS account, an INDIRECT one's account at its agent), each participant as the
 * engine's postings rule sees it.
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

    /** Each account's agent: its own index for a DIRECT participant's CIPS account, else its agent's. */
    int[] agents() {
        int[] agents = new int[parties.length];
        for (int i = 0; i < parties.length; i++) {
            agents[i] = parties[i].cipsAccount();
        }
        return agents;
    }

    int accounts() {
        return parties.length;
    }

    Party party(int participant) {
        return parties[participant];
    }
}

package io.rmbsim.participant;

import io.rmbsim.web.ProblemException;

/**
 * An INDIRECT participant settles through a settlement agent that is an ACTIVE DIRECT participant.
 * Unknown or INDIRECT agents are bad input (400); a DIRECT agent that is suspended or terminated is
 * a state that does not allow it now (409). Both carry ISO 20022 reason {@code AGNT}.
 */
final class SettlementAgentPolicy {

    private SettlementAgentPolicy() {
    }

    static void requireUsableAgent(String agentBic, Participant agent) {
        if (agent == null) {
            throw ProblemException.invalid("settlementAgent", agentBic + " is not a CIPS participant", "AGNT");
        }
        if (agent.participation != Participation.DIRECT) {
            throw ProblemException.invalid("settlementAgent",
                    agentBic + " is an INDIRECT participant; a settlement agent must be a DIRECT participant", "AGNT");
        }
        if (agent.status != ParticipantStatus.ACTIVE) {
            throw ProblemException.conflict("settlement agent " + agentBic + " is " + agent.status
                    + "; a settlement agent must be an ACTIVE DIRECT participant", "AGNT");
        }
    }
}

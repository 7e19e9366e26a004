package io.rmbsim.settlement;

import java.util.ArrayList;
import java.util.List;

/**
 * The hops of a payment as the contract lists them: each agent once, a DIRECT agent in its role as
 * agent, the CIPS hop only when the two agents settle through different direct participants.
 */
public final class Route {

    public record Hop(String role, String bic) {
    }

    private Route() {
    }

    /**
     * @param debtorSettlementAgent agent(debtor agent): itself when DIRECT; null when unknown
     * @param creditorSettlementAgent agent(creditor agent): itself when DIRECT; null when unknown
     */
    public static List<Hop> of(String debtorAgent, String debtorSettlementAgent, String creditorAgent,
            String creditorSettlementAgent) {
        List<Hop> hops = new ArrayList<>();
        hops.add(new Hop("DEBTOR_AGENT", debtorAgent));
        if (debtorSettlementAgent == null || creditorSettlementAgent == null) {
            hops.add(new Hop("CREDITOR_AGENT", creditorAgent));
            return hops;
        }
        if (debtorSettlementAgent.equals(creditorSettlementAgent)) {
            if (!debtorSettlementAgent.equals(debtorAgent) && !debtorSettlementAgent.equals(creditorAgent)) {
                hops.add(new Hop("DEBTOR_SETTLEMENT_AGENT", debtorSettlementAgent));
            }
        } else {
            if (!debtorSettlementAgent.equals(debtorAgent)) {
                hops.add(new Hop("DEBTOR_SETTLEMENT_AGENT", debtorSettlementAgent));
            }
            hops.add(new Hop("CIPS", null));
            if (!creditorSettlementAgent.equals(creditorAgent)) {
                hops.add(new Hop("CREDITOR_SETTLEMENT_AGENT", creditorSettlementAgent));
            }
        }
        hops.add(new Hop("CREDITOR_AGENT", creditorAgent));
        return hops;
    }

    /** Compact form kept with the payment: {@code ROLE=BIC;CIPS;...}. */
    public static String encode(List<Hop> hops) {
        StringBuilder s = new StringBuilder();
        for (Hop h : hops) {
            if (!s.isEmpty()) {
                s.append(';');
            }
            s.append(h.role());
            if (h.bic() != null) {
                s.append('=').append(h.bic());
            }
        }
        return s.toString();
    }

    public static List<Hop> decode(String encoded) {
        List<Hop> hops = new ArrayList<>();
        for (String part : encoded.split(";")) {
            int eq = part.indexOf('=');
            hops.add(eq < 0 ? new Hop(part, null) : new Hop(part.substring(0, eq), part.substring(eq + 1)));
        }
        return hops;
    }
}

package io.rmbsim.access;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a member may read: its own bank's data and, when its bank is a DIRECT participant, the data
 * of the INDIRECT participants that settle through it (the agent's view of contract 1.1): their
 * accounts, postings and statements, and the payments whose route names it as a settlement agent.
 * Nothing else of other banks.
 *
 * @param bank the member's bank
 * @param indirects the INDIRECT participants whose settlement agent it is (none for an INDIRECT bank)
 */
public record ReadScope(String bank, Set<String> indirects) {

    public ReadScope {
        indirects = Set.copyOf(indirects);
    }

    /** The bank and its indirect participants: the agents whose payments and the accounts the member reads. */
    public Set<String> banks() {
        Set<String> all = new LinkedHashSet<>();
        all.add(bank);
        all.addAll(indirects);
        return all;
    }

    /** Whether the member reads what concerns {@code bic}. */
    public boolean covers(String bic) {
        return bank.equals(bic) || indirects.contains(bic);
    }

    /** Whether the member's bank is {@code bic}'s settlement agent (it grants credit lines and books liquidity there). */
    public boolean isAgentOf(String bic) {
        return indirects.contains(bic);
    }
}

package io.rmbsim.settlement;

/**
 * The contract's postings rule. Write agent(x) for x itself when x is DIRECT, else its settlement
 * agent; A = agent(debtor agent), B = agent(creditor agent). A settled payment of value v debits the
 * INDIRECT debtor agent's account at A, and, when A != B, debits A's CIPS account and credits B's;
 * it credits the INDIRECT creditor agent's account at B. A == B is a book transfer: nothing moves at
 * CIPS.
 */
public final class PostingsRule {

    private PostingsRule() {
    }

    /**
     * A participant as settlement sees it.
     *
     * @param account its settlement account: the CIPS account of a DIRECT participant, or the account
     *        of an INDIRECT one on its agent's books
     * @param cipsAccount the CIPS account it settles through (its own when DIRECT)
     */
    public record Party(int account, int cipsAccount) {

        public static Party direct(int cipsAccount) {
            return new Party(cipsAccount, cipsAccount);
        }

        public static Party indirect(int account, int agentCipsAccount) {
            return new Party(account, agentCipsAccount);
        }

        public boolean isDirect() {
            return account == cipsAccount;
        }
    }

    public static Legs legs(Party debtorAgent, Party creditorAgent) {
        if (debtorAgent.account() == creditorAgent.account()) {
            throw new IllegalArgumentException("debtor and creditor agent are the same institution");
        }
        int a = debtorAgent.cipsAccount();
        int b = creditorAgent.cipsAccount();
        boolean book = a == b;
        int debit1 = Legs.NONE;
        int debit2 = Legs.NONE;
        if (!debtorAgent.isDirect()) {
            debit1 = debtorAgent.account();
        }
        if (!book) {
            if (debit1 == Legs.NONE) {
                debit1 = a;
            } else {
                debit2 = a;
            }
        }
        int credit1 = book ? Legs.NONE : b;
        int credit2 = Legs.NONE;
        if (!creditorAgent.isDirect()) {
            if (credit1 == Legs.NONE) {
                credit1 = creditorAgent.account();
            } else {
                credit2 = creditorAgent.account();
            }
        }
        int from = book ? (debtorAgent.isDirect() ? Legs.NONE : debtorAgent.account()) : a;
        int to = book ? (creditorAgent.isDirect() ? Legs.NONE : creditorAgent.account()) : b;
        if (from == Legs.NONE || to == Legs.NONE) {
            from = Legs.NONE;
            to = Legs.NONE;
        }
        return new Legs(debit1, debit2, credit1, credit2, from, to, book);
    }
}

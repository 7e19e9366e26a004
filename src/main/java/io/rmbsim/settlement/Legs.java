package io.rmbsim.settlement;

/**
 * The settlement accounts a payment debits and credits (up to two each; {@code NONE} where a leg is
 * absent), as the postings rule gives them, and the pair of accounts it offsets between.
 *
 * @param debit1 first debited account (the INDIRECT debtor agent's account at its agent, or the CIPS account of A)
 * @param debit2 second debited account or NONE
 * @param credit1 first credited account or NONE
 * @param credit2 second credited account or NONE
 * @param from the account on the paying side of the pair that bilateral offsetting groups by, or NONE
 * @param to the account on the receiving side of that pair, or NONE
 * @param bookTransfer both agents settle through the same direct participant
 */
public record Legs(int debit1, int debit2, int credit1, int credit2, int from, int to, boolean bookTransfer) {

    public static final int NONE = -1;

    public Legs {
        if (debit2 != NONE && debit2 == debit1 || credit2 != NONE && credit2 == credit1) {
            throw new IllegalArgumentException("an account appears twice on one side");
        }
        if (debit1 == NONE && debit2 != NONE || credit1 == NONE && credit2 != NONE) {
            throw new IllegalArgumentException("fill the first leg before the second");
        }
    }
}

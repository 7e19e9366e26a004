package io.rmbsim.settlement;

/**
 * What a payment is, as the message that carried it says: all three settle under the same rules.
 */
public enum TransferKind {
    /** A customer credit transfer (pacs.008). */
    CUSTOMER,
    /** A financial institution's own transfer (pacs.009): debtor and creditor are the banks themselves. */
    INSTITUTION,
    /** A return (pacs.004) of all or part of a settled payment, in the other direction; it names the original. */
    RETURN
}

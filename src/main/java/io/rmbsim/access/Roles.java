package io.rmbsim.access;

/**
 * Who may do what. Tokens carry one of these in their {@code groups} claim; a member's token also
 * carries the BIC of its bank in the {@code bic} claim.
 */
public final class Roles {

    /** The settlement center: may do everything. */
    public static final String OPERATOR = "operator";
    /** A bank: pays from its own BIC and reads what concerns it. */
    public static final String MEMBER = "member";
    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "auditor";

    /** The claim that names a member's bank. */
    public static final String BIC_CLAIM = "bic";

    private Roles() {
    }
}

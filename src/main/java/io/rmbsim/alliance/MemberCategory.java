package io.rmbsim.alliance;

/** The kinds of institution in the regional financial settlement alliance. */
public enum MemberCategory {
    BANK, TRUST, FUND, INSURER
}

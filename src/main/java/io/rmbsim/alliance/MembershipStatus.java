package io.rmbsim.alliance;

/** A member is ACTIVE until it withdraws; a withdrawn member stays on the register as history. */
public enum MembershipStatus {
    ACTIVE, WITHDRAWN
}

package io.rmbsim.participant;

public enum InstitutionType {
    BANK, TRUST, FUND, INSURER, OTHER
}

package io.rmbsim.settlement;

/** Queue priority: every HIGH payment of an account is released before any NORM one. */
public enum Priority {
    HIGH, NORM
}

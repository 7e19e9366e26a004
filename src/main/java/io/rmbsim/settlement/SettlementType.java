package io.rmbsim.settlement;

/**
 * How a payment asks to be settled: gross in real time (RTGS, the default), or by deferred net
 * settlement at the next netting cycle (DNS), the hybrid of CIPS phase II.
 */
public enum SettlementType {
    RTGS, DNS
}

package io.rmbsim.settlement;

/** How a payment came to be settled. */
public enum SettlementMethod {
    /** Gross, on arrival or released from the queue by incoming funds. */
    RTGS,
    /** In a set of queued payments between two accounts, settled together. */
    BILATERAL_OFFSET,
    /** In a set of queued payments across all accounts (gridlock resolution), settled together. */
    MULTILATERAL_OFFSET,
    /** Both agents settle through the same direct participant: no movement at CIPS. */
    BOOK_TRANSFER,
    /** Deferred net settlement: in a netting cycle, with only the net positions moving. */
    DNS
}

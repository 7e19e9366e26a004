package io.rmbsim.sequencer;

import io.rmbsim.settlement.PaymentOrder;
import io.rmbsim.settlement.PaymentStatus;
import io.rmbsim.settlement.SettlementMethod;
import java.time.Instant;
import java.time.LocalDate;

/** A payment's state as committed. */
public record PaymentSnapshot(PaymentOrder order, PaymentStatus status, String reasonCode, String reason,
        SettlementMethod method, LocalDate businessDate, Instant acceptedAt, Instant settledAt, String route) {
}

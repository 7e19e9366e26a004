package io.rmbsim.payment;

import io.rmbsim.settlement.PaymentStatus;
import io.rmbsim.settlement.PaymentOrder;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rmbsim.sequencer.PaymentSnapshot;
import io.rmbsim.settlement.Priority;
import io.rmbsim.settlement.SettlementMethod;
import io.rmbsim.settlement.SettlementType;
import io.rmbsim.settlement.TransferKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment as stored; written only by the settlement sequencer, read here. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID uetr;
    public long seq;
    @Column(name = "end_to_end_id")
    public String endToEndId;
    @Column(name = "debtor_agent")
    public String debtorAgent;
    @Column(name = "creditor_agent")
    public String creditorAgent;
    public long amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "debtor_name")
    public String debtorName;
    @Column(name = "debtor_account")
    public String debtorAccount;
    @Column(name = "creditor_name")
    public String creditorName;
    @Column(name = "creditor_account")
    public String creditorAccount;
    public String purpose;
    @Column(name = "remittance_info")
    public String remittanceInformation;
    @Enumerated(EnumType.STRING)
    public PaymentStatus status;
    @Column(name = "reason_code")
    public String reasonCode;
    public String reason;
    @Enumerated(EnumType.STRING)
    @Column(name = "settlement_method")
    public SettlementMethod settlementMethod;
    @Column(name = "business_date")
    public LocalDate businessDate;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "settled_at")
    public Instant settledAt;
    public String route;
    public String debit1;
    public String debit2;
    public String credit1;
    public String credit2;
    /** The offset or day close that settled or rejected it, if one did. */
    @Column(name = "settlement_run")
    public Long settlementRun;
    /** RTGS, or DNS: deferred net settlement. */
    @Enumerated(EnumType.STRING)
    public SettlementType settlement;
    /** A customer transfer, an institution's own transfer, or a return. */
    @Enumerated(EnumType.STRING)
    public TransferKind kind;
    /** For a return: the payment it returns. */
    @Column(name = "return_of")
    public UUID returnOf;
    /** Once settled: the ids of its first credit and first debit posting (each at most two, numbered in a row). */
    @Column(name = "credits_from")
    public Long creditsFrom;
    @Column(name = "debits_from")
    public Long debitsFrom;

    public PaymentSnapshot snapshot() {
        return new PaymentSnapshot(new PaymentOrder(uetr, endToEndId, debtorAgent, creditorAgent, amount, currency,
                priority, debtorName, debtorAccount, creditorName, creditorAccount, purpose, remittanceInformation,
                settlement, kind, returnOf),
                status, reasonCode, reason, settlementMethod, businessDate, acceptedAt, settledAt, route);
    }
}

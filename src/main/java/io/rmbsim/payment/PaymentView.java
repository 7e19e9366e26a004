package io.rmbsim.payment;

import io.rmbsim.settlement.Route;
import io.rmbsim.settlement.PaymentStatus;
import io.rmbsim.settlement.PaymentOrder;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.rmbsim.money.Money;
import io.rmbsim.payment.SubmitPayment.Customer;
import io.rmbsim.sequencer.PaymentSnapshot;
import io.rmbsim.settlement.Priority;
import io.rmbsim.settlement.SettlementMethod;
import io.rmbsim.settlement.TransferKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment as the API answers it. */
@Schema(name = "Payment")
public record PaymentView(
        UUID uetr,
        @Schema(example = "SETTLED") PaymentStatus status,
        @Schema(example = "ACSC") String isoStatus,
        @Schema(example = io.rmbsim.settlement.SettlementEngine.NOT_COVERED_BY_END_OF_DAY) String reasonCode,
        String reason,
        SettlementMethod settlementMethod,
        LocalDate businessDate,
        Instant acceptedAt,
        Instant settledAt,
        List<RouteHop> route,
        String endToEndId,
        String debtorAgent,
        String creditorAgent,
        @Schema(example = "125000.00") String amount,
        @Schema(example = "CNY") String currency,
        Priority priority,
        Customer debtor,
        Customer creditor,
        String purpose,
        String remittanceInformation,
        @Schema(example = "RTGS", description = "RTGS, or DNS: deferred net settlement at the next netting cycle")
        io.rmbsim.settlement.SettlementType settlement,
        @Schema(example = "CUSTOMER", description = "CUSTOMER (pacs.008), INSTITUTION (pacs.009) or RETURN (pacs.004)")
        TransferKind kind,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "For a return: the payment it returns") UUID returnOf,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The returns of this payment, in acceptance order (shown when one payment is read)")
        List<ReturnRef> returns) {

    /** A return of a payment, as its original's view lists it. */
    @Schema(name = "ReturnRef")
    public record ReturnRef(UUID uetr, @Schema(example = "400.00") String amount, PaymentStatus status,
                            @Schema(example = "ACSC") String isoStatus) {

        static ReturnRef of(Payment p) {
            return new ReturnRef(p.uetr, Money.format(p.amount), p.status, p.status.isoStatus(p.settlement));
        }
    }

    /** The same view, listing the payment's returns. */
    public PaymentView withReturns(List<ReturnRef> returns) {
        return new PaymentView(uetr, status, isoStatus, reasonCode, reason, settlementMethod, businessDate, acceptedAt,
                settledAt, route, endToEndId, debtorAgent, creditorAgent, amount, currency, priority, debtor, creditor,
                purpose, remittanceInformation, settlement, kind, returnOf, List.copyOf(returns));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RouteHop")
    public record RouteHop(@Schema(example = "DEBTOR_SETTLEMENT_AGENT") String role, @Schema(example = "HCCBCNBHXXX") String bic) {
    }

    public static PaymentView of(PaymentSnapshot p) {
        PaymentOrder o = p.order();
        return new PaymentView(o.uetr(), p.status(), p.status().isoStatus(o.settlement()), p.reasonCode(), p.reason(), p.method(),
                p.businessDate(), p.acceptedAt(), p.settledAt(),
                Route.decode(p.route()).stream().map(h -> new RouteHop(h.role(), h.bic())).toList(),
                o.endToEndId(), o.debtorAgent(), o.creditorAgent(), Money.format(o.amount()), o.currency(), o.priority(),
                customer(o.debtorName(), o.debtorAccount()), customer(o.creditorName(), o.creditorAccount()),
                o.purpose(), o.remittanceInformation(), o.settlement(), o.kind(), o.returnOf(), null);
    }

    private static Customer customer(String name, String account) {
        return name == null && account == null ? null : new Customer(name, account);
    }
}

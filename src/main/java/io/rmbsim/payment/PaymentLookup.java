package io.rmbsim.payment;

import io.rmbsim.access.Caller;
import io.rmbsim.web.ProblemException;
import io.rmbsim.web.QueryParams;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds a payment as the caller may see it: operators and auditors see every payment, a member only
 * those its bank (or an indirect participant it is the agent of) sends or receives. Another bank's
 * payment is unknown to a member, whichever message asks about it.
 */
@RequestScoped
public class PaymentLookup {

    private final Caller caller;

    PaymentLookup(Caller caller) {
        this.caller = caller;
    }

    /** The payment named in a path, or a 404 problem. */
    public Payment visible(String uetr) {
        return find(QueryParams.pathId("payment", uetr)).orElseThrow(() -> ProblemException.notFound("payment", uetr));
    }

    /** The payment, if it exists and the caller may see it. */
    public Optional<Payment> find(UUID uetr) {
        Payment p = uetr == null ? null : Payment.findById(uetr);
        return p == null || !caller.mayRead(p.debtorAgent, p.creditorAgent) ? Optional.empty() : Optional.of(p);
    }

    /** The payment named by a UETR as a message wrote it (any case), if it parses, exists and is visible. */
    public Optional<Payment> find(String uetr) {
        if (!PaymentIntake.isUuid(uetr)) {
            return Optional.empty();
        }
        return find(UUID.fromString(uetr));
    }
}

package io.rmbsim.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.rmbsim.identifier.Bic;
import io.rmbsim.web.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller of the current request: its name, its strongest role and, for a member,
 * its bank. The rules about which bank may see or do what are asked of it, so that they read the
 * same in every resource.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final KnownBanks banks;
    private ReadScope scope;

    Caller(SecurityIdentity identity, KnownBanks banks) {
        this.identity = identity;
        this.banks = banks;
    }

    /** The caller an identity already resolved stands for (outside a resource, e.g. in a filter): its name, role and bank. */
    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity, null);
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** {@code operator}, {@code auditor} or {@code member}, the strongest the token grants; null if none. */
    public String role() {
        if (identity.hasRole(Roles.OPERATOR)) {
            return Roles.OPERATOR;
        }
        if (identity.hasRole(Roles.AUDITOR)) {
            return Roles.AUDITOR;
        }
        return identity.hasRole(Roles.MEMBER) ? Roles.MEMBER : null;
    }

    /** The caller's bank as an upper-case BIC11, when the token names one that is well formed. */
    public Optional<String> bic() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(Roles.BIC_CLAIM) != null) {
            Object value = jwt.getClaim(Roles.BIC_CLAIM);
            String claimed = value instanceof jakarta.json.JsonString json ? json.getString() : String.valueOf(value);
            return Bic.isValid(claimed) ? Optional.of(Bic.parse(claimed).value()) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Operators and auditors see everything. */
    public boolean seesEverything() {
        String role = role();
        return Roles.OPERATOR.equals(role) || Roles.AUDITOR.equals(role);
    }

    /** Whether the caller sees only what concerns its own bank. */
    public boolean isRestrictedToOwnBank() {
        return Roles.MEMBER.equals(role());
    }

    /**
     * Operators and auditors see everything; a member only what names, among {@code bics}, its bank
     * or, as their settlement agent, one of its indirect participants ({@link ReadScope}).
     */
    public boolean mayRead(String... bics) {
        Optional<ReadScope> limited = readScope();
        return limited.isEmpty() || Arrays.stream(bics).filter(Objects::nonNull).anyMatch(limited.get()::covers);
    }

    /** What a member's reads are limited to; empty for callers who read everything. */
    public Optional<ReadScope> readScope() {
        if (!isRestrictedToOwnBank()) {
            return Optional.empty();
        }
        if (scope == null) {
            String own = bic().orElseThrow(Caller::noBankInToken);
            if (banks == null) {
                throw new IllegalStateException("the scope of a member's reads is known inside a request only");
            }
            scope = new ReadScope(own, banks.indirectsOf(own));
        }
        return Optional.of(scope);
    }

    /**
     * An operator may act on any account; a member on the account of an indirect participant it is
     * the settlement agent of (booking its liquidity, granting its credit line). Refuses with 403.
     */
    public void requireAgentOf(String account) {
        Optional<ReadScope> limited = readScope();
        if (limited.isPresent() && !limited.get().isAgentOf(account)) {
            throw forbidden("account " + account + " is not held by the caller's bank " + limited.get().bank()
                    + "; a member acts only on the accounts of the indirect participants it is the settlement agent of");
        }
    }

    /**
     * An operator acts for any bank; a member only for its own. Refuses with 403 otherwise, naming
     * {@code field}, the part of the request that named the other bank.
     */
    public void requireActingFor(String bic, String field) {
        if (!actsFor(bic)) {
            String own = bic().orElseThrow(Caller::noBankInToken);
            throw forbidden(field + " " + bic + " is not the caller's bank " + own
                    + "; a member acts only for its own BIC");
        }
    }

    /** Whether the caller may act for {@code bic}: an operator for any bank, a member for its own only. */
    public boolean actsFor(String bic) {
        return !isRestrictedToOwnBank() || bic().orElseThrow(Caller::noBankInToken).equals(bic);
    }

    public static ProblemException forbidden(String detail) {
        return ProblemException.forbidden(detail);
    }

    private static ProblemException noBankInToken() {
        return forbidden("the member token carries no valid '" + Roles.BIC_CLAIM + "' claim");
    }
}

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

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller an identity already resolved stands for (outside a resource, e.g. in a filter). */
    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity);
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

    /** Operators and auditors see everything; a member only what names its bank among {@code bics}. */
    public boolean mayRead(String... bics) {
        if (!isRestrictedToOwnBank()) {
            return true;
        }
        Optional<String> own = bic();
        return own.isPresent() && Arrays.stream(bics).filter(Objects::nonNull).anyMatch(own.get()::equals);
    }

    /** The bank a member's reads are limited to; empty for callers who read everything. */
    public Optional<String> readScope() {
        if (!isRestrictedToOwnBank()) {
            return Optional.empty();
        }
        return Optional.of(bic().orElseThrow(Caller::noBankInToken));
    }

    /**
     * An operator acts for any bank; a member only for its own. Refuses with 403 otherwise, naming
     * {@code field}, the part of the request that named the other bank.
     */
    public void requireActingFor(String bic, String field) {
        if (!isRestrictedToOwnBank()) {
            return;
        }
        String own = bic().orElseThrow(Caller::noBankInToken);
        if (!own.equals(bic)) {
            throw forbidden(field + " " + bic + " is not the caller's bank " + own
                    + "; a member acts only for its own BIC");
        }
    }

    public static ProblemException forbidden(String detail) {
        return ProblemException.forbidden(detail);
    }

    private static ProblemException noBankInToken() {
        return forbidden("the member token carries no valid '" + Roles.BIC_CLAIM + "' claim");
    }
}

package io.rmbsim.web;

import io.rmbsim.web.Problem.FieldError;
import java.util.List;

/**
 * A request that the service refuses, carrying the problem body it is answered with. Thrown by the
 * application services; the web layer turns it into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 400: the input is malformed; {@code field} names what was wrong. */
    public static ProblemException invalid(String field, String message, String reasonCode) {
        return new ProblemException(new Problem("urn:rmbsim:problem:invalid-input", "Invalid input", 400,
                field + ": " + message, List.of(new FieldError(field, message)), reasonCode));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(field, message, null);
    }

    /** 404: nothing of that kind with that identifier. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(new Problem("urn:rmbsim:problem:not-found", "Not found", 404,
                "no " + what + " " + id, null, null));
    }

    /** 409: the current state does not allow the action. */
    public static ProblemException conflict(String detail, String reasonCode) {
        return new ProblemException(new Problem("urn:rmbsim:problem:conflict", "Conflict with the current state", 409,
                detail, null, reasonCode));
    }

    public static ProblemException conflict(String detail) {
        return conflict(detail, null);
    }
}

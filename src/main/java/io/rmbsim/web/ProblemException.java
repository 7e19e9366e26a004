package io.rmbsim.web;

/**
 * A request that the service refuses, carrying the problem body it is answered with (made by
 * {@link Problems}). Thrown by the application services; the web layer turns it into
 * {@code application/problem+json}, with {@code Retry-After} when the refusal is one to retry.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final int retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, 0);
    }

    /** A refusal the client may retry after {@code retryAfterSeconds} (a 429 or 503). */
    public ProblemException(Problem problem, int retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds the client should wait before it retries; 0 when a retry would not help. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 400: the input is malformed; {@code field} names what was wrong. */
    public static ProblemException invalid(String field, String message, String reasonCode) {
        return new ProblemException(Problems.invalid(field, message, reasonCode));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(field, message, null);
    }

    /** 404: nothing of that kind with that identifier. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problems.notFound("no " + what + " " + id));
    }

    /** 409: the current state does not allow the action. */
    public static ProblemException conflict(String detail, String reasonCode) {
        return new ProblemException(Problems.conflict(detail, reasonCode));
    }

    public static ProblemException conflict(String detail) {
        return conflict(detail, null);
    }

    /** 403: the caller's role or bank does not allow this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problems.forbidden(detail));
    }
}

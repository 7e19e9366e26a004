package io.rmbsim.web;

import io.rmbsim.web.Problem.FieldError;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Every problem the service answers, in one place: its type, title and status are written here and
 * nowhere else (an ArchUnit rule keeps {@code new Problem(...)} to this class). The JAX-RS edge answers
 * them with {@link #response}, the HTTP routes that run before it (the body limit, a follower's
 * forwarding) with {@link #send}.
 */
public final class Problems {

    private static final String TYPE = "urn:rmbsim:problem:";

    private Problems() {
    }

    // --- 4xx: the request -------------------------------------------------------------------------

    /** 400: one field is wrong; {@code reasonCode} is the ISO 20022 code where one applies (RC01 for a BIC). */
    public static Problem invalid(String field, String message, String reasonCode) {
        return new Problem(TYPE + "invalid-input", "Invalid input", 400, field + ": " + message,
                List.of(new FieldError(field, message)), reasonCode);
    }

    /** 400: several fields are wrong, each named. */
    public static Problem invalid(List<FieldError> errors, String reasonCode) {
        StringBuilder detail = new StringBuilder();
        for (FieldError e : errors) {
            detail.append(detail.isEmpty() ? "" : "; ").append(e.field()).append(": ").append(e.message());
        }
        return new Problem(TYPE + "invalid-input", "Invalid input", 400, detail.toString(), errors, reasonCode);
    }

    /** 400: the body is not JSON, or not JSON of the request's shape. */
    public static Problem malformedJson(String detail) {
        return new Problem(TYPE + "malformed-json", "Malformed JSON", 400, detail, null, null);
    }

    /** 400: an ISO 20022 message the reader refused as a whole. */
    public static Problem invalidIso20022(String detail, String reasonCode) {
        return new Problem(TYPE + "invalid-iso20022", "Invalid ISO 20022 message", 400, detail, null, reasonCode);
    }

    /** 400: the body could not be read to its end (the client went away, say). */
    public static Problem unreadableBody() {
        return new Problem(TYPE + "unreadable-body", "Unreadable body", 400,
                "the request body could not be read to its end", null, null);
    }

    /** 401: no valid bearer token. */
    public static Problem unauthenticated() {
        return new Problem(TYPE + "unauthenticated", "Unauthenticated", 401,
                "a valid bearer token is required (Authorization: Bearer <JWT>)", null, null);
    }

    /** 403: the token is valid, its role or bank does not allow this. */
    public static Problem forbidden(String detail) {
        return new Problem(TYPE + "forbidden", "Forbidden", 403, detail, null, null);
    }

    /** 404: nothing of that kind with that identifier (or nothing the caller may see). */
    public static Problem notFound(String detail) {
        return notFound(detail, null);
    }

    /** 404 with an ISO 20022 reason code, e.g. the original of a return that settlement does not know. */
    public static Problem notFound(String detail, String reasonCode) {
        return new Problem(TYPE + "not-found", "Not found", 404, detail, null, reasonCode);
    }

    /** 409: the current state does not allow the action. */
    public static Problem conflict(String detail, String reasonCode) {
        return new Problem(TYPE + "conflict", "Conflict with the current state", 409, detail, null, reasonCode);
    }

    /** 409: another request changed the same record at the same time. */
    public static Problem concurrentUpdate() {
        return new Problem(TYPE + "concurrent-update", "Concurrent update", 409,
                "another request changed this resource at the same time; read it again and retry", null, null);
    }

    /** 413: the body is larger than the service reads. */
    public static Problem tooLarge(String detail) {
        return new Problem(TYPE + "too-large", "Payload too large", 413, detail, null, null);
    }

    /** 413: a simulation that would need more memory than simulations have. */
    public static Problem simulationTooLarge(String detail) {
        return new Problem(TYPE + "simulation-too-large", "Simulation too large", 413, detail, null, null);
    }

    /** 422: settlement cannot hold it (AM13): nothing was kept. */
    public static Problem exceedsCapacity(String detail, String reasonCode) {
        return new Problem(TYPE + "exceeds-capacity", "Beyond what settlement can hold", 422, detail, null, reasonCode);
    }

    /** 429: every simulation slot is taken. */
    public static Problem tooManySimulations(String detail) {
        return new Problem(TYPE + "too-many-simulations", "Too many simulations", 429, detail, null, null);
    }

    /** Any other 4xx the HTTP layer decided (404 of a path, 405, 406, 415...), in the service's words. */
    public static Problem http(int status, String title, String detail) {
        return new Problem(TYPE + "http-" + status, title, status, detail, null, null);
    }

    // --- 5xx: the service -------------------------------------------------------------------------

    /** 503: settlement cannot answer now; the detail says whether the request may still take effect. */
    public static Problem settlementUnavailable(String detail) {
        return new Problem(TYPE + "unavailable", "Settlement unavailable", 503, detail, null, null);
    }

    /** 503: the simulation store cannot be reached. */
    public static Problem simulationsUnavailable(String detail) {
        return new Problem(TYPE + "unavailable", "Simulations unavailable", 503, detail, null, null);
    }

    /** 503: the audit trail is behind; the change was not made. */
    public static Problem auditBacklog() {
        return new Problem(TYPE + "audit-backlog", "Service unavailable", 503,
                "the audit trail is behind and cannot record more changes now; nothing was changed, try again later",
                null, null);
    }

    /** 500: unforeseen; the id is that of the one log line that tells operators what happened. */
    public static Problem internal(String correlationId) {
        return new Problem(TYPE + "internal", "Internal error", 500,
                "the request could not be processed; quote the correlationId when you report it", null, null,
                correlationId);
    }

    // --- answering --------------------------------------------------------------------------------

    /** The JAX-RS answer; {@code retryAfterSeconds} above 0 adds {@code Retry-After}. */
    public static Response response(Problem problem, int retryAfterSeconds) {
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (retryAfterSeconds > 0) {
            answer.header("Retry-After", Integer.toString(retryAfterSeconds));
        }
        return answer.build();
    }

    public static Response response(Problem problem) {
        return response(problem, 0);
    }

    /**
     * The same answer on an HTTP route that runs before the REST layer; {@code close} asks the client
     * to open a new connection (after a body the service did not read).
     */
    public static void send(RoutingContext rc, Problem problem, int retryAfterSeconds, boolean close) {
        var response = rc.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (retryAfterSeconds > 0) {
            response.putHeader("Retry-After", Integer.toString(retryAfterSeconds));
        }
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(json(problem).encode());
    }

    /** The body as the REST layer writes it: the fields in order, nulls left out. */
    static JsonObject json(Problem p) {
        JsonObject json = new JsonObject().put("type", p.type()).put("title", p.title()).put("status", p.status())
                .put("detail", p.detail());
        if (p.errors() != null) {
            JsonArray errors = new JsonArray();
            p.errors().forEach(e -> errors.add(new JsonObject().put("field", e.field()).put("message", e.message())));
            json.put("errors", errors);
        }
        if (p.reasonCode() != null) {
            json.put("reasonCode", p.reasonCode());
        }
        if (p.correlationId() != null) {
            json.put("correlationId", p.correlationId());
        }
        return json;
    }
}

package io.rmbsim.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.rmbsim.web.Problem.FieldError;
import io.rmbsim.web.validation.ValidBic;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the service as {@code application/problem+json}. Input the service cannot read
 * is a 400 that names the field; state that does not allow an action is a 409; anything unforeseen is
 * logged once with a correlation id and answered as a 500 problem that carries the id and no internals.
 * A detail is always the service's own text: a parser's or the JDK's message goes to the log only.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Settlement is back within a second or two: a follower takes over, a batch is read back. */
    public static final int SETTLEMENT_RETRY_AFTER = 1;

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return Problems.response(e.problem(), e.retryAfterSeconds());
    }

    /** Settlement cannot answer now: a 503 the client may retry (the detail says whether it may still take effect). */
    @ServerExceptionMapper
    public Response unavailable(io.rmbsim.settlement.SettlementUnavailable e) {
        return Problems.response(Problems.settlementUnavailable(e.getMessage()), SETTLEMENT_RETRY_AFTER);
    }

    /** An ISO 20022 document that is hostile, malformed or not the message asked for: nothing of it is processed. */
    @ServerExceptionMapper
    public Response invalidIso20022(io.rmbsim.iso20022.Iso20022Exception e) {
        return respond(Problems.invalidIso20022(e.getMessage(), "FF01"));
    }

    /** A command settlement refused, with its reason code: nothing changed. */
    @ServerExceptionMapper
    public Response refused(io.rmbsim.settlement.SettlementRefused e) {
        var r = e.refusal();
        return switch (e.kind()) {
            case CONFLICT -> respond(Problems.conflict(r.text(), r.reasonCode()));
            case BEYOND_CAPACITY -> respond(Problems.exceedsCapacity(r.text(), r.reasonCode()));
            case NOT_FOUND -> respond(Problems.notFound(r.text(), r.reasonCode()));
        };
    }

    /** No token, or one that is expired, forged or not signed by the configured key. */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(respond(Problems.unauthenticated())).header("WWW-Authenticate", "Bearer").build();
    }

    /** A valid token whose role does not allow the action. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(Problems.forbidden("the caller's role does not allow this"));
    }

    @ServerExceptionMapper
    public Response invalidBody(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .distinct()
                .toList();
        boolean badBic = e.getConstraintViolations().stream()
                .anyMatch(v -> v.getConstraintDescriptor().getAnnotation() instanceof ValidBic);
        return respond(Problems.invalid(errors, badBic ? "RC01" : null));
    }

    /** Not JSON at all: where the reading stopped, in our words (the parser's own text stays in the log). */
    @ServerExceptionMapper
    public Response unreadableJson(StreamReadException e) {
        if (e instanceof InputCoercionException) {
            // a number too large for its field: the parser knows which field it was reading
            JsonParser parser = ((InputCoercionException) e).getProcessor();
            String field = parser == null ? "" : pathOf(parser.getParsingContext());
            return invalidField(field, "is out of range for a whole number");
        }
        LOG.debugf("unreadable JSON: %s", e.getOriginalMessage());
        JsonLocation at = e.getLocation();
        String where = at != null && at.getLineNr() > 0
                ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : "";
        return respond(Problems.malformedJson("the body is not well-formed JSON" + where));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = pathOf(e);
        return invalidField(field, "is not a field of this request");
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e) {
        return invalidField(pathOf(e), expected(e.getTargetType()));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return respond(Problems.malformedJson("the body must be a JSON object of this request's shape"));
        }
        return invalidField(field, "has the wrong JSON type; " + expected(e.getTargetType()));
    }

    /** A value the request's own type refused while it was built; only our own refusals say why. */
    @ServerExceptionMapper
    public Response unbuildable(ValueInstantiationException e) {
        if (e.getCause() instanceof ProblemException refused) {
            return refused(refused);
        }
        LOG.debugf("request value refused: %s", e.getCause());
        return invalidField(pathOf(e), "is not acceptable");
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e) {
        String field = pathOf(e);
        LOG.debugf("JSON body cannot be mapped: %s", e.getOriginalMessage());
        if (field.isEmpty()) {
            return respond(Problems.malformedJson("the body cannot be read as this request"));
        }
        return invalidField(field, "cannot be read");
    }

    @ServerExceptionMapper
    public Response unparsable(JsonProcessingException e) {
        LOG.debugf("JSON body cannot be read: %s", e.getOriginalMessage());
        return respond(Problems.malformedJson("the body cannot be read as JSON"));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof StreamReadException unreadable) {
            return unreadableJson(unreadable);
        }
        if (status == 400 && e.getCause() instanceof JsonMappingException unmappable) {
            return unmappable(unmappable);
        }
        if (status >= 500) {
            return failed(e, request);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed on this resource";
            case 406 -> "no acceptable representation for the Accept header";
            case 415 -> "unsupported Content-Type; send application/json";
            default -> "the request could not be processed";
        };
        return respond(Problems.http(status, title, detail));
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, HttpServerRequest request) {
        if (e instanceof OptimisticLockException || e instanceof PessimisticLockException
                || e instanceof LockTimeoutException || causedBy(e, org.hibernate.exception.LockAcquisitionException.class)) {
            return respond(Problems.concurrentUpdate());
        }
        if (causedBy(e, org.hibernate.exception.ConstraintViolationException.class)) {
            return respond(Problems.conflict("the request conflicts with a record that already exists", null));
        }
        return failed(e, request);
    }

    /** The client went away or sent a body that could not be read to its end: nothing to do, no alarm. */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e) {
        LOG.debugf("request body could not be read: %s", e.getMessage());
        return respond(Problems.unreadableBody());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        return failed(e, request);
    }

    /**
     * Anything unforeseen: one ERROR line with the exception and a correlation id, and a problem that
     * says nothing of the service's insides but carries the same id, for the caller to quote.
     */
    private static Response failed(Throwable e, HttpServerRequest request) {
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "request failed [correlationId=%s] %s %s", correlationId,
                request == null ? "?" : request.method(), request == null ? "?" : request.path());
        return respond(Problems.internal(correlationId));
    }


    private static Response invalidField(String field, String message) {
        String name = field.isEmpty() ? "body" : field;
        return respond(Problems.invalid(name, message, null));
    }

    private static Response respond(Problem problem) {
        return Problems.response(problem);
    }

    /** The JSON path of the field at fault, e.g. {@code debtor.name} or {@code items[2].bic}. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A violation's path without the method and parameter nodes: {@code register.body.bic} gives {@code bic}. */
    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable() && !field.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    field.append('[').append(position).append(']');
                }
            }
            if (node.getName() == null || node.getName().startsWith("<")) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** What the field takes, in the contract's words. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "expected another type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "must be a JSON string (amounts are decimal strings such as \"125000.00\", never JSON numbers)";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date YYYY-MM-DD";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO 8601 date-time with offset";
        }
        if (type == Long.class || type == Integer.class || type == Short.class || type == long.class
                || type == int.class || type == short.class || type == java.math.BigInteger.class) {
            return "must be a whole number, written without fraction or exponent";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a JSON array";
        }
        return "must be a JSON object";
    }

    /** The field a streaming parser was in, e.g. {@code payments[3].amount}. */
    private static String pathOf(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

}

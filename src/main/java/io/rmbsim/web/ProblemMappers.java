package io.rmbsim.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.rmbsim.web.Problem.FieldError;
import io.rmbsim.web.validation.ValidBic;
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
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the service as {@code application/problem+json}. Input the service cannot read
 * is a 400 that names the field; state that does not allow an action is a 409; anything unforeseen is
 * logged and answered as a 500 problem without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return respond(e.problem());
    }

    /** No token, or one that is expired, forged or not signed by the configured key. */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(respond(new Problem("urn:rmbsim:problem:unauthenticated", "Unauthenticated", 401,
                "a valid bearer token is required (Authorization: Bearer <JWT>)", null, null)))
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** A valid token whose role does not allow the action. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(new Problem("urn:rmbsim:problem:forbidden", "Forbidden", 403,
                "the caller's role does not allow this", null, null));
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
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem("urn:rmbsim:problem:invalid-input", "Invalid input", 400, detail, errors,
                badBic ? "RC01" : null));
    }

    @ServerExceptionMapper
    public Response unreadableJson(StreamReadException e) {
        return respond(new Problem("urn:rmbsim:problem:malformed-json", "Malformed JSON", 400,
                "the body is not well-formed JSON: " + e.getOriginalMessage(), null, null));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = pathOf(e);
        return invalidField(field, "is not a field of this request");
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        String message = target != null && target.isEnum()
                ? "must be one of " + Arrays.toString(target.getEnumConstants())
                : "cannot be read as " + describe(target);
        return invalidField(pathOf(e), message);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return respond(new Problem("urn:rmbsim:problem:malformed-json", "Malformed JSON", 400,
                    "the body must be a JSON object of this request's shape", null, null));
        }
        return invalidField(field, "has the wrong JSON type; expected " + describe(e.getTargetType()));
    }

    @ServerExceptionMapper
    public Response unbuildable(ValueInstantiationException e) {
        return invalidField(pathOf(e), e.getCause() != null ? e.getCause().getMessage() : "is not acceptable");
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return respond(new Problem("urn:rmbsim:problem:malformed-json", "Malformed JSON", 400,
                    "the body cannot be read: " + e.getOriginalMessage(), null, null));
        }
        return invalidField(field, "cannot be read");
    }

    @ServerExceptionMapper
    public Response unparsable(JsonProcessingException e) {
        return respond(new Problem("urn:rmbsim:problem:malformed-json", "Malformed JSON", 400,
                "the body cannot be read as JSON", null, null));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof StreamReadException unreadable) {
            return unreadableJson(unreadable);
        }
        if (status == 400 && e.getCause() instanceof JsonMappingException unmappable) {
            return unmappable(unmappable);
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(internal());
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed on this resource";
            case 406 -> "no acceptable representation for the Accept header";
            case 415 -> "unsupported Content-Type; send application/json";
            default -> e.getMessage();
        };
        return respond(new Problem("urn:rmbsim:problem:http-" + status, title, status, detail, null, null));
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        if (e instanceof OptimisticLockException || e instanceof PessimisticLockException
                || e instanceof LockTimeoutException || causedBy(e, org.hibernate.exception.LockAcquisitionException.class)) {
            return respond(new Problem("urn:rmbsim:problem:concurrent-update", "Concurrent update", 409,
                    "another request changed this resource at the same time; read it again and retry", null, null));
        }
        if (causedBy(e, org.hibernate.exception.ConstraintViolationException.class)) {
            return respond(new Problem("urn:rmbsim:problem:conflict", "Conflict with the current state", 409,
                    "the request conflicts with a record that already exists", null, null));
        }
        LOG.error("persistence failure", e);
        return respond(internal());
    }

    /** The client went away or sent a body that could not be read to its end: nothing to do, no alarm. */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e) {
        LOG.debugf("request body could not be read: %s", e.getMessage());
        return respond(new Problem("urn:rmbsim:problem:unreadable-body", "Unreadable body", 400,
                "the request body could not be read to its end", null, null));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return respond(internal());
    }

    private static Problem internal() {
        return new Problem("urn:rmbsim:problem:internal", "Internal error", 500,
                "the service failed to handle the request; nothing was changed", null, null);
    }

    private static Response invalidField(String field, String message) {
        String name = field.isEmpty() ? "body" : field;
        return respond(new Problem("urn:rmbsim:problem:invalid-input", "Invalid input", 400, name + ": " + message,
                List.of(new FieldError(name, message)), null));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
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

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == java.time.LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return type.getSimpleName();
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

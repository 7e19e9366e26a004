package io.rmbsim.web;

import static io.rmbsim.Api.postRaw;
import static io.rmbsim.Api.problem;
import static io.rmbsim.web.StrictNumbersTest.ownWords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.rmbsim.WarningLog;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * A problem's detail is the service's own text: what was wrong and where, never a parser's or the
 * JDK's message. Anything unforeseen is a generic 500 with a correlation id, and the exception goes to
 * one log line that carries the same id.
 */
@QuarkusTest
class NoInternalsInProblemsTest {

    @Test
    void malformedJsonIsAnsweredInTheServicesWordsWithWhereItStopped() {
        ownWords(problem(postRaw("/api/v1/alliance/members", "{\"name\":\"M\",\"category\":\"BANK\",\"country\" \"CN\"}"), 400))
                .body("type", equalTo("urn:rmbsim:problem:malformed-json"))
                .body("detail", org.hamcrest.Matchers.matchesPattern("the body is not well-formed JSON \\(line 1, column \\d+\\)"))
                .body(not(containsString("Unexpected character")))
                .body(not(containsString("was expecting")));
        ownWords(problem(postRaw("/api/v1/alliance/members", "{\"name\":\"M\",\"category\":\"BANK\","), 400))
                .body(not(containsString("end-of-input")));
        ownWords(problem(postRaw("/api/v1/alliance/members", "{\"name\":tru}"), 400))
                .body(not(containsString("Unrecognized token")));
    }

    @Test
    void aValueOfTheWrongShapeNamesTheFieldInTheServicesWords() {
        ownWords(problem(postRaw("/api/v1/alliance/members", "{\"name\":\"M\",\"category\":\"BANK\",\"country\":\"CN\","
                + "\"joinedOn\":\"+1000000000-01-01\"}"), 400)).body("errors[0].field", equalTo("joinedOn"));
        ownWords(problem(postRaw("/api/v1/alliance/members", "{\"name\":\"M\",\"category\":\"BANK\",\"country\":\"CN\","
                + "\"joinedOn\":99999999999999}"), 400)).body("errors[0].field", equalTo("joinedOn"))
                .body(not(containsString("EpochDay")));
        ownWords(problem(postRaw("/api/v1/alliance/members", "[1,2]"), 400));
        ownWords(problem(postRaw("/api/v1/alliance/members", "{\"name\":[\"M\"],\"category\":\"BANK\"}"), 400))
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void anUnexpectedFailureIsAGeneric500WithACorrelationIdThatOneLogLineCarries() {
        jakarta.ws.rs.core.Response answer;
        List<LogRecord> logged;
        try (WarningLog log = WarningLog.open()) {
            answer = new ProblemMappers().unexpected(
                    new java.time.DateTimeException("Invalid value for EpochDay (valid values -365243219162 - 365241780471)"), null);
            logged = log.records();
        }
        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        Problem body = (Problem) answer.getEntity();
        assertThat(body.detail()).isEqualTo("the request could not be processed; quote the correlationId when you report it")
                .doesNotContain("EpochDay");
        assertThat(body.correlationId()).matches("[0-9a-f-]{36}");
        assertThat(logged).hasSize(1);
        LogRecord line = logged.get(0);
        assertThat(line.getLevel()).isEqualTo(Level.SEVERE);
        assertThat(line.getThrown()).isInstanceOf(java.time.DateTimeException.class);
        assertThat(formatted(line)).contains(body.correlationId());
    }

    private static String formatted(LogRecord record) {
        if (record instanceof org.jboss.logmanager.ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        return parameters == null ? message : message + " " + java.util.Arrays.toString(parameters);
    }
}

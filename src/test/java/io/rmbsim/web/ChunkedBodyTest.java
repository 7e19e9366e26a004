package io.rmbsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.rmbsim.Api;
import io.rmbsim.Payments;
import io.rmbsim.WarningLog;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies sent without a length (Transfer-Encoding: chunked), as streaming clients send them: within
 * quarkus.http.limits.max-body-size they are taken like any other; beyond it they are refused with the
 * same 413 problem as a body that announced its length, and one WARN line, never an ERROR.
 */
@QuarkusTest
class ChunkedBodyTest {

    private static final long OVER_THE_LIMIT = 3L * 1024 * 1024;

    private WarningLog logged;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void captureWarnings() {
        logged = WarningLog.open();
    }

    @AfterEach
    void stopCapturing() {
        logged.close();
    }

    @Test
    void anOversizedChunkedBodyIsA413ProblemWithOneWarningAndNoError() throws Exception {
        String bank = Payments.newDirect();
        // well-formed as far as it goes, so that only its size is wrong
        send("/api/v1/payments", "application/json", "{\"uetr\":\"" + UUID.randomUUID() + "\",\"remittanceInformation\":\"", 'x');
        send("/api/v1/payments", "application/xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf><GrpHdr><MsgId>", 'M');
        send("/api/v1/simulations?seed=1&modes=RTGS", "text/csv", "time,debtorAgent,creditorAgent,amount,priority\n", 'x');
        send("/api/v1/accounts/" + bank + "/liquidity", "application/json", "{\"direction\":\"IN\",\"reference\":\"", 'x');
        List<LogRecord> seen = logged.records();
        assertThat(seen).as("no ERROR for a refused body").noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue());
        assertThat(seen).as("at most one WARN line per request").hasSizeLessThanOrEqualTo(4);
        assertThat(seen).allMatch(r -> r.getThrown() == null, "without a stack trace");
        assertThat(Payments.balance(bank)).isEqualTo("0.00");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsTakenLikeAnyOther() throws Exception {
        String debtor = Payments.newDirect();
        String creditor = Payments.newDirect();
        Payments.fund(debtor, "10.00");
        String uetr = UUID.randomUUID().toString();
        HttpResponse<String> paid = http.send(chunked("/api/v1/payments", "application/json",
                stream(("{\"uetr\":\"" + uetr + "\",\"endToEndId\":\"CHUNKED\",\"debtorAgent\":\"" + debtor + "\",\"creditorAgent\":\""
                        + creditor + "\",\"amount\":\"1.00\",\"currency\":\"CNY\"}").getBytes(StandardCharsets.UTF_8))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        assertThat(Payments.status(uetr)).isEqualTo("SETTLED");
        HttpResponse<String> csv = http.send(chunked("/api/v1/simulations?seed=1&modes=RTGS", "text/csv",
                stream("time,debtorAgent,creditorAgent,amount,priority\n2021-03-01T09:00:00+08:00,XAAACNX0,YAAACNX0,1.00,NORM\n"
                        .getBytes(StandardCharsets.UTF_8))), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).as(csv.body()).isIn(202, 429);
    }

    private void send(String path, String contentType, String prefix, char filler) throws Exception {
        HttpResponse<String> r = http.send(chunked(path, contentType, oversized(prefix, filler)), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", contentType, path, r.body()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Problem.MEDIA_TYPE));
        JsonPath problem = JsonPath.from(r.body());
        assertThat(problem.getString("type")).isEqualTo("urn:rmbsim:problem:too-large");
        assertThat(problem.getInt("status")).isEqualTo(413);
        assertThat(problem.getString("title")).isEqualTo("Payload too large");
        assertThat(problem.getString("detail")).contains("larger than").contains("bytes");
    }

    private HttpRequest chunked(String path, String contentType, InputStream body) {
        // ofInputStream has no length: the client sends Transfer-Encoding: chunked
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + Api.operator())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static InputStream oversized(String prefix, char filler) {
        InputStream rest = new InputStream() {
            private long left = OVER_THE_LIMIT;

            @Override
            public int read() {
                return left-- > 0 ? filler : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) filler);
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(stream(prefix.getBytes(StandardCharsets.UTF_8)), rest);
    }
}

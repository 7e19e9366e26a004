package io.rmbsim.web;

import static io.rmbsim.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.rmbsim.Payments;
import io.rmbsim.TestData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated malformed and hostile bodies against every write endpoint: broken and deeply nested
 * JSON, huge numbers and strings, wrong types, unicode tricks, XML with DTDs, external entities and
 * entity expansion, oversized payloads. Never a 500; a refused request changes nothing (what each
 * collection holds grows by exactly the number of requests that were accepted).
 */
@QuarkusTest
class HostileInputTest {

    static final int PER_ENDPOINT = 300;

    record Endpoint(String name, String path, String contentType, String valid) {
    }

    /** A payment no one sent: what the cancellation, return and status bodies name, so nothing can move. */
    static final String UNKNOWN = "7c1d9e2a-3b4f-4a5e-8f6d-0a1b2c3d4e5f";

    @Test
    void noHostileBodyGetsA500OrChangesAnythingWhenRefused() throws InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String base = "http://localhost:" + io.restassured.RestAssured.port;
        String token = io.rmbsim.Api.operator();
        String agent = Payments.newDirect();
        String payer = Payments.newDirect();
        String application = given().contentType("application/json").body(Map.of("bic", TestData.newBic("RU"), "name", "Hostile Applicant",
                "country", "RU", "settlementAgent", agent, "institutionType", "BANK")).post("/api/v1/applications")
                .then().statusCode(201).extract().path("id");
        String member = given().contentType("application/json").body(Map.of("name", "Hostile Fund " + agent, "category", "FUND",
                "country", "CN", "joinedOn", "2023-01-01")).post("/api/v1/alliance/members").then().statusCode(201).extract().path("id");
        List<Endpoint> endpoints = List.of(
                new Endpoint("participants", "/api/v1/participants", "application/json",
                        "{\"bic\":\"" + TestData.newBic("RU") + "\",\"name\":\"N\",\"country\":\"RU\",\"participation\":\"INDIRECT\",\"settlementAgent\":\"" + agent + "\",\"institutionType\":\"BANK\"}"),
                new Endpoint("applications", "/api/v1/applications", "application/json",
                        "{\"bic\":\"" + TestData.newBic("RU") + "\",\"name\":\"N\",\"country\":\"RU\",\"settlementAgent\":\"" + agent + "\",\"institutionType\":\"BANK\"}"),
                new Endpoint("reject", "/api/v1/applications/" + application + "/reject", "application/json", "{\"reason\":\"no\"}"),
                new Endpoint("members", "/api/v1/alliance/members", "application/json",
                        "{\"name\":\"M\",\"category\":\"BANK\",\"country\":\"CN\",\"joinedOn\":\"2023-02-02\"}"),
                new Endpoint("withdraw", "/api/v1/alliance/members/" + member + "/withdraw", "application/json", "{\"leftOn\":\"2024-01-01\"}"),
                new Endpoint("liquidity", "/api/v1/accounts/" + payer + "/liquidity", "application/json",
                        "{\"direction\":\"IN\",\"amount\":\"1.00\",\"currency\":\"CNY\"}"),
                new Endpoint("payments", "/api/v1/payments", "application/json",
                        "{\"uetr\":\"0e8a3b1e-8c55-4a4f-9d2b-6f1a2b3c4d5e\",\"endToEndId\":\"E\",\"debtorAgent\":\"" + payer + "\",\"creditorAgent\":\"" + agent + "\",\"amount\":\"1.00\",\"currency\":\"CNY\"}"),
                new Endpoint("pacs.008", "/api/v1/payments", "application/xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf><GrpHdr><MsgId>M</MsgId></GrpHdr><CdtTrfTxInf><PmtId><EndToEndId>E</EndToEndId></PmtId><IntrBkSttlmAmt Ccy=\"CNY\">1.00</IntrBkSttlmAmt><DbtrAgt><FinInstnId><BICFI>" + payer + "</BICFI></FinInstnId></DbtrAgt><CdtrAgt><FinInstnId><BICFI>" + agent + "</BICFI></FinInstnId></CdtrAgt></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"),
                new Endpoint("pacs.009", "/api/v1/payments", "application/xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08\"><FICdtTrf><GrpHdr><MsgId>M</MsgId></GrpHdr><CdtTrfTxInf><PmtId><EndToEndId>E</EndToEndId></PmtId><IntrBkSttlmAmt Ccy=\"CNY\">1.00</IntrBkSttlmAmt><Dbtr><FinInstnId><BICFI>" + payer + "</BICFI></FinInstnId></Dbtr><Cdtr><FinInstnId><BICFI>" + agent + "</BICFI></FinInstnId></Cdtr></CdtTrfTxInf></FICdtTrf></Document>"),
                new Endpoint("camt.056", "/api/v1/payments/cancellation-requests", "application/xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.056.001.08\"><FIToFIPmtCxlReq><Assgnmt><Id>M</Id><Assgnr><Agt><FinInstnId><BICFI>" + payer + "</BICFI></FinInstnId></Agt></Assgnr></Assgnmt><Undrlyg><TxInf><CxlId>C</CxlId><OrgnlEndToEndId>E</OrgnlEndToEndId><OrgnlUETR>" + UNKNOWN + "</OrgnlUETR></TxInf></Undrlyg></FIToFIPmtCxlReq></Document>"),
                new Endpoint("cancellation-requests", "/api/v1/payments/cancellation-requests", "application/json",
                        "{\"cancellations\":[{\"uetr\":\"" + UNKNOWN + "\",\"cancellationId\":\"C\",\"reasonCode\":\"DUPL\"}]}"),
                new Endpoint("pacs.004", "/api/v1/payments/returns", "application/xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.004.001.09\"><PmtRtr><GrpHdr><MsgId>M</MsgId></GrpHdr><TxInf><RtrId>R</RtrId><OrgnlEndToEndId>E</OrgnlEndToEndId><OrgnlUETR>" + UNKNOWN + "</OrgnlUETR><RtrdIntrBkSttlmAmt Ccy=\"CNY\">1.00</RtrdIntrBkSttlmAmt><RtrRsnInf><Rsn><Cd>AC04</Cd></Rsn></RtrRsnInf></TxInf></PmtRtr></Document>"),
                new Endpoint("returns", "/api/v1/payments/returns", "application/json",
                        "{\"uetr\":\"1e8a3b1e-8c55-4a4f-9d2b-6f1a2b3c4d5e\",\"returnOf\":\"" + UNKNOWN + "\",\"amount\":\"1.00\",\"reasonCode\":\"AC04\"}"),
                new Endpoint("pacs.028", "/api/v1/payments/status-requests", "application/xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.028.001.03\"><FIToFIPmtStsReq><GrpHdr><MsgId>M</MsgId></GrpHdr><TxInf><StsReqId>S</StsReqId><OrgnlEndToEndId>E</OrgnlEndToEndId><OrgnlUETR>" + UNKNOWN + "</OrgnlUETR></TxInf></FIToFIPmtStsReq></Document>"),
                new Endpoint("status-requests", "/api/v1/payments/status-requests", "application/json",
                        "{\"requests\":[{\"uetr\":\"" + UNKNOWN + "\",\"statusRequestId\":\"S\"}]}"),
                new Endpoint("simulations", "/api/v1/simulations", "application/json",
                        "{\"seed\":1,\"modes\":[\"RTGS\"],\"payments\":[{\"time\":\"2021-03-01T09:00:00+08:00\",\"debtorAgent\":\"XAAACNX0\",\"creditorAgent\":\"YAAACNX0\",\"amount\":\"1.00\"}]}"),
                new Endpoint("simulations.csv", "/api/v1/simulations?seed=1&modes=RTGS", "text/csv",
                        "time,debtorAgent,creditorAgent,amount,priority\n2021-03-01T09:00:00+08:00,XAAACNX0,YAAACNX0,1.00,NORM\n"));

        Map<String, Integer> before = counts(payer);
        Random random = new Random(20211104);
        Map<String, Integer> tried = new LinkedHashMap<>();
        Map<String, Integer> accepted = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            for (int i = 0; i < PER_ENDPOINT; i++) {
                String body = e.contentType().equals("application/xml") ? hostileXml(random, e.valid()) : hostile(random, e.valid());
                java.net.http.HttpResponse<String> r;
                try {
                    // a plain client: REST Assured renders every body it sends, which costs minutes here
                    r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + e.path()))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", e.contentType() + "; charset=UTF-8")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException sendFailed) {
                    // beyond the size limit the service answers 413 and closes the connection while the
                    // client still writes: refused, as it should be
                    assertThat(body.length()).as("only an oversized body may be cut off: %s", sendFailed).isGreaterThan(1_000_000);
                    tried.merge(e.name(), 1, Integer::sum);
                    continue;
                }
                int status = r.statusCode();
                assertThat(status).as("%s with %s", e.name(), abbreviate(body)).isLessThan(500);
                if (status >= 400) {
                    assertThat(r.headers().firstValue("Content-Type").orElse("")).as("%s %d", e.name(), status)
                            .startsWith("application/problem+json");
                }
                if (status < 300 && !e.contentType().equals("application/xml")) {
                    accepted.merge(e.name(), 1, Integer::sum);
                }
                tried.merge(e.name(), 1, Integer::sum);
            }
        }
        System.out.println("hostile input: tried " + tried + ", accepted (well-formed after all) " + accepted);
        Map<String, Integer> after = counts(payer);
        assertThat(after.get("participants")).isEqualTo(before.get("participants") + accepted.getOrDefault("participants", 0));
        assertThat(after.get("applications")).isEqualTo(before.get("applications") + accepted.getOrDefault("applications", 0));
        assertThat(after.get("members")).isEqualTo(before.get("members") + accepted.getOrDefault("members", 0));
        assertThat(after.get("postings")).as("liquidity and payments of the payer")
                .isEqualTo(before.get("postings") + accepted.getOrDefault("liquidity", 0));
    }

    private static Map<String, Integer> counts(String payer) {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("participants", given().get("/api/v1/participants?size=1").then().extract().path("total"));
        c.put("applications", given().get("/api/v1/applications?size=1").then().extract().path("total"));
        c.put("members", given().get("/api/v1/alliance/members?size=1").then().extract().path("total"));
        c.put("postings", given().get("/api/v1/accounts/" + payer + "/postings?size=1").then().extract().path("total"));
        return c;
    }

    private static final String[] TRICKS = {"\u202Eevil", "\u0000", "\uFEFF", "\u200B", "\uD800", "e\u0301", "Ａ", "\\u0000",
            "𝓗𝓒𝓒𝓑", "' OR '1'='1", "<script>alert(1)</script>", "../../etc/passwd", "%00", "\r\n", "null", "NaN", "-0",
            "1e400", "99999999999999999999999999999999999999", "-1", "0.001", "HCCBCNBH", "\t", "\"\\\""};

    /** A mutation of a valid JSON body that is malformed, mistyped, oversized or tricky. */
    static String hostile(Random random, String valid) {
        switch (random.nextInt(12)) {
            case 0:
                return valid.substring(0, random.nextInt(valid.length())); // truncated
            case 1:
                return "[".repeat(2_000 + random.nextInt(20_000)) + "]".repeat(10); // deeply nested
            case 2:
                return "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
            case 3:
                return valid.replaceFirst(":\"[^\"]*\"", ":" + "9".repeat(1 + random.nextInt(5_000))); // huge number
            case 4:
                return valid.replaceFirst(":\"[^\"]*\"", ":\"" + "x".repeat(10_000 + random.nextInt(200_000)) + "\""); // huge string
            case 5:
                return valid.replaceFirst(":\"[^\"]*\"", ":" + List.of("true", "null", "[]", "{}", "1.5e308", "-1", "[\"a\"]").get(random.nextInt(7)));
            case 6: {
                String trick = TRICKS[random.nextInt(TRICKS.length)];
                return valid.replaceFirst(":\"([^\"]*)\"", ":\"$1" + java.util.regex.Matcher.quoteReplacement(trick.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"");
            }
            case 7:
                return valid.replace("}", ",\"extra\":1}"); // unknown field
            case 8:
                return valid.replaceFirst("\"([a-zA-Z]+)\":", "\"$1\":1,\"$1\":"); // duplicate key
            case 9:
                return valid + " trailing";
            case 10: {
                char[] noise = new char[1 + random.nextInt(200)];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (char) random.nextInt(0x3000);
                }
                return new String(noise);
            }
            default:
                return "x".repeat(1_100_000 + random.nextInt(100_000)); // beyond the 1 MB limit
        }
    }

    /** XML that is broken or hostile: DTDs, external entities, expansion bombs, deep nesting, huge text. */
    static String hostileXml(Random random, String valid) {
        switch (random.nextInt(8)) {
            case 0:
                return "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + valid.replace("<EndToEndId>E", "<EndToEndId>&x;");
            case 1:
                return "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                        + valid.replace("<MsgId>M", "<MsgId>&c;");
            case 2:
                return "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x.dtd\"> %p;]>" + valid;
            case 3:
                return valid.substring(0, random.nextInt(valid.length()));
            case 4:
                return "<a>".repeat(1_000 + random.nextInt(5_000)) + "</a>";
            case 5:
                return valid.replace("<MsgId>M", "<MsgId>" + "M".repeat(20_000));
            case 6:
                return "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\"/>";
            default:
                return valid.replace("CNY\">1.00", "CNY\">" + TRICKS[random.nextInt(TRICKS.length)].replace("<", "&lt;"));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "... (" + s.length() + " chars)";
    }
}

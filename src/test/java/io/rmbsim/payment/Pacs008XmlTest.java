package io.rmbsim.payment;

import static io.rmbsim.Api.given;
import static io.rmbsim.Payments.fund;
import static io.rmbsim.Payments.newDirect;
import static io.rmbsim.Payments.newIndirect;
import static io.rmbsim.TestData.HARBIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class Pacs008XmlTest {

    public static String document(String msgId, String... transactions) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf>"
                + "<GrpHdr><MsgId>" + msgId + "</MsgId><CreDtTm>2021-06-30T10:00:00+08:00</CreDtTm>"
                + "<NbOfTxs>" + transactions.length + "</NbOfTxs><SttlmInf><SttlmMtd>CLRG</SttlmMtd></SttlmInf></GrpHdr>"
                + String.join("", transactions) + "</FIToFICstmrCdtTrf></Document>";
    }

    public static String transaction(String uetr, String from, String to, String amount, String currency) {
        return "<CdtTrfTxInf><PmtId><InstrId>I-" + uetr.substring(0, 8) + "</InstrId><EndToEndId>E-" + uetr.substring(0, 8)
                + "</EndToEndId><UETR>" + uetr + "</UETR></PmtId>"
                + "<IntrBkSttlmAmt Ccy=\"" + currency + "\">" + amount + "</IntrBkSttlmAmt><ChrgBr>SHAR</ChrgBr>"
                + "<DbtrAgt><FinInstnId><BICFI>" + from + "</BICFI></FinInstnId></DbtrAgt>"
                + "<CdtrAgt><FinInstnId><BICFI>" + to + "</BICFI></FinInstnId></CdtrAgt>"
                + "<Dbtr><Nm>Khabarovsk Grain LLC</Nm></Dbtr><Cdtr><Nm>Heilongjiang Agri Co</Nm></Cdtr>"
                + "<RmtInf><Ustrd>Rice shipment</Ustrd></RmtInf></CdtTrfTxInf>";
    }

    static XmlPath submit(String xml) {
        String answer = given().contentType("application/xml").body(xml).when().post("/api/v1/payments").then()
                .statusCode(200).contentType("application/xml").extract().asString();
        return XmlPath.from(answer);
    }

    @Test
    void threeTransactionsAnswerAPacs002WithThreeStatuses() {
        String russian = newIndirect(HARBIN, "RU");
        String chinese = newDirect();
        String empty = newDirect();
        fund(russian, "1000.00");
        fund(HARBIN, "1000.00");
        String settles = UUID.randomUUID().toString();
        String queues = UUID.randomUUID().toString();
        String foreign = UUID.randomUUID().toString();
        XmlPath report = submit(document("MSG-" + settles.substring(0, 8),
                transaction(settles, russian, chinese, "250.00", "CNY"),
                transaction(queues, empty, russian, "75.5", "CNY"),
                transaction(foreign, russian, chinese, "10.00", "USD")));
        assertThat(report.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.OrgnlUETR")).containsExactly(settles, queues, foreign);
        assertThat(report.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).containsExactly("ACSC", "PDNG", "RJCT");
        assertThat(report.getString("Document.FIToFIPmtStsRpt.TxInfAndSts[2].StsRsnInf.Rsn.Cd")).isEqualTo("AM03");
        given().get("/api/v1/payments/" + settles).then().body("status", equalTo("SETTLED"))
                .body("remittanceInformation", equalTo("Rice shipment")).body("debtor.name", equalTo("Khabarovsk Grain LLC"));
        given().get("/api/v1/payments/" + queues).then().body("amount", equalTo("75.50")).body("status", equalTo("QUEUED"));
    }

    /**
     * A document of the contract's thousand transactions goes to settlement as one command and is
     * written in one journal transaction: the journal's payments-per-write summary gains one write of
     * a thousand new payments. (Other writes meanwhile, the audit's or the timetable's, insert none.)
     */
    @Test
    void aThousandTransactionsSettleInOrderInOneJournalWrite() {
        String russian = newIndirect(HARBIN, "RU");
        String chinese = newDirect();
        fund(russian, "1000.00");
        fund(HARBIN, "1000.00");
        String[] transactions = new String[PaymentResource.MAX_TRANSACTIONS];
        String[] uetrs = new String[transactions.length];
        for (int i = 0; i < transactions.length; i++) {
            uetrs[i] = UUID.randomUUID().toString();
            transactions[i] = transaction(uetrs[i], russian, chinese, "1.00", "CNY");
        }
        double[] before = journalWrites();
        XmlPath report = submit(document("BULK-" + uetrs[0].substring(0, 8), transactions));
        double[] after = journalWrites();
        assertThat(report.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.OrgnlUETR")).containsExactly((Object[]) uetrs);
        assertThat(report.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).containsOnly("ACSC");
        assertThat(after[0] - before[0]).as("journal writes that took new payments").isEqualTo(1);
        assertThat(after[1] - before[1]).as("new payments they took").isEqualTo(1000);
        given().get("/api/v1/accounts/" + chinese).then().body("balance", equalTo("1000.00"));
    }

    /** The journal's writes that took new payments, and how many they took. */
    static double[] journalWrites() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return new double[] {metric(metrics, "rmbsim_journal_payments_per_write_count"),
            metric(metrics, "rmbsim_journal_payments_per_write_sum")};
    }

    private static double metric(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    @Test
    void theSameDocumentAgainSettlesNothingTwice() {
        String x = newDirect();
        String y = newDirect();
        fund(x, "10.00");
        String uetr = UUID.randomUUID().toString();
        String xml = document("MSG-" + uetr.substring(0, 8), transaction(uetr, x, y, "10.00", "CNY"));
        assertThat(submit(xml).getString("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).isEqualTo("ACSC");
        assertThat(submit(xml).getString("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).isEqualTo("ACSC");
        given().get("/api/v1/accounts/" + y).then().body("balance", equalTo("10.00"));
    }

    @Test
    void malformedTransactionsAreRejectedOneByOne() {
        String x = newDirect();
        String y = newDirect();
        String ok = UUID.randomUUID().toString();
        String badBic = UUID.randomUUID().toString();
        XmlPath report = submit(document("MSG-B", transaction(ok, x, y, "1.00", "CNY"),
                transaction(badBic, "NOT-A-BIC", y, "1.00", "CNY")));
        assertThat(report.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).containsExactly("PDNG", "RJCT");
        assertThat(report.getString("Document.FIToFIPmtStsRpt.TxInfAndSts[1].StsRsnInf.Rsn.Cd")).isEqualTo("RC01");
    }

    @Test
    void thePublishedSampleIsReadAndItsDollarsAreRefused() throws IOException {
        String sample;
        try (InputStream in = getClass().getResourceAsStream("/iso20022/pacs.008.001.07-with-apphdr.xml")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        XmlPath report = submit(sample);
        assertThat(report.getString("Document.FIToFIPmtStsRpt.OrgnlGrpInfAndSts.OrgnlMsgNmId")).isEqualTo("pacs.008.001.07");
        assertThat(report.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).containsExactly("RJCT");
        assertThat(report.getString("Document.FIToFIPmtStsRpt.TxInfAndSts.StsRsnInf.Rsn.Cd")).isEqualTo("AM03");
    }

    @Test
    void documentsWithADtdOrEntitiesOrBrokenXmlAreRefusedWhole() {
        String uetr = UUID.randomUUID().toString();
        String x = newDirect();
        String y = newDirect();
        String body = transaction(uetr, x, y, "1.00", "CNY");
        for (String hostile : List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + document("M", body).substring(38),
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                        + document("M", body).substring(38).replace("Rice shipment", "&b;"),
                document("M", body).replace("</Document>", ""),
                "not xml at all")) {
            given().contentType("application/xml").body(hostile).when().post("/api/v1/payments").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().get("/api/v1/payments/" + uetr).then().statusCode(404);
    }
}

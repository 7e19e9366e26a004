package io.rmbsim.payment;

import static io.rmbsim.Api.as;
import static io.rmbsim.Api.given;
import static io.rmbsim.Api.member;
import static io.rmbsim.Payments.balance;
import static io.rmbsim.Payments.fund;
import static io.rmbsim.Payments.newDirect;
import static io.rmbsim.Payments.pay;
import static io.rmbsim.Payments.payment;
import static io.rmbsim.Payments.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.prowidesoftware.swift.model.mx.MxCamt02900109;
import com.prowidesoftware.swift.model.mx.MxCamt05600108;
import com.prowidesoftware.swift.model.mx.MxPacs00200110;
import com.prowidesoftware.swift.model.mx.MxPacs00400109;
import com.prowidesoftware.swift.model.mx.MxPacs00900108;
import com.prowidesoftware.swift.model.mx.MxPacs02800103;
import com.prowidesoftware.swift.model.mx.dic.ActiveCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CaseAssignment5;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction36;
import com.prowidesoftware.swift.model.mx.dic.FIToFIPaymentCancellationRequestV08;
import com.prowidesoftware.swift.model.mx.dic.FIToFIPaymentStatusRequestV03;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionCreditTransferV08;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader90;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader91;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader93;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification7;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnReason6;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnV09;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction106;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction110;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction112;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction113;
import com.prowidesoftware.swift.model.mx.dic.ReturnReason5Choice;
import com.prowidesoftware.swift.model.mx.dic.SettlementInstruction7;
import com.prowidesoftware.swift.model.mx.dic.SettlementMethod1Code;
import com.prowidesoftware.swift.model.mx.dic.UnderlyingTransaction23;
import io.quarkus.test.junit.QuarkusTest;
import io.rmbsim.Api;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The message portfolio a participant exchanges besides pacs.008: its own funds (pacs.009),
 * cancellation (camt.056 answered by camt.029), returns (pacs.004) and status requests (pacs.028), each
 * in XML and in JSON, with the refusals a client meets.
 */
@QuarkusTest
public class MessagePortfolioTest {

    static final String PACS009 = "urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08";
    static final String CAMT056 = "urn:iso:std:iso:20022:tech:xsd:camt.056.001.08";
    static final String PACS004 = "urn:iso:std:iso:20022:tech:xsd:pacs.004.001.09";
    static final String PACS028 = "urn:iso:std:iso:20022:tech:xsd:pacs.028.001.03";

    static String pacs009(String msgId, String uetr, String from, String to, String amount) {
        return "<Document xmlns=\"" + PACS009 + "\"><FICdtTrf><GrpHdr><MsgId>" + msgId + "</MsgId>"
                + "<CreDtTm>2026-12-03T10:00:00+08:00</CreDtTm><NbOfTxs>1</NbOfTxs><SttlmInf><SttlmMtd>CLRG</SttlmMtd>"
                + "</SttlmInf></GrpHdr><CdtTrfTxInf><PmtId><InstrId>I-" + uetr.substring(0, 8) + "</InstrId>"
                + "<EndToEndId>FI-" + uetr.substring(0, 8) + "</EndToEndId><UETR>" + uetr + "</UETR></PmtId>"
                + "<IntrBkSttlmAmt Ccy=\"CNY\">" + amount + "</IntrBkSttlmAmt>"
                + "<Dbtr><FinInstnId><BICFI>" + from + "</BICFI></FinInstnId></Dbtr>"
                + "<Cdtr><FinInstnId><BICFI>" + to + "</BICFI></FinInstnId></Cdtr></CdtTrfTxInf></FICdtTrf></Document>";
    }

    static String camt056(String assigner, String... uetrs) {
        StringBuilder txs = new StringBuilder();
        for (String uetr : uetrs) {
            txs.append("<TxInf><CxlId>CXL-").append(uetr, 0, 8).append("</CxlId><OrgnlUETR>").append(uetr)
                    .append("</OrgnlUETR><CxlRsnInf><Rsn><Cd>DUPL</Cd></Rsn></CxlRsnInf></TxInf>");
        }
        return "<Document xmlns=\"" + CAMT056 + "\"><FIToFIPmtCxlReq><Assgnmt><Id>CASE-" + uetrs[0].substring(0, 8)
                + "</Id><Assgnr><Agt><FinInstnId><BICFI>" + assigner + "</BICFI></FinInstnId></Agt></Assgnr>"
                + "<Assgne><Agt><FinInstnId><BICFI>CIPSCNSHXXX</BICFI></FinInstnId></Agt></Assgne>"
                + "<CreDtTm>2026-12-03T10:00:00+08:00</CreDtTm></Assgnmt><Undrlyg>" + txs + "</Undrlyg>"
                + "</FIToFIPmtCxlReq></Document>";
    }

    static String pacs004(String msgId, String returnId, String originalUetr, String amount, String reason) {
        return "<Document xmlns=\"" + PACS004 + "\"><PmtRtr><GrpHdr><MsgId>" + msgId + "</MsgId>"
                + "<CreDtTm>2026-12-03T10:00:00+08:00</CreDtTm><NbOfTxs>1</NbOfTxs><SttlmInf><SttlmMtd>CLRG</SttlmMtd>"
                + "</SttlmInf></GrpHdr><TxInf><RtrId>" + returnId + "</RtrId><OrgnlEndToEndId>NOTPROVIDED</OrgnlEndToEndId>"
                + "<OrgnlUETR>" + originalUetr + "</OrgnlUETR><RtrdIntrBkSttlmAmt Ccy=\"CNY\">" + amount
                + "</RtrdIntrBkSttlmAmt><RtrRsnInf><Rsn><Cd>" + reason + "</Cd></Rsn><AddtlInf>account closed</AddtlInf>"
                + "</RtrRsnInf></TxInf></PmtRtr></Document>";
    }

    static String pacs028(String msgId, String... uetrs) {
        StringBuilder txs = new StringBuilder();
        for (String uetr : uetrs) {
            txs.append("<TxInf><StsReqId>Q-").append(uetr, 0, 8).append("</StsReqId><OrgnlUETR>").append(uetr)
                    .append("</OrgnlUETR></TxInf>");
        }
        return "<Document xmlns=\"" + PACS028 + "\"><FIToFIPmtStsReq><GrpHdr><MsgId>" + msgId + "</MsgId>"
                + "<CreDtTm>2026-12-03T10:00:00+08:00</CreDtTm></GrpHdr>" + txs + "</FIToFIPmtStsReq></Document>";
    }

    static XmlPath postXml(RequestSpecification as, String path, String xml) {
        return XmlPath.from(as.contentType("application/xml").body(xml).when().post(path).then().statusCode(200)
                .contentType("application/xml").extract().asString());
    }

    static XmlPath postXml(String path, String xml) {
        return postXml(given(), path, xml);
    }

    static void refusedXml(RequestSpecification as, String path, String xml, int status) {
        as.contentType("application/xml").body(xml).when().post(path).then().statusCode(status)
                .contentType("application/problem+json");
    }

    /** A new direct participant with {@code amount} on its account. */
    static String funded(String amount) {
        String bic = newDirect();
        fund(bic, amount);
        return bic;
    }

    // ---- pacs.009 -------------------------------------------------------------------------------

    @Test
    void institutionTransfersSettleLikeCustomerTransfersInXmlAndJson() {
        String a = funded("500.00");
        String b = newDirect();
        String uetr = UUID.randomUUID().toString();
        XmlPath report = postXml("/api/v1/payments", pacs009("FI-" + uetr.substring(0, 8), uetr, a, b, "200.00"));
        assertThat(report.getString("Document.FIToFIPmtStsRpt.OrgnlGrpInfAndSts.OrgnlMsgNmId")).isEqualTo("pacs.009.001.08");
        assertThat(report.getString("Document.FIToFIPmtStsRpt.TxInfAndSts.OrgnlUETR")).isEqualTo(uetr);
        assertThat(report.getString("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).isEqualTo("ACSC");
        given().get("/api/v1/payments/" + uetr).then().body("kind", equalTo("INSTITUTION")).body("status", equalTo("SETTLED"))
                .body("debtorAgent", equalTo(a)).body("creditorAgent", equalTo(b));

        Map<String, Object> json = payment(a, b, "300.00");
        json.put("kind", "INSTITUTION");
        Api.post("/api/v1/payments", json).statusCode(201).body("kind", equalTo("INSTITUTION")).body("status", equalTo("SETTLED"));
        assertThat(balance(a)).isEqualTo("0.00");
        assertThat(balance(b)).isEqualTo("500.00");

        // an institution's own transfer has no customers; a return has its own path
        Map<String, Object> withCustomer = payment(b, a, "1.00");
        withCustomer.put("kind", "INSTITUTION");
        withCustomer.put("debtor", Map.of("name", "Someone"));
        Api.post("/api/v1/payments", withCustomer).statusCode(400).contentType("application/problem+json");
        Map<String, Object> asReturn = payment(b, a, "1.00");
        asReturn.put("kind", "RETURN");
        Api.post("/api/v1/payments", asReturn).statusCode(400).contentType("application/problem+json");
        assertThat(balance(b)).isEqualTo("500.00");
    }

    @Test
    void aMembersPacs009FromAnotherBankOrBrokenIsRefusedWhole() {
        String a = funded("100.00");
        String b = newDirect();
        String uetr = UUID.randomUUID().toString();
        refusedXml(as(member(b)), "/api/v1/payments", pacs009("FI-X", uetr, a, b, "10.00"), 403);
        refusedXml(given(), "/api/v1/payments", pacs009("FI-X", uetr, a, b, "10.00").replace("</FICdtTrf>", ""), 400);
        refusedXml(given(), "/api/v1/payments", "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + pacs009("&x;", uetr, a, b, "10.00"), 400);
        given().get("/api/v1/payments/" + uetr).then().statusCode(404);
        assertThat(balance(a)).isEqualTo("100.00");
    }

    // ---- camt.056 / camt.029 --------------------------------------------------------------------

    @Test
    void cancellationInJsonCancelsAQueuedPaymentAndRefusesTheRest() {
        String poor = newDirect();
        String rich = funded("100.00");
        String queued = pay(poor, rich, "50.00");
        String settled = pay(rich, poor, "10.00");
        String unknown = UUID.randomUUID().toString();
        JsonPath answer = Api.post("/api/v1/payments/cancellation-requests", Map.of("cancellations", List.of(
                Map.of("uetr", queued, "cancellationId", "CXL-1", "reasonCode", "DUPL"),
                Map.of("uetr", settled), Map.of("uetr", unknown)))).statusCode(200).extract().jsonPath();
        assertThat(answer.getList("resolutions.status")).containsExactly("CNCL", "RJCR", "RJCR");
        assertThat(answer.getList("resolutions.reasonCode")).containsExactly(null, "LEGL", "NOOR");
        assertThat(answer.getString("resolutions[0].cancellationId")).isEqualTo("CXL-1");
        assertThat(answer.getString("resolutions[0].payment.status")).isEqualTo("CANCELLED");
        assertThat(answer.getString("resolutions[1].reason")).contains("pacs.004");
        assertThat(status(queued)).isEqualTo("CANCELLED");
        assertThat(status(settled)).isEqualTo("SETTLED");

        // asked again: it says the payment was already cancelled
        Api.post("/api/v1/payments/cancellation-requests", Map.of("cancellations", List.of(Map.of("uetr", queued))))
                .statusCode(200).body("resolutions[0].status", equalTo("CNCL"))
                .body("resolutions[0].reason", equalTo("already cancelled"));

        // only the sender may ask: the receiving bank is refused, another bank does not even know it
        String queuedAgain = pay(poor, rich, "20.00");
        as(member(rich)).contentType(ContentType.JSON).body(Map.of("cancellations", List.of(Map.of("uetr", queuedAgain))))
                .post("/api/v1/payments/cancellation-requests").then().statusCode(200)
                .body("resolutions[0].status", equalTo("RJCR")).body("resolutions[0].reasonCode", equalTo("AGNT"));
        as(member(newDirect())).contentType(ContentType.JSON).body(Map.of("cancellations", List.of(Map.of("uetr", queuedAgain))))
                .post("/api/v1/payments/cancellation-requests").then().statusCode(200)
                .body("resolutions[0].reasonCode", equalTo("NOOR")).body("resolutions[0].payment", equalTo(null));
        assertThat(status(queuedAgain)).isEqualTo("QUEUED");
        as(member(poor)).contentType(ContentType.JSON).body(Map.of("cancellations", List.of(Map.of("uetr", queuedAgain))))
                .post("/api/v1/payments/cancellation-requests").then().statusCode(200)
                .body("resolutions[0].status", equalTo("CNCL"));
        assertThat(status(queuedAgain)).isEqualTo("CANCELLED");

        // malformed: a problem, nothing cancelled
        String stays = pay(poor, rich, "500.00");
        Api.post("/api/v1/payments/cancellation-requests", Map.of("cancellations", List.of(Map.of("uetr", "not-a-uuid"))))
                .statusCode(400).contentType("application/problem+json");
        Api.post("/api/v1/payments/cancellation-requests", Map.of("cancellations", List.of())).statusCode(400);
        assertThat(status(stays)).isEqualTo("QUEUED");
    }

    @Test
    void aCamt056IsAnsweredByACamt029() {
        String poor = newDirect();
        String rich = funded("100.00");
        String queued = pay(poor, rich, "50.00");
        String settled = pay(rich, poor, "10.00");
        XmlPath all = postXml(as(member(poor)), "/api/v1/payments/cancellation-requests", camt056(poor, queued));
        assertThat(all.getString("Document.RsltnOfInvstgtn.Sts.Conf")).isEqualTo("CNCL");
        assertThat(all.getString("Document.RsltnOfInvstgtn.Assgnmt.Assgne.Agt.FinInstnId.BICFI")).isEqualTo(poor);
        assertThat(all.getString("Document.RsltnOfInvstgtn.CxlDtls.TxInfAndSts.OrgnlUETR")).isEqualTo(queued);
        assertThat(all.getString("Document.RsltnOfInvstgtn.CxlDtls.TxInfAndSts.TxCxlSts")).isEqualTo("ACCR");
        assertThat(status(queued)).isEqualTo("CANCELLED");

        XmlPath refused = postXml(as(member(rich)), "/api/v1/payments/cancellation-requests", camt056(rich, settled));
        assertThat(refused.getString("Document.RsltnOfInvstgtn.Sts.Conf")).isEqualTo("RJCR");
        assertThat(refused.getString("Document.RsltnOfInvstgtn.CxlDtls.TxInfAndSts.TxCxlSts")).isEqualTo("RJCR");
        assertThat(refused.getString("Document.RsltnOfInvstgtn.CxlDtls.TxInfAndSts.CxlStsRsnInf.Rsn.Cd")).isEqualTo("LEGL");

        // a member speaks only for its own bank; broken or hostile XML is refused whole
        String queuedAgain = pay(poor, rich, "30.00");
        refusedXml(as(member(rich)), "/api/v1/payments/cancellation-requests", camt056(poor, queuedAgain), 403);
        refusedXml(given(), "/api/v1/payments/cancellation-requests", camt056(poor, queuedAgain).substring(0, 120), 400);
        refusedXml(given(), "/api/v1/payments/cancellation-requests", "<!DOCTYPE d [<!ENTITY a \"aaaa\">]>"
                + camt056(poor, queuedAgain), 400);
        refusedXml(given(), "/api/v1/payments/cancellation-requests", pacs028("Q", queuedAgain), 400);
        assertThat(status(queuedAgain)).isEqualTo("QUEUED");
    }

    // ---- pacs.004 -------------------------------------------------------------------------------

    @Test
    void returnsInJsonSettleBackAndNeverPassTheOriginal() {
        String sender = funded("1000.00");
        String receiver = newDirect();
        String original = pay(sender, receiver, "1000.00");
        String receiverToken = member(receiver);

        String first = UUID.randomUUID().toString();
        as(receiverToken).contentType(ContentType.JSON).body(Map.of("uetr", first, "returnOf", original, "amount", "400.00",
                        "reasonCode", "AC04", "reasonText", "creditor account closed"))
                .post("/api/v1/payments/returns").then().statusCode(201)
                .header("Location", startsWith("http")).body("kind", equalTo("RETURN")).body("returnOf", equalTo(original))
                .body("status", equalTo("SETTLED")).body("debtorAgent", equalTo(receiver)).body("creditorAgent", equalTo(sender))
                .body("purpose", equalTo("AC04"));
        assertThat(balance(receiver)).isEqualTo("600.00");
        assertThat(balance(sender)).isEqualTo("400.00");

        // beyond what is left of the original: refused, nothing moves
        Map<String, Object> tooMuch = Map.of("uetr", UUID.randomUUID().toString(), "returnOf", original, "amount", "600.01",
                "reasonCode", "AC04");
        as(receiverToken).contentType(ContentType.JSON).body(tooMuch).post("/api/v1/payments/returns").then()
                .statusCode(409).contentType("application/problem+json").body("reasonCode", equalTo("AM09"));
        String second = UUID.randomUUID().toString();
        as(receiverToken).contentType(ContentType.JSON).body(Map.of("uetr", second, "returnOf", original, "amount", "600.00",
                "reasonCode", "MS03")).post("/api/v1/payments/returns").then().statusCode(201);
        // the same return again is the same return
        as(receiverToken).contentType(ContentType.JSON).body(Map.of("uetr", second, "returnOf", original, "amount", "600.00",
                "reasonCode", "MS03")).post("/api/v1/payments/returns").then().statusCode(200).body("uetr", equalTo(second));
        as(receiverToken).contentType(ContentType.JSON).body(Map.of("uetr", UUID.randomUUID().toString(), "returnOf", original,
                "amount", "0.01", "reasonCode", "MS03")).post("/api/v1/payments/returns").then().statusCode(409)
                .body("reasonCode", equalTo("AM09"));
        assertThat(balance(receiver)).isEqualTo("0.00");
        assertThat(balance(sender)).isEqualTo("1000.00");

        // the original lists its returns
        JsonPath view = given().get("/api/v1/payments/" + original).then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("returns.uetr")).containsExactly(first, second);
        assertThat(view.getList("returns.amount")).containsExactly("400.00", "600.00");
        given().get("/api/v1/payments/" + first).then().body("returns", equalTo(List.of()));

        // refusals: unknown original, the sender returning its own payment, a payment not settled
        as(receiverToken).contentType(ContentType.JSON).body(Map.of("uetr", UUID.randomUUID().toString(), "returnOf",
                UUID.randomUUID().toString(), "amount", "1.00", "reasonCode", "AC04")).post("/api/v1/payments/returns")
                .then().statusCode(404).contentType("application/problem+json").body("reasonCode", equalTo("NOOR"));
        String other = funded("10.00");
        String notMine = pay(other, sender, "10.00");
        as(receiverToken).contentType(ContentType.JSON).body(Map.of("uetr", UUID.randomUUID().toString(), "returnOf",
                notMine, "amount", "1.00", "reasonCode", "AC04")).post("/api/v1/payments/returns")
                .then().statusCode(404).body("reasonCode", equalTo("NOOR"));
        as(member(other)).contentType(ContentType.JSON).body(Map.of("uetr", UUID.randomUUID().toString(), "returnOf",
                notMine, "amount", "1.00", "reasonCode", "AC04")).post("/api/v1/payments/returns")
                .then().statusCode(403).contentType("application/problem+json");
        String queued = pay(receiver, sender, "5.00");
        Api.post("/api/v1/payments/returns", Map.of("uetr", UUID.randomUUID().toString(), "returnOf", queued,
                "amount", "1.00", "reasonCode", "AC04")).statusCode(409).body("reasonCode", equalTo("NARR"));
        Api.post("/api/v1/payments/returns", Map.of("uetr", UUID.randomUUID().toString(), "returnOf", original,
                "amount", "-1", "reasonCode", "AC04")).statusCode(400);
        // nothing refused moved a fen: the sender has its 1000.00 back and the 10.00 it received
        assertThat(balance(sender)).isEqualTo("1010.00");
        assertThat(balance(receiver)).isEqualTo("0.00");
        assertThat(status(queued)).isEqualTo("QUEUED");
    }

    @Test
    void returnsInXmlAreAnsweredByAPacs002AndEchoedAsAPacs004() {
        String sender = funded("300.00");
        String receiver = newDirect();
        String original = pay(sender, receiver, "300.00");
        String doc = pacs004("RTN-MSG-" + original.substring(0, 8), "RTN-" + original.substring(0, 8), original, "120.00", "AC04");
        XmlPath report = postXml(as(member(receiver)), "/api/v1/payments/returns", doc);
        String returned = report.getString("Document.FIToFIPmtStsRpt.TxInfAndSts.OrgnlUETR");
        assertThat(report.getString("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).isEqualTo("ACSC");
        assertThat(report.getString("Document.FIToFIPmtStsRpt.TxInfAndSts.OrgnlInstrId")).isEqualTo("RTN-" + original.substring(0, 8));
        assertThat(report.getString("Document.FIToFIPmtStsRpt.OrgnlGrpInfAndSts.OrgnlMsgNmId")).isEqualTo("pacs.004.001.09");
        assertThat(returned).matches(PaymentIntake.UUID_PATTERN).isNotEqualTo(original);
        // the same document again is the same return
        assertThat(postXml(as(member(receiver)), "/api/v1/payments/returns", doc)
                .getString("Document.FIToFIPmtStsRpt.TxInfAndSts.OrgnlUETR")).isEqualTo(returned);
        assertThat(balance(receiver)).isEqualTo("180.00");

        XmlPath echo = XmlPath.from(given().get("/api/v1/payments/returns/" + returned).then().statusCode(200)
                .contentType("application/xml").extract().asString());
        assertThat(echo.getString("Document.PmtRtr.TxInf.OrgnlUETR")).isEqualTo(original);
        assertThat(echo.getString("Document.PmtRtr.TxInf.RtrdIntrBkSttlmAmt")).isEqualTo("120.00");
        assertThat(echo.getString("Document.PmtRtr.TxInf.RtrRsnInf.Rsn.Cd")).isEqualTo("AC04");
        given().get("/api/v1/payments/returns/" + original).then().statusCode(404);

        // beyond the original, unknown original: RJCT with the reason; a member returning another's payment: 403
        XmlPath beyond = postXml("/api/v1/payments/returns", pacs004("M2", "RTN-2", original, "180.01", "AC04"));
        assertThat(beyond.getString("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).isEqualTo("RJCT");
        assertThat(beyond.getString("Document.FIToFIPmtStsRpt.TxInfAndSts.StsRsnInf.Rsn.Cd")).isEqualTo("AM09");
        XmlPath unknown = postXml("/api/v1/payments/returns", pacs004("M3", "RTN-3", UUID.randomUUID().toString(), "1.00", "AC04"));
        assertThat(unknown.getString("Document.FIToFIPmtStsRpt.TxInfAndSts.StsRsnInf.Rsn.Cd")).isEqualTo("NOOR");
        refusedXml(as(member(sender)), "/api/v1/payments/returns", pacs004("M4", "RTN-4", original, "1.00", "AC04"), 403);
        refusedXml(given(), "/api/v1/payments/returns", pacs004("M5", "RTN-5", original, "1.00", "AC04").replace("</TxInf>", ""), 400);
        refusedXml(given(), "/api/v1/payments/returns", pacs028("M6", original), 400);
        assertThat(balance(receiver)).isEqualTo("180.00");
        assertThat(balance(sender)).isEqualTo("120.00");
    }

    // ---- pacs.028 -------------------------------------------------------------------------------

    @Test
    void statusRequestsAnswerEveryPaymentAskedAboutScopedLikeEveryRead() {
        String poor = newDirect();
        String rich = funded("100.00");
        String queued = pay(poor, rich, "50.00");
        String settled = pay(rich, poor, "10.00");
        String unknown = UUID.randomUUID().toString();

        JsonPath answer = Api.post("/api/v1/payments/status-requests", Map.of("requests", List.of(
                Map.of("uetr", settled, "statusRequestId", "Q-1"), Map.of("uetr", queued), Map.of("uetr", unknown))))
                .statusCode(200).extract().jsonPath();
        assertThat(answer.getList("statuses.isoStatus")).containsExactly("ACSC", "PDNG", "RJCT");
        assertThat(answer.getList("statuses.reasonCode")).containsExactly(null, null, "NOOR");
        assertThat(answer.getString("statuses[0].statusRequestId")).isEqualTo("Q-1");
        assertThat(answer.getString("statuses[0].payment.status")).isEqualTo("SETTLED");

        XmlPath report = postXml("/api/v1/payments/status-requests", pacs028("STS-" + settled.substring(0, 8), settled, queued, unknown));
        assertThat(report.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.OrgnlUETR")).containsExactly(settled, queued, unknown);
        assertThat(report.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).containsExactly("ACSC", "PDNG", "RJCT");
        assertThat(report.getString("Document.FIToFIPmtStsRpt.OrgnlGrpInfAndSts.OrgnlMsgNmId")).isEqualTo("pacs.028.001.03");

        // another bank's payment is unknown to a member, in either form
        String stranger = member(newDirect());
        as(stranger).contentType(ContentType.JSON).body(Map.of("requests", List.of(Map.of("uetr", settled))))
                .post("/api/v1/payments/status-requests").then().statusCode(200)
                .body("statuses[0].isoStatus", equalTo("RJCT")).body("statuses[0].reasonCode", equalTo("NOOR"))
                .body("statuses[0].payment", equalTo(null));
        XmlPath scoped = postXml(as(stranger), "/api/v1/payments/status-requests", pacs028("S2", settled));
        assertThat(scoped.getString("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).isEqualTo("RJCT");
        XmlPath own = postXml(as(member(poor)), "/api/v1/payments/status-requests", pacs028("S3", settled));
        assertThat(own.getString("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).isEqualTo("ACSC");

        refusedXml(given(), "/api/v1/payments/status-requests", "<Document xmlns=\"" + PACS028 + "\"><FIToFIPmtStsReq>", 400);
        refusedXml(given(), "/api/v1/payments/status-requests", pacs028("S4").replace("<TxInf>", ""), 400);
        Api.post("/api/v1/payments/status-requests", Map.of("requests", List.of(Map.of("uetr", "x")))).statusCode(400)
                .contentType("application/problem+json");
    }

    // ---- a client on a library no one here wrote ------------------------------------------------

    @Test
    void aClientOnProwideSendsEveryNewMessageAndReadsEveryAnswer() {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).withNano(0);
        String a = funded("1000.00");
        String b = newDirect();
        String transfer = UUID.randomUUID().toString();
        // pacs.009 built by Prowide, its pacs.002 read by Prowide
        var fi = new MxPacs00900108().setFICdtTrf(new FinancialInstitutionCreditTransferV08()
                .setGrpHdr(new GroupHeader93().setMsgId("PW-009-" + transfer.substring(0, 8)).setCreDtTm(now).setNbOfTxs("1")
                        .setSttlmInf(new SettlementInstruction7().setSttlmMtd(SettlementMethod1Code.CLRG)))
                .addCdtTrfTxInf(new CreditTransferTransaction36()
                        .setPmtId(new PaymentIdentification7().setInstrId("PW-I").setEndToEndId("PW-E").setUETR(transfer))
                        .setIntrBkSttlmAmt(new ActiveCurrencyAndAmount().setCcy("CNY").setValue(new java.math.BigDecimal("600.00")))
                        .setDbtr(fiAgent(a)).setCdtr(fiAgent(b))));
        var report = MxPacs00200110.parse(given().contentType("application/xml").body(fi.message()).post("/api/v1/payments")
                .then().statusCode(200).extract().asString()).getFIToFIPmtStsRpt();
        assertThat(report.getGrpHdr().getMsgId()).hasSizeLessThanOrEqualTo(35);
        assertThat(report.getOrgnlGrpInfAndSts().get(0).getOrgnlMsgId()).isEqualTo("PW-009-" + transfer.substring(0, 8));
        assertThat(report.getTxInfAndSts().get(0).getOrgnlUETR()).isEqualTo(transfer);
        assertThat(report.getTxInfAndSts().get(0).getTxSts()).isEqualTo("ACSC");

        // pacs.004 built by Prowide: 250.00 of it back; the pacs.002 and the pacs.004 echo read by Prowide
        var ret = new MxPacs00400109().setPmtRtr(new PaymentReturnV09()
                .setGrpHdr(new GroupHeader90().setMsgId("PW-004").setCreDtTm(now).setNbOfTxs("1")
                        .setSttlmInf(new SettlementInstruction7().setSttlmMtd(SettlementMethod1Code.CLRG)))
                .addTxInf(new PaymentTransaction112().setRtrId("PW-R1").setOrgnlEndToEndId("PW-E").setOrgnlUETR(transfer)
                        .setRtrdIntrBkSttlmAmt(new ActiveCurrencyAndAmount().setCcy("CNY").setValue(new java.math.BigDecimal("250.00")))
                        .addRtrRsnInf(new PaymentReturnReason6().setRsn(new ReturnReason5Choice().setCd("AC04")))));
        var returned = MxPacs00200110.parse(as(member(b)).contentType("application/xml").body(ret.message())
                .post("/api/v1/payments/returns").then().statusCode(200).extract().asString()).getFIToFIPmtStsRpt()
                .getTxInfAndSts().get(0);
        assertThat(returned.getTxSts()).isEqualTo("ACSC");
        assertThat(returned.getOrgnlInstrId()).isEqualTo("PW-R1");
        var echo = MxPacs00400109.parse(given().get("/api/v1/payments/returns/" + returned.getOrgnlUETR()).then()
                .statusCode(200).extract().asString()).getPmtRtr().getTxInf().get(0);
        assertThat(echo.getRtrId()).isEqualTo("PW-R1");
        assertThat(echo.getOrgnlUETR()).isEqualTo(transfer);
        assertThat(echo.getOrgnlIntrBkSttlmAmt().getValue()).isEqualByComparingTo("600.00");
        assertThat(echo.getRtrdIntrBkSttlmAmt().getValue()).isEqualByComparingTo("250.00");
        assertThat(echo.getInstgAgt().getFinInstnId().getBICFI()).isEqualTo(b);
        assertThat(echo.getInstdAgt().getFinInstnId().getBICFI()).isEqualTo(a);
        assertThat(echo.getRtrRsnInf().get(0).getRsn().getCd()).isEqualTo("AC04");
        assertThat(balance(a)).isEqualTo("650.00");

        // camt.056 built by Prowide for a queued payment and the settled one; the camt.029 read by Prowide
        String queued = pay(b, a, "5000.00");
        var cxl = new MxCamt05600108().setFIToFIPmtCxlReq(new FIToFIPaymentCancellationRequestV08()
                .setAssgnmt(new CaseAssignment5().setId("PW-CASE").setCreDtTm(now)
                        .setAssgnr(new Party40Choice().setAgt(fiAgent(b)))
                        .setAssgne(new Party40Choice().setAgt(fiAgent("CIPSCNSHXXX"))))
                .addUndrlyg(new UnderlyingTransaction23()
                        .addTxInf(new PaymentTransaction106().setCxlId("PW-C1").setOrgnlUETR(queued))));
        var resolution = MxCamt02900109.parse(as(member(b)).contentType("application/xml").body(cxl.message())
                .post("/api/v1/payments/cancellation-requests").then().statusCode(200).extract().asString()).getRsltnOfInvstgtn();
        assertThat(resolution.getSts().getConf()).isEqualTo("CNCL");
        assertThat(resolution.getRslvdCase().getId()).isEqualTo("PW-CASE");
        assertThat(resolution.getCxlDtls().get(0).getTxInfAndSts().get(0).getCxlStsId()).isEqualTo("PW-C1");
        assertThat(resolution.getCxlDtls().get(0).getTxInfAndSts().get(0).getTxCxlSts().value()).isEqualTo("ACCR");
        assertThat(status(queued)).isEqualTo("CANCELLED");

        // pacs.028 built by Prowide; its pacs.002 read by Prowide
        var ask = new MxPacs02800103().setFIToFIPmtStsReq(new FIToFIPaymentStatusRequestV03()
                .setGrpHdr(new GroupHeader91().setMsgId("PW-028").setCreDtTm(now))
                .addTxInf(new PaymentTransaction113().setStsReqId("PW-S1").setOrgnlUETR(transfer))
                .addTxInf(new PaymentTransaction113().setStsReqId("PW-S2").setOrgnlUETR(queued)));
        var statuses = MxPacs00200110.parse(given().contentType("application/xml").body(ask.message())
                .post("/api/v1/payments/status-requests").then().statusCode(200).extract().asString()).getFIToFIPmtStsRpt();
        assertThat(statuses.getTxInfAndSts()).extracting(PaymentTransaction110::getOrgnlUETR).containsExactly(transfer, queued);
        assertThat(statuses.getTxInfAndSts()).extracting(PaymentTransaction110::getTxSts).containsExactly("ACSC", "CANC");
    }

    private static BranchAndFinancialInstitutionIdentification6 fiAgent(String bic) {
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(bic));
    }

    // ---- message ids and replays ----------------------------------------------------------------

    @Test
    void statusReportIdsAreUniqueAndWholeAndAReplayKeepsItsText() {
        String poor = newDirect();
        String rich = funded("10.00");
        Set<String> ids = new HashSet<>();
        String queuedUetr = UUID.randomUUID().toString();
        String rejectedUetr = UUID.randomUUID().toString();
        String doc = Pacs008XmlTest.document("MSG-" + queuedUetr.substring(0, 8),
                Pacs008XmlTest.transaction(queuedUetr, poor, rich, "50.00", "CNY"),
                Pacs008XmlTest.transaction(rejectedUetr, rich, "ZZZZCNBJXXX", "1.00", "CNY"));
        XmlPath first = Pacs008XmlTest.submit(doc);
        XmlPath replay = Pacs008XmlTest.submit(doc);
        for (XmlPath report : List.of(first, replay)) {
            String id = report.getString("Document.FIToFIPmtStsRpt.GrpHdr.MsgId");
            assertThat(id).hasSizeLessThanOrEqualTo(35).matches("[A-Za-z0-9-]+").doesNotEndWith("-");
            assertThat(ids.add(id)).as("a new id for every report: %s", id).isTrue();
        }
        assertThat(replay.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts"))
                .isEqualTo(first.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.TxSts")).containsExactly("PDNG", "RJCT");
        assertThat(replay.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.StsRsnInf.AddtlInf"))
                .isEqualTo(first.getList("Document.FIToFIPmtStsRpt.TxInfAndSts.StsRsnInf.AddtlInf"));
        assertThat(first.getString("Document.FIToFIPmtStsRpt.TxInfAndSts[1].StsRsnInf.AddtlInf")).isNotBlank();
        for (int i = 0; i < 20; i++) {
            String id = XmlPath.from(given().get("/api/v1/payments/" + queuedUetr + "/status-report").then().statusCode(200)
                    .extract().asString()).getString("Document.FIToFIPmtStsRpt.GrpHdr.MsgId");
            assertThat(id).hasSizeLessThanOrEqualTo(35).doesNotEndWith("-");
            assertThat(ids.add(id)).isTrue();
        }
    }
}

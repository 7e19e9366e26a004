package io.rmbsim.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.rmbsim.ops.RunningService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) drives the packaged service, started fresh with the seeded Harbin network,
 * as an operator and as a member bank would. It reads the figures each page shows, approves an
 * application, finds a payment made through the API, runs a simulation until its charts are drawn,
 * checks labels, keyboard reach and a narrow screen, and fails on any request to another host. A
 * screenshot of each page lands in {@code target/dashboard/}.
 *
 * <p>Skipped where no Chromium is installed, unless {@code -Drmbsim.browser.required=true} (as
 * {@code .ci/run} sets after installing it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final String HARBIN = "HCCBCNBHXXX";
    private static final Path SHOTS = Path.of("target", "dashboard");
    /** Where the browser saves what a page downloads (statements, status reports). */
    private static final Path DOWNLOADS = Path.of("target", "dashboard-downloads").toAbsolutePath();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    static RunningService service;
    static ChromeDriver browser;
    /** Every address the browser asked for, on every page. */
    static final List<String> requested = new ArrayList<>();
    static final List<String> scriptErrors = new ArrayList<>();
    /** Every answer of 400 or more to a request for a page, a script, a style or an icon (not the API's). */
    static final Set<String> missing = new TreeSet<>();
    /** Each participant's name by BIC, as the directory has them. */
    static final Map<String, String> names = new java.util.HashMap<>();

    static String russianBank;
    /** Another Russian bank behind Harbin Bank, given no liquidity: what it pays waits in the queue. */
    static String unfundedRussianBank;
    /** The payment made through the API in the payments test. */
    static String uetr;
    static String chineseBank;
    /** A settlement agent besides Harbin Bank, with indirect participants of its own. */
    static final String BANK_OF_CHINA = "BKCHCNBJXXX";

    @BeforeAll
    static void startServiceAndBrowser() throws Exception {
        assumeTrue(RunningService.packaged(), "run by mvn verify after the package phase");
        assumeFalse(RunningService.postgresBuild(), "runs on the embedded database: the pages are the same on PostgreSQL");
        Path chromium = Path.of(System.getProperty("rmbsim.chromium", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("rmbsim.chromedriver", "/usr/bin/chromedriver"));
        boolean installed = Files.isExecutable(chromium) && Files.isExecutable(driver);
        if (Boolean.getBoolean("rmbsim.browser.required")) {
            assertThat(installed).as("Chromium at %s and ChromeDriver at %s", chromium, driver).isTrue();
        }
        assumeTrue(installed, "no Chromium: apt-get install chromium chromium-driver");

        Files.createDirectories(SHOTS);
        Path work = Files.createTempDirectory(Path.of("target"), "dashboard-it");
        // the day must not close by itself at 17:30 Beijing time while the test runs, and no netting cycle
        // runs by the clock: deferred net settlement waits for the operator's button
        service = new RunningService(work.resolve("data"), Map.of("settlement.auto-close", "false",
                "settlement.dns-cycles", "none")).start();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--window-size=1280,800", "--user-data-dir=" + work.resolve("chromium").toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL", LogType.BROWSER, "ALL"));
        Files.createDirectories(DOWNLOADS);
        // a file left by an earlier run must not pass for this run's download
        try (var old = Files.list(DOWNLOADS)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService driverService = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driverService, options);
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", DOWNLOADS.toString()));
        viewport(1280, 800, false);

        JsonNode participants = JSON.readTree(service.request().queryParam("size", 500).get("/api/v1/participants").asString());
        for (JsonNode p : participants.path("items")) {
            names.put(p.path("bic").asText(), p.path("name").asText());
            if (HARBIN.equals(p.path("settlementAgent").asText()) && "RU".equals(p.path("country").asText())) {
                if (russianBank == null) {
                    russianBank = p.path("bic").asText();
                } else if (unfundedRussianBank == null) {
                    unfundedRussianBank = p.path("bic").asText();
                }
            }
            if (chineseBank == null && "DIRECT".equals(p.path("participation").asText()) && "CN".equals(p.path("country").asText())
                    && !HARBIN.equals(p.path("bic").asText())) {
                chineseBank = p.path("bic").asText();
            }
        }
        assertThat(unfundedRussianBank).as("two Russian banks behind Harbin Bank in the seed").isNotNull();
        assertThat(chineseBank).as("a Chinese direct participant besides Harbin Bank").isNotNull();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                collectLogs();
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    @Order(1)
    void anOperatorSignsInWithADemoTokenAndSeesTheKeyFigures() throws IOException {
        signIn("operator", null);
        int russian = Integer.parseInt(waitForText("count-russian-behind-harbin", t -> !t.isEmpty()));
        assertThat(russian).as("Russian banks behind Harbin Bank on the overview").isGreaterThanOrEqualTo(20);
        assertThat(waitForText("count-alliance-active", t -> !t.isEmpty())).isEqualTo("72");
        pageIsUsable("overview");
    }

    @Test
    @Order(2)
    void theNetworkPageDrawsHarbinsRussianCorridorAndAnOperatorApprovesAnApplication() throws IOException {
        String bic = applyThroughHarbin("AMURRUBMXXX", "Amur Test Bank");

        open("/network.html");
        waitForRendered("network-chart");
        int before = Integer.parseInt(waitForText("count-russian-behind-harbin", t -> !t.isEmpty()));
        assertThat(before).isGreaterThanOrEqualTo(20);
        assertThat(browser.findElements(By.cssSelector("#corridor tbody tr"))).hasSize(before);
        shot("network");

        WebElement approve = await("the application's Approve button").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("button[data-approve='" + bic + "']")), e -> e.isDisplayed());
        approve.sendKeys(Keys.ENTER);   // by keyboard
        waitForText("applications-status", t -> t.contains("approved"));
        waitForText("count-russian-behind-harbin", t -> t.equals(String.valueOf(before + 1)));
        JsonNode joined = JSON.readTree(service.request().get("/api/v1/participants/" + bic).asString());
        assertThat(joined.path("participation").asText()).isEqualTo("INDIRECT");
        assertThat(joined.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(joined.path("settlementAgent").asText()).isEqualTo(HARBIN);
        assertThat(browser.findElements(By.cssSelector("button[data-approve='" + bic + "']"))).isEmpty();
        pageIsUsable("network-approved");

        // and rejects another with its reason, by keyboard; declining to say why leaves it waiting
        String refused = applyThroughHarbin("TYNDRUTYXXX", "Tynda Test Bank");
        open("/network.html");
        By reject = By.cssSelector("#applications button[aria-label='Reject Tynda Test Bank']");
        await("the application's Reject button").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(reject).isDisplayed());
        browser.findElement(reject).sendKeys(Keys.ENTER);
        await("the question why").atMost(PATIENCE).ignoreExceptions().until(() -> browser.switchTo().alert() != null);
        browser.switchTo().alert().dismiss();
        assertThat(applicationOf(refused).path("status").asText()).isEqualTo("PENDING");
        browser.findElement(reject).sendKeys(Keys.ENTER);
        await("the question why").atMost(PATIENCE).ignoreExceptions().until(() -> browser.switchTo().alert() != null);
        browser.switchTo().alert().sendKeys("Sanctions screening incomplete");
        browser.switchTo().alert().accept();
        assertThat(waitForText("applications-status", t -> t.contains("rejected"))).contains("Tynda Test Bank (" + refused + ")");
        JsonNode decided = applicationOf(refused);
        assertThat(decided.path("status").asText()).isEqualTo("REJECTED");
        assertThat(decided.path("reason").asText()).isEqualTo("Sanctions screening incomplete");
        assertThat(browser.findElements(reject)).isEmpty();
    }

    /** An application to join through Harbin Bank, as the API has it now. */
    private static JsonNode applicationOf(String bic) throws IOException {
        JsonNode all = JSON.readTree(service.request().get("/api/v1/applications?settlementAgent=" + HARBIN + "&size=500").asString());
        for (JsonNode a : all.path("items")) {
            if (bic.equals(a.path("bic").asText())) {
                return a;
            }
        }
        throw new AssertionError("no application of " + bic);
    }

    @Test
    @Order(3)
    void theAlliancePageShowsSeventyTwoActiveMembersAndFiltersTheList() throws IOException {
        open("/alliance.html");
        assertThat(waitForText("count-alliance-active", t -> !t.isEmpty())).isEqualTo("72");
        waitForRendered("composition-chart");
        waitForRendered("history-chart");
        waitForText("members-status", t -> t.equals("77 members match."));   // the whole register first
        new Select(browser.findElement(By.id("f-status"))).selectByVisibleText("ACTIVE");
        browser.findElement(By.cssSelector("#member-filters button[type=submit]")).click();
        waitForText("members-status", t -> t.equals("72 members match."));
        // 25 a page: 25, 25 and 22, by keyboard from the pager
        Set<String> seen = new TreeSet<>();
        for (int expected : List.of(25, 25, 22)) {
            List<WebElement> rows = browser.findElements(By.cssSelector("#members tbody tr"));
            assertThat(rows).hasSize(expected);
            rows.forEach(r -> seen.add(r.getText()));
            if (expected == 22) {
                assertThat(browser.findElement(By.cssSelector("#members .pager-next")).isEnabled()).isFalse();
            } else {
                String where = browser.findElement(By.cssSelector("#members .pager-where")).getText();
                browser.findElement(By.cssSelector("#members .pager-next")).sendKeys(Keys.ENTER);
                await("the next page").atMost(PATIENCE).ignoreExceptions()
                        .until(() -> browser.findElement(By.cssSelector("#members .pager-where")).getText(), t -> !t.equals(where));
            }
        }
        assertThat(seen).as("every active member once").hasSize(72);
        assertThat(browser.findElement(By.cssSelector("#members .pager-where")).getText()).isEqualTo("Page 3 of 3 (51–72 of 72)");
        // the name search
        browser.findElement(By.id("f-name")).sendKeys("harbin");
        browser.findElement(By.cssSelector("#member-filters button[type=submit]")).click();
        waitForText("members-status", t -> !t.equals("72 members match."));
        assertThat(browser.findElements(By.cssSelector("#members tbody tr"))).isNotEmpty()
                .allMatch(r -> r.getText().toLowerCase().contains("harbin"));
        pageIsUsable("alliance");
        browser.findElement(By.id("f-name")).clear();
    }

    @Test
    @Order(4)
    void aPaymentMadeThroughTheApiShowsOnThePaymentsPageWithItsRouteAndPostings() throws IOException {
        for (String account : List.of(russianBank, HARBIN)) {
            liquidity(account, "IN", "500000.00");
        }
        uetr = UUID.randomUUID().toString();
        service.request().contentType(ContentType.JSON).body(Map.of("uetr", uetr, "endToEndId", "DASH-1",
                "debtorAgent", russianBank, "creditorAgent", chineseBank, "amount", "123456.78", "currency", "CNY"))
                .post("/api/v1/payments").then().statusCode(201);

        open("/payments.html?debtorAgent=" + russianBank);
        WebElement row = await("the payment in the results").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#results tr[data-uetr='" + uetr + "']")), e -> e != null);
        assertThat(row.getText()).contains("SETTLED", "RTGS", "123,456.78", chineseBank);
        pageIsUsable("payments");

        row.findElement(By.tagName("a")).click();
        waitForRendered("route-chart");
        List<String> hops = browser.findElements(By.cssSelector("#route li")).stream().map(WebElement::getText).toList();
        assertThat(hops).containsExactly("Debtor agent " + names.get(russianBank) + " " + russianBank,
                "Debtor settlement agent " + names.get(HARBIN) + " " + HARBIN, "CIPS",
                "Creditor agent " + names.get(chineseBank) + " " + chineseBank);
        List<String> postings = browser.findElements(By.cssSelector("#postings tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(postings).hasSize(3);
        assertThat(postings).allMatch(p -> p.contains("123,456.78"));
        assertThat(String.join("\n", postings)).contains(russianBank, HARBIN, chineseBank);
        pageIsUsable("payment");
    }

    @Test
    @Order(16)
    void harbinBanksDeskShowsItsAccountItsRussianBanksBooksAndThePaymentsItRoutesNewestFirst() throws IOException {
        signIn("member", HARBIN);
        open("/desk.html");
        waitForText("own-balance", t -> !t.isEmpty());
        assertThat(browser.findElement(By.id("desk-title")).getText()).isEqualTo(names.get(HARBIN) + ": agent desk");
        assertThat(browser.findElement(By.id("agent-form")).isDisplayed()).as("a member's desk is its own bank's").isFalse();
        JsonNode own = JSON.readTree(service.request().get("/api/v1/accounts/" + HARBIN).asString());
        // from 1 亿 up the figure is written in units, with the exact amount on hover
        WebElement balance = browser.findElement(By.id("own-balance"));
        List<WebElement> compact = balance.findElements(By.cssSelector("span.amount"));
        assertThat(compact.isEmpty() ? balance.getText() : compact.get(0).getAttribute("title").replace("CNY ", ""))
                .isEqualTo(readable(own.path("balance").asText()));

        // the Russian banks on its books, ten a page, with the credit line it granted one of them (test 13)
        JsonNode books = JSON.readTree(service.request().get("/api/v1/accounts?heldAt=" + HARBIN + "&size=500").asString());
        int held = books.path("total").asInt();
        assertThat(held).isGreaterThan(20);
        assertThat(browser.findElement(By.id("books-count")).getText()).isEqualTo(String.valueOf(held));
        assertThat(browser.findElements(By.cssSelector("#desk-accounts tbody tr[data-account]"))).hasSize(10);
        String firstPage = browser.findElement(By.cssSelector("#desk-accounts tbody tr[data-account]")).getAttribute("data-account");
        browser.findElement(By.cssSelector("#desk-accounts .pager-next")).sendKeys(Keys.ENTER);
        assertThat(waitForText("desk-accounts", t -> t.contains("Page 2 of " + (held + 9) / 10))).contains("(11–20 of " + held + ")");
        assertThat(browser.findElement(By.cssSelector("#desk-accounts tbody tr[data-account]")).getAttribute("data-account"))
                .isNotEqualTo(firstPage);
        // the keyboard stays on the pager: Enter again and again goes on to the last page, where the focus moves to Previous
        int pages = (held + 9) / 10;
        for (int p = 3; p <= pages; p++) {
            assertThat(focus()).isEqualTo("desk-accounts .pager-next");
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            String where = "Page " + p + " of " + pages;
            waitForText("desk-accounts", t -> t.contains(where));
        }
        assertThat(focus()).isEqualTo("desk-accounts .pager-previous");
        browser.findElement(By.id("desk-search")).sendKeys(names.get(russianBank));
        assertThat(waitForText("desk-found", t -> !t.isEmpty())).startsWith("1 account of " + held + " match");
        WebElement row = browser.findElement(By.cssSelector("#desk-accounts tbody tr[data-account]"));
        assertThat(row.getAttribute("data-account")).isEqualTo(russianBank);
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells.get(0)).contains(names.get(russianBank), russianBank);
        assertThat(cells.get(2)).as("its credit line").isEqualTo("1,000.00");

        // a payment one of its Russian banks sends is the first the desk shows, as sent for that bank
        String sent = UUID.randomUUID().toString();
        service.request().contentType(ContentType.JSON).body(Map.of("uetr", sent, "endToEndId", "DESK-1",
                "debtorAgent", russianBank, "creditorAgent", chineseBank, "amount", "4321.00", "currency", "CNY"))
                .post("/api/v1/payments").then().statusCode(201);
        WebElement first = await("the new payment first on the desk").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#desk-payments tbody tr")), r -> sent.equals(r.getAttribute("data-uetr")));
        assertThat(first.getText()).contains("Sent for " + names.get(russianBank), "4,321.00", names.get(chineseBank));
        long routed = JSON.readTree(service.request().get("/api/v1/payments?routedBy=" + HARBIN).asString()).path("total").asLong();
        assertThat(browser.findElement(By.cssSelector("#desk-payments caption")).getText())
                .startsWith(String.format(java.util.Locale.US, "%,d payment%s routed by %s", routed, routed == 1 ? "" : "s", names.get(HARBIN)));
        pageIsUsable("desk-member");

        // an operator sees Harbin Bank's desk first and turns to another agent's by keyboard
        signIn("operator", null);
        open("/desk.html");
        waitForText("own-balance", t -> !t.isEmpty());
        assertThat(browser.findElement(By.id("desk-title")).getText()).isEqualTo(names.get(HARBIN) + ": agent desk");
        WebElement agent = browser.findElement(By.id("agent-bic"));
        agent.clear();
        agent.sendKeys(BANK_OF_CHINA, Keys.ENTER);
        waitForText("desk-title", t -> t.equals(names.get(BANK_OF_CHINA) + ": agent desk"));
        await("Bank of China's indirect participants").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#desk-accounts tr[data-account='VTSBRUV0XXX']")), e -> e != null);
        assertThat(browser.getCurrentUrl()).contains("agent=" + BANK_OF_CHINA);
        pageIsUsable("desk-operator");
    }

    /** An amount as the pages write it below 1 亿: with thousands separators, to the fen. */
    private static String readable(String amount) {
        return new java.text.DecimalFormat("#,##0.00").format(new java.math.BigDecimal(amount));
    }

    @Test
    @Order(20)
    void anOperatorSendsAPaymentFromTheFormAndFindsItFirstInTheNewestFirstSearch() throws IOException {
        signIn("operator", null);
        liquidity(chineseBank, "IN", "1000.00");
        open("/payments.html");
        waitForText("search-status", t -> t.endsWith(" found."));
        // newest first unless asked otherwise: the first row is the API's newest payment
        String newest = JSON.readTree(service.request().get("/api/v1/payments?order=newest&size=1").asString())
                .path("items").path(0).path("uetr").asText();
        assertThat(browser.findElement(By.cssSelector("#results tbody tr[data-uetr]")).getAttribute("data-uetr")).isEqualTo(newest);

        WebElement form = browser.findElement(By.id("send-form"));
        assertThat(form.isDisplayed()).isTrue();
        String sent = browser.findElement(By.id("p-uetr")).getAttribute("value");
        assertThat(sent).as("a fresh UETR").matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        browser.findElement(By.id("p-debtor")).sendKeys(chineseBank);
        browser.findElement(By.id("p-creditor")).sendKeys(HARBIN);
        browser.findElement(By.id("p-amount")).sendKeys("12.34");
        browser.findElement(By.id("p-debtor-name")).sendKeys("Heilongjiang Grain Co.");
        browser.findElement(By.id("p-remittance")).sendKeys("Invoice 77, soybeans");
        // declined at the confirmation: nothing is sent
        browser.findElement(By.cssSelector("#send-form button[type=submit]")).sendKeys(Keys.ENTER);
        await("the confirmation").atMost(PATIENCE).ignoreExceptions().until(() -> browser.switchTo().alert() != null);
        assertThat(browser.switchTo().alert().getText()).contains("12.34 CNY", names.get(chineseBank), chineseBank, names.get(HARBIN));
        browser.switchTo().alert().dismiss();
        assertThat(waitForText("send-status", t -> !t.isEmpty())).isEqualTo("Nothing was sent.");
        assertThat(service.request().get("/api/v1/payments/" + sent).statusCode()).isEqualTo(404);
        // confirmed: it settles, the page says so with a link, and the form offers a new UETR
        browser.findElement(By.cssSelector("#send-form button[type=submit]")).sendKeys(Keys.ENTER);
        await("the confirmation").atMost(PATIENCE).ignoreExceptions().until(() -> browser.switchTo().alert() != null);
        browser.switchTo().alert().accept();
        assertThat(waitForText("send-status", t -> t.startsWith("Payment "))).contains(sent, "12.34 CNY", "settled");
        JsonNode payment = JSON.readTree(service.request().get("/api/v1/payments/" + sent).asString());
        assertThat(payment.path("status").asText()).isEqualTo("SETTLED");
        assertThat(payment.path("amount").asText()).isEqualTo("12.34");
        assertThat(payment.path("debtor").path("name").asText()).isEqualTo("Heilongjiang Grain Co.");
        assertThat(payment.path("remittanceInformation").asText()).isEqualTo("Invoice 77, soybeans");
        assertThat(browser.findElement(By.id("p-uetr")).getAttribute("value")).isNotEqualTo(sent);
        await("the new payment first in the results").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#results tbody tr[data-uetr]")).getAttribute("data-uetr"), sent::equals);
        pageIsUsable("payments-sent");

        // oldest first when asked: the address keeps the choice
        new Select(browser.findElement(By.id("s-order"))).selectByValue("oldest");
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        String oldest = JSON.readTree(service.request().get("/api/v1/payments?order=oldest&size=1").asString())
                .path("items").path(0).path("uetr").asText();
        await("the oldest payment first").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#results tbody tr[data-uetr]")).getAttribute("data-uetr"), oldest::equals);
        assertThat(browser.getCurrentUrl()).contains("order=oldest");
    }

    @Test
    @Order(21)
    void aPacs008UploadedFromThePageIsAnsweredWithItsPacs002TransactionByTransaction() throws IOException {
        signIn("operator", null);
        liquidity(chineseBank, "IN", "1000.00");
        String settles = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        Path document = DOWNLOADS.resolveSibling("dashboard-upload.xml");
        Files.writeString(document, """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">
                  <FIToFICstmrCdtTrf>
                    <GrpHdr><MsgId>DASH-UPLOAD-1</MsgId><CreDtTm>2026-12-04T09:15:00+08:00</CreDtTm><NbOfTxs>2</NbOfTxs>
                      <SttlmInf><SttlmMtd>CLRG</SttlmMtd></SttlmInf></GrpHdr>
                    <CdtTrfTxInf>
                      <PmtId><EndToEndId>DASH-UP-1</EndToEndId><UETR>%s</UETR></PmtId>
                      <IntrBkSttlmAmt Ccy="CNY">21.50</IntrBkSttlmAmt><ChrgBr>SHAR</ChrgBr>
                      <DbtrAgt><FinInstnId><BICFI>%s</BICFI></FinInstnId></DbtrAgt>
                      <CdtrAgt><FinInstnId><BICFI>%s</BICFI></FinInstnId></CdtrAgt>
                    </CdtTrfTxInf>
                    <CdtTrfTxInf>
                      <PmtId><EndToEndId>DASH-UP-2</EndToEndId><UETR>%s</UETR></PmtId>
                      <IntrBkSttlmAmt Ccy="USD">5.00</IntrBkSttlmAmt><ChrgBr>SHAR</ChrgBr>
                      <DbtrAgt><FinInstnId><BICFI>%s</BICFI></FinInstnId></DbtrAgt>
                      <CdtrAgt><FinInstnId><BICFI>%s</BICFI></FinInstnId></CdtrAgt>
                    </CdtTrfTxInf>
                  </FIToFICstmrCdtTrf>
                </Document>
                """.formatted(settles, chineseBank, HARBIN, refused, chineseBank, HARBIN));

        open("/payments.html");
        waitForText("search-status", t -> t.endsWith(" found."));
        browser.findElement(By.id("upload-file")).sendKeys(document.toString());
        browser.findElement(By.cssSelector("#upload-form button[type=submit]")).sendKeys(Keys.ENTER);
        await("the confirmation").atMost(PATIENCE).ignoreExceptions().until(() -> browser.switchTo().alert() != null);
        assertThat(browser.switchTo().alert().getText()).contains("dashboard-upload.xml", "2 transactions");
        browser.switchTo().alert().accept();
        assertThat(waitForText("upload-status", t -> t.contains("pacs.002"))).contains("2 transactions", "1 settled", "1 rejected");

        WebElement settledRow = browser.findElement(By.xpath("//div[@id='pacs002']//tr[.//a[text()='" + settles + "']]"));
        assertThat(settledRow.getAttribute("data-status")).isEqualTo("ACSC");
        assertThat(settledRow.getText()).contains("DASH-UP-1", "settled");
        WebElement refusedRow = browser.findElement(By.xpath("//div[@id='pacs002']//tr[td[2][text()='DASH-UP-2']]"));
        assertThat(refusedRow.getAttribute("data-status")).isEqualTo("RJCT");
        // the page's reading of the pacs.002 agrees with the API's own state of each payment
        assertThat(paymentStatus(settles)).isEqualTo("SETTLED");
        JsonNode rejected = JSON.readTree(service.request().get("/api/v1/payments/" + refused).asString());
        assertThat(refusedRow.getText()).contains(rejected.path("reasonCode").asText("AM03"));
        // the report as received, to read and to download
        String report = browser.findElement(By.cssSelector("#pacs002 pre.xml")).getAttribute("textContent");
        assertThat(report).contains("pacs.002", "<OrgnlMsgId>DASH-UPLOAD-1</OrgnlMsgId>", settles);
        pageIsUsable("payments-upload");
    }

    @Test
    @Order(22)
    void aQueuedPaymentIsCancelledFromTheQueueAndFromItsPageAndTheDeclinedOneStays() throws IOException {
        signIn("operator", null);
        String first = queuedPaymentFrom(unfundedRussianBank, "DASH-CXL-1");
        String second = queuedPaymentFrom(unfundedRussianBank, "DASH-CXL-2");
        open("/settlement.html");
        await("the queued payment's cancel button").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#queue tr[data-uetr='" + first + "'] button.cancel-button")), e -> e != null);
        // declined: it stays queued
        browser.findElement(By.cssSelector("#queue tr[data-uetr='" + first + "'] button.cancel-button")).sendKeys(Keys.ENTER);
        await("the confirmation").atMost(PATIENCE).ignoreExceptions().until(() -> browser.switchTo().alert() != null);
        assertThat(browser.switchTo().alert().getText()).contains(first, names.get(unfundedRussianBank), "9,000,000.00");
        browser.switchTo().alert().dismiss();
        assertThat(waitForText("action-status", t -> !t.isEmpty())).contains("stays in the queue");
        assertThat(paymentStatus(first)).isEqualTo("QUEUED");
        // confirmed: cancelled, and the queue drops it
        browser.findElement(By.cssSelector("#queue tr[data-uetr='" + first + "'] button.cancel-button")).sendKeys(Keys.ENTER);
        await("the confirmation").atMost(PATIENCE).ignoreExceptions().until(() -> browser.switchTo().alert() != null);
        browser.switchTo().alert().accept();
        assertThat(waitForText("action-status", t -> t.startsWith("Payment "))).contains(first, "cancelled");
        assertThat(paymentStatus(first)).isEqualTo("CANCELLED");
        await("the queue without it").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElements(By.cssSelector("#queue tr[data-uetr='" + first + "']")).isEmpty());
        pageIsUsable("settlement-cancelled");

        // the debtor bank's member cancels the other from the payment's own page
        signIn("member", unfundedRussianBank);
        open("/payment.html?uetr=" + second);
        waitForVisible("cancel-button");
        browser.findElement(By.id("cancel-button")).sendKeys(Keys.ENTER);
        await("the confirmation").atMost(PATIENCE).ignoreExceptions().until(() -> browser.switchTo().alert() != null);
        browser.switchTo().alert().accept();
        assertThat(waitForText("payment-status", t -> t.startsWith("Payment "))).contains("cancelled");
        assertThat(paymentStatus(second)).isEqualTo("CANCELLED");
        await("no cancel button once cancelled").atMost(PATIENCE).until(() -> !browser.findElement(By.id("cancel-button")).isDisplayed());
        assertThat(browser.findElement(By.id("facts")).getText()).contains("CANCELLED");

        // its pacs.002 status report, downloaded
        browser.findElement(By.id("report-button")).sendKeys(Keys.ENTER);
        String report = downloaded("pacs.002-" + second + ".xml");
        assertThat(report).contains("pacs.002", second, "<TxSts>CANC</TxSts>");
        pageIsUsable("payment-cancelled");
    }

    @Test
    @Order(23)
    void statementsAreDownloadedAsJsonAndCamt053AndTheChartsFindABankByName() throws IOException {
        signIn("operator", null);
        open("/settlement.html");
        await("the statement form's accounts").atMost(PATIENCE).ignoreExceptions()
                .until(() -> new Select(browser.findElement(By.id("statement-account"))).getOptions().size() > 1);
        new Select(browser.findElement(By.id("statement-account"))).selectByValue(chineseBank);
        browser.findElement(By.cssSelector("#statement-form button[type=submit]")).sendKeys(Keys.ENTER);
        String status = waitForText("statement-status", t -> t.contains("Downloaded"));
        JsonNode expected = JSON.readTree(service.request().get("/api/v1/accounts/" + chineseBank + "/statement").asString());
        String day = expected.path("date").asText();
        assertThat(status).contains(names.get(chineseBank), day, expected.path("entries").size() + " entr");
        JsonNode json = JSON.readTree(downloaded("statement-" + chineseBank + "-" + day + ".json"));
        assertThat(json.path("closingBalance").asText()).isEqualTo(expected.path("closingBalance").asText());
        assertThat(json.path("entries").size()).isEqualTo(expected.path("entries").size()).isPositive();

        new Select(browser.findElement(By.id("statement-format"))).selectByValue("camt.053");
        browser.findElement(By.cssSelector("#statement-form button[type=submit]")).sendKeys(Keys.ENTER);
        waitForText("statement-status", t -> t.contains("camt.053.xml"));
        String camt = downloaded("statement-" + chineseBank + "-" + day + ".camt.053.xml");
        assertThat(camt).contains("urn:iso:std:iso:20022:tech:xsd:camt.053", chineseBank);
        pageIsUsable("settlement-statement");

        // the balances chart finds Harbin Bank by its name, and by a piece of its BIC
        waitForRendered("balances-chart");
        browser.findElement(By.id("balances-search")).sendKeys(names.get(HARBIN));
        assertThat(waitForText("balances-found", t -> !t.isEmpty())).startsWith("1 account of ");
        assertThat(chartCategories("balances-chart")).containsExactly(HARBIN.substring(0, 8));
        browser.findElement(By.id("balances-search")).clear();
        browser.findElement(By.id("balances-search")).sendKeys("hccb");
        await("Harbin Bank alone by its BIC").atMost(PATIENCE).ignoreExceptions()
                .until(() -> chartCategories("balances-chart"), c -> c.equals(List.of(HARBIN.substring(0, 8))));
        shot("settlement-search");

        // the accounts, 25 a page, and Harbin Bank's found by its name
        assertThat(browser.findElement(By.cssSelector("#accounts .pager-where")).getText()).startsWith("Page 1 of ");
        browser.findElement(By.id("accounts-search")).sendKeys("harbin bank");
        assertThat(waitForText("accounts-found", t -> !t.isEmpty())).startsWith("1 account of ");
        assertThat(browser.findElements(By.cssSelector("#accounts tbody tr[data-account]")))
                .extracting(e -> e.getAttribute("data-account")).containsExactly(HARBIN);

        // the network's tree rings what the reader looks for
        open("/network.html");
        waitForRendered("network-chart");
        browser.findElement(By.id("network-search")).sendKeys(names.get(russianBank));
        assertThat(waitForText("network-found", t -> !t.isEmpty())).contains(names.get(russianBank) + " (" + russianBank + ")");
        assertThat(browser.findElements(By.cssSelector("#corridor tbody tr[data-bic]")))
                .extracting(e -> e.getAttribute("data-bic")).containsExactly(russianBank);
        pageIsUsable("network-search");
    }

    /** A payment that waits: more than the Russian bank's balance and credit line together. */
    private static String queuedPaymentFrom(String bank, String endToEndId) throws IOException {
        String id = UUID.randomUUID().toString();
        service.request().contentType(ContentType.JSON).body(Map.of("uetr", id, "endToEndId", endToEndId,
                "debtorAgent", bank, "creditorAgent", chineseBank, "amount", "9000000.00", "currency", "CNY"))
                .post("/api/v1/payments").then().statusCode(201);
        assertThat(paymentStatus(id)).isEqualTo("QUEUED");
        return id;
    }

    /** The text of a file the page had the browser download, once it is whole. */
    private static String downloaded(String name) {
        Path file = DOWNLOADS.resolve(name);
        return await(name + " downloaded").atMost(PATIENCE).ignoreExceptions()
                .until(() -> Files.isRegularFile(file) ? Files.readString(file) : null, t -> t != null && !t.isEmpty());
    }

    /** The categories an ECharts chart draws on its first x axis. */
    @SuppressWarnings("unchecked")
    private static List<String> chartCategories(String id) {
        return (List<String>) js("return echarts.getInstanceByDom(document.getElementById('" + id + "')).getOption().xAxis[0].data;");
    }

    @Test
    @Order(5)
    void theSettlementPageFollowsTheQueueWithoutReloadingAndOffersTheOperatorsButtons() throws IOException {
        open("/settlement.html");
        waitForText("business-date", t -> t.matches("\\d{4}-\\d{2}-\\d{2}"));
        waitForRendered("balances-chart");
        WebElement harbin = await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#accounts tr[data-account='" + HARBIN + "']")), e -> e != null);
        assertThat(harbin.getText()).contains("CIPS");
        js("window.sameDocument = true;");

        // paid by a bank without funds: it waits, and the open page shows it in the queue
        String queued = UUID.randomUUID().toString();
        service.request().contentType(ContentType.JSON).body(Map.of("uetr", queued, "endToEndId", "DASH-Q",
                "debtorAgent", unfundedRussianBank, "creditorAgent", chineseBank, "amount", "1000.00", "currency", "CNY"))
                .post("/api/v1/payments").then().statusCode(201);
        WebElement link = await("the queued payment on the page").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#queue a[href$='" + queued + "']")), e -> e != null);
        assertThat(link.findElement(By.xpath("./ancestor::tr")).getText()).contains(unfundedRussianBank, "1,000.00");
        assertThat(waitForText("queue-count", t -> t.equals("1"))).isEqualTo("1");
        pageIsUsable("settlement-queued");

        // funds arrive: the payment settles, and the page drops it from the queue by itself
        liquidity(unfundedRussianBank, "IN", "1000.00");
        waitForText("queue-count", t -> t.equals("0"));
        assertThat(browser.findElements(By.cssSelector("#queue a[href$='" + queued + "']"))).isEmpty();
        assertThat(js("return window.sameDocument === true;")).as("the page was not reloaded").isEqualTo(true);

        assertThat(browser.findElement(By.id("offset-button")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("close-button")).isDisplayed()).isTrue();
        browser.findElement(By.id("offset-button")).sendKeys(Keys.ENTER);
        waitForText("action-status", t -> t.startsWith("Offsetting settled"));
        pageIsUsable("settlement");

        // a treasury-sized balance reads in units, exact on hover, in the units the reader chooses
        liquidity(HARBIN, "IN", "900000000000.00");   // 9,000 亿: the contract's largest single movement is just under 1 tn
        try {
            WebElement balance = await("Harbin Bank's balance in billions").atMost(PATIENCE).ignoreExceptions()
                    .until(() -> browser.findElement(By.cssSelector("#accounts tr[data-account='" + HARBIN + "'] td:nth-child(3) .amount")),
                            e -> e.getText().startsWith("900.00 bn"));
            assertThat(balance.getAttribute("title")).matches("CNY 900,000,\\d{3},\\d{3}\\.\\d{2}");
            figuresAreReadable("settlement-billions");
            new Select(browser.findElement(By.id("units"))).selectByValue("zh");
            await("the balance in 亿").atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.cssSelector(
                    "#accounts tr[data-account='" + HARBIN + "'] td:nth-child(3)")).getText(), t -> t.startsWith("9,000.00 亿"));
            figuresAreReadable("settlement-yi");
            shot("settlement-units-zh");
            new Select(browser.findElement(By.id("units"))).selectByValue("en");
            await("the balance in billions again").atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.cssSelector(
                    "#accounts tr[data-account='" + HARBIN + "'] td:nth-child(3)")).getText(), t -> t.startsWith("900.00 bn"));
        } finally {
            liquidity(HARBIN, "OUT", "900000000000.00");
        }
    }

    private static void liquidity(String account, String direction, String amount) {
        service.request().contentType(ContentType.JSON).body(Map.of("direction", direction, "amount", amount,
                "currency", "CNY", "reference", "dashboard test")).post("/api/v1/accounts/" + account + "/liquidity")
                .then().statusCode(200);
    }

    @Test
    @Order(6)
    void theSettlementPageShowsTheSessionAndTheNettingCyclesAndTheOperatorRunsOneAndGrantsACreditLine() throws IOException {
        // a payment for deferred net settlement: it waits for a netting cycle
        String dns = UUID.randomUUID().toString();
        service.request().contentType(ContentType.JSON).body(Map.of("uetr", dns, "endToEndId", "DASH-DNS",
                "debtorAgent", russianBank, "creditorAgent", chineseBank, "amount", "2500.00", "currency", "CNY",
                "settlement", "DNS")).post("/api/v1/payments").then().statusCode(201);
        assertThat(paymentStatus(dns)).isEqualTo("QUEUED");

        open("/settlement.html");
        assertThat(waitForText("session", t -> !t.isEmpty()))
                .isIn("Day session", "End-of-session processing", "Night session", "End-of-day processing", "Closed");
        assertThat(waitForText("timetable", t -> !t.isEmpty())).isEqualTo("Day session only");
        assertThat(browser.findElement(By.id("opens-at")).getText()).endsWith("Beijing time (UTC+8)");
        assertThat(browser.findElement(By.id("cut-off")).getText()).endsWith("Beijing time (UTC+8)");
        assertThat(browser.findElement(By.id("next-cycle")).getText()).isEqualTo("Only the one at the day's close");
        WebElement queued = await("the DNS payment in the queue").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#queue a[href$='" + dns + "']")), e -> e != null);
        assertThat(queued.findElement(By.xpath("./ancestor::tr")).getText()).contains("DNS", "2,500.00");
        assertThat(browser.findElement(By.cssSelector("#cycles caption")).getText()).contains("netting cycle");

        WebElement button = browser.findElement(By.id("cycle-button"));
        assertThat(button.getText()).isEqualTo("Run a netting cycle now");
        button.sendKeys(Keys.ENTER);   // by keyboard
        String said = waitForText("action-status", t -> t.startsWith("Netting cycle"));
        assertThat(said).contains("settled 1 payment worth 2,500.00 CNY");
        await("the DNS payment settled").atMost(PATIENCE).until(() -> paymentStatus(dns), "SETTLED"::equals);
        String cycle = said.replaceAll("^Netting cycle (\\d+) .*", "$1");
        WebElement row = await("the cycle in the table").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#cycles tr[data-cycle='" + cycle + "']")), e -> e != null);
        assertThat(row.getText()).contains("2,500.00");
        assertThat(browser.findElements(By.cssSelector("#cycles th")).stream().map(WebElement::getText))
                .contains("Ran at", "Settled", "Carried over");
        await("the DNS payment leaves the queue").atMost(PATIENCE)
                .until(() -> browser.findElements(By.cssSelector("#queue a[href$='" + dns + "']")).isEmpty());

        // the accounts' new columns, and a credit line granted to an indirect participant from the form
        List<String> columns = browser.findElements(By.cssSelector("#accounts th")).stream().map(WebElement::getText).toList();
        assertThat(columns).contains("Credit line", "Earmarked", "Reserved", "Available");
        new Select(browser.findElement(By.id("limit-account"))).selectByValue(unfundedRussianBank);
        assertThat(new Select(browser.findElement(By.id("limit-kind"))).getFirstSelectedOption().getAttribute("value"))
                .as("an indirect account takes a credit line").isEqualTo("credit-line");
        browser.findElement(By.id("limit-amount")).sendKeys("654321.00");
        browser.findElement(By.cssSelector("#limit-form button[type=submit]")).click();
        assertThat(waitForText("limit-status", t -> !t.isEmpty())).contains(unfundedRussianBank, "654,321.00");
        await("the new credit line in the accounts table").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#accounts tr[data-account='" + unfundedRussianBank + "']")).getText(),
                        t -> t.contains("654,321.00"));
        JsonNode account = JSON.readTree(service.request().get("/api/v1/accounts/" + unfundedRussianBank).asString());
        assertThat(account.path("creditLine").asText()).isEqualTo("654321.00");
        pageIsUsable("settlement-cycles");

        // liquidity in, by keyboard: declined at the confirmation first (nothing moves), then confirmed
        String before = JSON.readTree(service.request().get("/api/v1/accounts/" + unfundedRussianBank).asString()).path("balance").asText();
        new Select(browser.findElement(By.id("liquidity-account"))).selectByValue(unfundedRussianBank);
        new Select(browser.findElement(By.id("liquidity-direction"))).selectByValue("IN");
        browser.findElement(By.id("liquidity-amount")).sendKeys("2345.67");
        browser.findElement(By.id("liquidity-reference")).sendKeys("DASH-LIQ");
        browser.findElement(By.cssSelector("#liquidity-form button[type=submit]")).sendKeys(Keys.ENTER);
        await("the confirmation").atMost(PATIENCE).ignoreExceptions().until(() -> browser.switchTo().alert() != null);
        assertThat(browser.switchTo().alert().getText()).contains("2,345.67 CNY", names.get(unfundedRussianBank), unfundedRussianBank);
        browser.switchTo().alert().dismiss();
        assertThat(waitForText("liquidity-status", t -> !t.isEmpty())).isEqualTo("Nothing moved.");
        assertThat(JSON.readTree(service.request().get("/api/v1/accounts/" + unfundedRussianBank).asString()).path("balance").asText())
                .isEqualTo(before);
        long mark = JSON.readTree(service.request().get("/api/v1/audit?order=newest&size=1").asString()).path("items").path(0).path("seq").asLong();
        browser.findElement(By.cssSelector("#liquidity-form button[type=submit]")).sendKeys(Keys.ENTER);
        await("the confirmation").atMost(PATIENCE).ignoreExceptions().until(() -> browser.switchTo().alert() != null);
        browser.switchTo().alert().accept();
        assertThat(waitForText("liquidity-status", t -> t.startsWith("Moved"))).contains("2,345.67 CNY", unfundedRussianBank);
        assertThat(new java.math.BigDecimal(JSON.readTree(service.request().get("/api/v1/accounts/" + unfundedRussianBank).asString())
                .path("balance").asText())).isEqualByComparingTo(new java.math.BigDecimal(before).add(new java.math.BigDecimal("2345.67")));
        List<Map<String, Object>> moves = io.restassured.path.json.JsonPath.from(service.request().get("/api/v1/audit?order=newest&size=50").asString())
                .getList("items");
        assertThat(moves).as("the movement in the audit trail, once")
                .filteredOn(m -> ((Number) m.get("seq")).longValue() > mark
                        && String.valueOf(m.get("path")).endsWith("/accounts/" + unfundedRussianBank + "/liquidity")
                        && Integer.valueOf(200).equals(m.get("status")))
                .hasSize(1);
        pageIsUsable("settlement-liquidity");
    }

    @Test
    @Order(7)
    void aSimulationRunsFromTheFormAndItsChartsAreDrawn() throws IOException {
        open("/simulations.html");
        new Select(browser.findElement(By.id("sim-scenario"))).selectByValue("harbin-ftz-2021h1");
        new Select(browser.findElement(By.id("sim-liquidity"))).selectByValue("LOWER_BOUND");
        browser.findElement(By.id("sim-sweep")).sendKeys("0,0.5,1");
        browser.findElement(By.cssSelector("#scenario-form button[type=submit]")).click();
        waitForText("sim-status", t -> t.endsWith("is done."));
        for (String id : List.of("settled-chart", "delay-chart", "liquidity-chart", "sweep-chart")) {
            waitForRendered(id);
        }
        assertThat(browser.findElement(By.id("report-payments")).getText()).isEqualTo("6,000");
        assertThat(browser.findElements(By.cssSelector("#mode-table tbody tr"))).hasSize(3);
        // the liquidity chart shows the largest accounts and Harbin Bank always; a search finds any other
        assertThat(liquidityAccounts()).as("accounts in the liquidity chart").contains(HARBIN).hasSizeLessThanOrEqualTo(31);
        browser.findElement(By.id("liquidity-search")).sendKeys("harbin");
        List<String> found = await("the search in the liquidity chart").atMost(PATIENCE).ignoreExceptions()
                .until(DashboardBrowserIT::liquidityAccounts, a -> !a.isEmpty() && a.stream().allMatch(
                        b -> b.toLowerCase().contains("harbin") || names.getOrDefault(b, "").toLowerCase().contains("harbin")));
        assertThat(found).contains(HARBIN);
        pageIsUsable("simulations");
        browser.findElement(By.id("liquidity-search")).clear();
    }

    /** The accounts the simulation report's liquidity chart shows, as its table of figures lists them. */
    @SuppressWarnings("unchecked")
    private static List<String> liquidityAccounts() {
        return (List<String>) js("return [...document.querySelectorAll('#liquidity-figures tbody tr code')].map(c => c.textContent);");
    }

    @Test
    @Order(8)
    void aCsvStreamIsUploadedFromThePageAndReported() throws IOException {
        // a gridlock among three banks: only offsetting settles it, whatever the liquidity
        Path csv = Files.writeString(Files.createTempFile(Path.of("target"), "stream", ".csv"),
                "time,debtorAgent,creditorAgent,amount,priority\n"
                        + "2021-03-01T09:00:00+08:00,XAAACNX0,YAAACNX0,100.00,NORM\n"
                        + "2021-03-01T09:05:00+08:00,YAAACNX0,ZAAACNX0,100.00,NORM\n"
                        + "2021-03-01T09:10:00+08:00,ZAAACNX0,XAAACNX0,100.00,HIGH\n");
        open("/simulations.html");
        // the page draws its options once it knows who signs in: wait for them, not for a fixed time
        await("the CSV form's options").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> !browser.findElements(By.id("csv-liquidity")).isEmpty());
        browser.findElement(By.id("csv-file")).sendKeys(csv.toAbsolutePath().toString());
        new Select(browser.findElement(By.id("csv-liquidity"))).selectByValue("LOWER_BOUND");
        browser.findElement(By.cssSelector("#csv-form button[type=submit]")).click();
        waitForText("sim-status", t -> t.endsWith("is done."));
        waitForRendered("settled-chart");
        assertThat(browser.findElement(By.id("report-payments")).getText()).isEqualTo("3");
        List<String> modes = browser.findElements(By.cssSelector("#mode-table tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(modes).hasSize(3);
        assertThat(modes.get(0)).startsWith("RTGS 0 0.00 3");        // RTGS: nothing settles
        assertThat(modes.get(1)).startsWith("RTGS_LSM 3 300.00 0");  // the offset settles all three
        assertThat(browser.findElement(By.id("sweep-card")).isDisplayed()).isFalse();
    }

    @Test
    @Order(9)
    void anOperatorClosesTheDayAndReplaysItAndTheReplayEndsEveryPaymentAsTheDayDid() throws IOException {
        open("/settlement.html");
        String day = waitForText("business-date", t -> t.matches("\\d{4}-\\d{2}-\\d{2}"));
        browser.findElement(By.id("close-button")).sendKeys(Keys.ENTER);   // by keyboard, then confirmed
        await("the confirmation").atMost(PATIENCE).ignoreExceptions().until(() -> browser.switchTo().alert() != null);
        browser.switchTo().alert().accept();
        assertThat(waitForText("action-status", t -> t.startsWith("Closed"))).startsWith("Closed " + day);
        WebElement replay = await("the closed day's replay button").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#days button[data-day='" + day + "']")), e -> e != null);
        assertThat(replay.getText()).isEqualTo("Replay " + day);
        replay.sendKeys(Keys.ENTER);
        assertThat(waitForText("replay-status", t -> t.startsWith("Replay of"))).contains(day, "started as simulation run");
        pageIsUsable("settlement-replay");
        browser.findElement(By.cssSelector("#replay-status a")).click();

        waitForText("sim-status", t -> t.endsWith("is done."));
        waitForVisible("replay-card");
        assertThat(browser.findElement(By.id("replay-day")).getText()).isEqualTo(day);
        List<String> modes = browser.findElements(By.cssSelector("#replay-table tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(modes).hasSize(3);
        assertThat(modes.get(0)).as("RTGS_LSM with the day's own liquidity").startsWith("RTGS_LSM yes 0");
        pageIsUsable("simulations-replay");
    }

    @Test
    @Order(10)
    void anAuditorReadsTheTrailNewestFirstPagesBackAndVerifiesTheChain() throws IOException {
        for (int i = 0; i < 60; i++) {
            liquidity(russianBank, "IN", "1.00");   // sixty entries at least: more than a page
        }
        long latest = JSON.readTree(service.request().get("/api/v1/audit?order=newest&size=1").asString())
                .path("items").path(0).path("seq").asLong();
        signIn("auditor", null);
        open("/audit.html");
        List<Long> first = await("the newest page").atMost(PATIENCE).ignoreExceptions()
                .until(DashboardBrowserIT::auditSeqs, q -> q.size() == 50);
        assertThat(first).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(first.get(0)).as("the first row is the latest entry").isGreaterThanOrEqualTo(latest);
        // the sign-in as auditor came after the last liquidity movement
        assertThat(browser.findElement(By.cssSelector("#entries tbody tr[data-seq='" + latest + "']")).getText())
                .contains("POST /api/v1/accounts/" + russianBank + "/liquidity", "DONE");
        assertThat(browser.findElement(By.cssSelector("#entries .pager-previous")).isEnabled()).isFalse();
        pageIsUsable("audit");

        browser.findElement(By.cssSelector("#entries .pager-next")).sendKeys(Keys.ENTER);   // older, by keyboard
        List<Long> second = await("the next page, older").atMost(PATIENCE).ignoreExceptions()
                .until(DashboardBrowserIT::auditSeqs, q -> !q.isEmpty() && q.get(0) < first.get(first.size() - 1));
        assertThat(second).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(second.get(0)).as("no entry skipped between the pages").isEqualTo(first.get(first.size() - 1) - 1);
        // the keyboard stays on the pager: on Older, or on Newer where this page is the oldest
        String stays = browser.findElement(By.cssSelector("#entries .pager-next")).isEnabled() ? "entries .pager-next" : "entries .pager-previous";
        await("the focus back on the pager").atMost(PATIENCE).until(DashboardBrowserIT::focus, f -> f.equals(stays));

        browser.findElement(By.id("verify-button")).sendKeys(Keys.ENTER);
        assertThat(waitForText("verify-status", t -> t.startsWith("Intact") || t.startsWith("Broken"))).startsWith("Intact: ");
        pageIsUsable("audit-older");
    }

    @SuppressWarnings("unchecked")
    private static List<Long> auditSeqs() {
        return ((List<Object>) js("return [...document.querySelectorAll('#entries tbody tr[data-seq]')].map(r => Number(r.dataset.seq));"))
                .stream().map(o -> ((Number) o).longValue()).toList();
    }

    @Test
    @Order(11)
    void everyPageIsReachedByKeyboardFromItsSkipLinkAndMarksItselfInTheNavigation() {
        Map<String, String> pages = Map.of("/", "Overview", "/network.html", "Network", "/alliance.html", "Alliance",
                "/settlement.html", "Settlement", "/payments.html", "Payments", "/simulations.html", "Simulations",
                "/audit.html", "Audit", "/desk.html", "Agent desk", "/payment.html?uetr=" + uetr, "");
        pages.forEach((page, current) -> {
            open(page);
            await(page + " has its header").atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("header nav a")).isEmpty());
            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            assertThat((String) js("return document.activeElement.className;")).as("the first Tab on %s", page).isEqualTo("skip");
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            assertThat((String) js("return document.activeElement.id;")).as("the skip link on %s leads to", page).isEqualTo("main");
            List<String> marked = browser.findElements(By.cssSelector("header nav a[aria-current=page]")).stream()
                    .map(WebElement::getText).toList();
            assertThat(marked).as("the page marked current on %s", page).isEqualTo(current.isEmpty() ? List.of() : List.of(current));
        });
    }

    @Test
    @Order(13)
    void aMemberBankSeesOnlyItsOwnPaymentsAndAccountAndNoOperatorControls() throws IOException {
        // Harbin Bank as a member: it sees the application to join through it, and cannot decide it
        String applicant = applyThroughHarbin("ZEYARUBZXXX", "Zeya Test Bank");
        signIn("member", HARBIN);
        open("/network.html");
        WebElement row = await("the application through Harbin Bank").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.xpath("//div[@id='applications']//tr[td/code[text()='" + applicant + "']]")), e -> e != null);
        assertThat(row.findElements(By.tagName("button"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("button[data-approve]"))).isEmpty();
        shot("network-member");
        assertThat(Axe.seriousViolations(browser)).as("network-member: axe-core serious/critical violations").isEmpty();

        // as their settlement agent it sees its indirect participants' accounts and grants one a credit line
        open("/settlement.html");
        await("Harbin Bank's indirect participant in its accounts").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#accounts tr[data-account='" + russianBank + "']")), e -> e != null);
        new Select(browser.findElement(By.id("limit-account"))).selectByValue(russianBank);
        browser.findElement(By.id("limit-amount")).sendKeys("1000.00");
        browser.findElement(By.cssSelector("#limit-form button[type=submit]")).click();
        assertThat(waitForText("limit-status", t -> !t.isEmpty())).startsWith("The credit line of " + names.get(russianBank) + " (" + russianBank + ") is now 1,000.00 CNY");
        assertThat(browser.findElement(By.id("cycle-button")).isDisplayed()).isFalse();

        signIn("member", russianBank);

        open("/payments.html");
        waitForText("search-status", t -> t.endsWith(" found."));
        List<WebElement> rows = browser.findElements(By.cssSelector("#results tbody tr[data-uetr]"));
        assertThat(rows).isNotEmpty().allMatch(r -> r.getText().contains(russianBank));

        open("/settlement.html");
        await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElements(By.cssSelector("#accounts tr[data-account]")).size(), n -> n == 1);
        assertThat(browser.findElement(By.cssSelector("#accounts tr[data-account]")).getAttribute("data-account")).isEqualTo(russianBank);
        assertThat(browser.findElement(By.id("offset-button")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("close-button")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("cycle-button")).isDisplayed()).isFalse();
        // an indirect participant cannot grant itself a credit line: the page says what the API answered
        browser.findElement(By.id("limit-amount")).sendKeys("1.00");
        browser.findElement(By.cssSelector("#limit-form button[type=submit]")).click();
        assertThat(waitForText("limit-status", t -> !t.isEmpty())).contains("(403)", "settlement agent");
        shot("settlement-member");
        assertThat(Axe.seriousViolations(browser)).as("settlement-member: axe-core serious/critical violations").isEmpty();
    }

    @Test
    @Order(12)
    void theSignInPageSendsTheReaderOnlyToPagesOfThisService() {
        signIn("operator", null);
        for (String next : List.of("//example.org/x", "/%5Cexample.org/x", "/%09/example.org/x", "https://example.org/")) {
            open("/?next=" + next);
            await("where ?next=" + next + " leads").atMost(PATIENCE)
                    .until(() -> browser.getCurrentUrl(), u -> !u.contains("next="));
            assertThat(URI.create(browser.getCurrentUrl()).getAuthority()).as("after ?next=%s", next)
                    .isEqualTo(URI.create(service.baseUri()).getAuthority());
        }
    }

    @Test
    @Order(98)
    void everyPageFitsANarrowScreen() throws IOException {
        viewport(390, 844, true);
        // each page with what shows it has drawn its content
        Map<String, String> pages = Map.of("/", "#figures dd", "/network.html", "#network-chart canvas",
                "/alliance.html", "#members tbody tr", "/settlement.html", "#accounts tbody tr", "/payments.html", "#results tbody tr",
                "/payment.html?uetr=" + uetr, "#postings tbody tr", "/simulations.html", "#runs tbody tr",
                "/audit.html", "#entries tbody tr, #entries-status:not(:empty)", "/desk.html", "#desk-payments tbody tr");
        try {
            for (Map.Entry<String, String> p : pages.entrySet()) {
                String page = p.getKey();
                open(page);
                await(page + " drawn").atMost(PATIENCE).ignoreExceptions()
                        .until(() -> !browser.findElements(By.cssSelector(p.getValue())).isEmpty());
                Long overflow = (Long) js("return document.documentElement.scrollWidth - window.innerWidth;");
                assertThat(overflow).as("%s is wider than a 390 px screen by", page).isLessThanOrEqualTo(0L);
                figuresAreReadable("narrow " + page);
                shot("narrow" + page.replaceAll("\\?.*", "").replace('/', '-').replace(".html", "").replaceAll("^-$", "-overview"));
                assertThat(Axe.seriousViolations(browser)).as("narrow " + page + ": axe-core serious/critical violations").isEmpty();
            }
        } finally {
            viewport(1280, 800, false);
        }
    }

    @Test
    @Order(99)
    void noPageAskedAnyHostButTheServiceItself() {
        collectLogs();
        String own = URI.create(service.baseUri()).getAuthority();
        Set<String> elsewhere = new TreeSet<>();
        for (String url : requested) {
            URI u = URI.create(url);
            // data:, blob: and the browser's own chrome:// pages never leave the machine
            boolean network = Set.of("http", "https", "ws", "wss", "ftp").contains(u.getScheme());
            if (network && !own.equals(u.getAuthority())) {
                elsewhere.add(url);
            }
        }
        assertThat(requested).as("requests seen").anyMatch(u -> u.endsWith("/vendor/echarts/echarts.min.js"));
        assertThat(elsewhere).as("requests to other hosts").isEmpty();
        assertThat(missing).as("pages, scripts, styles or icons the service did not have").isEmpty();
        assertThat(scriptErrors).as("script errors in the pages").isEmpty();
    }

    // --- helpers

    private static void open(String path) {
        collectLogs();
        browser.get(service.baseUri() + path);
    }

    /** Moves the browser's network and console logs into {@link #requested} and {@link #scriptErrors}. */
    private static void collectLogs() {
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                String method = message.path("method").asText();
                if (method.equals("Network.responseReceived")) {
                    JsonNode response = message.path("params").path("response");
                    String url = response.path("url").asText();
                    if (response.path("status").asInt() >= 400 && !URI.create(url).getPath().startsWith("/api/")) {
                        missing.add(response.path("status").asInt() + " " + url);
                    }
                } else if (method.equals("Network.requestWillBeSent")) {
                    requested.add(message.path("params").path("request").path("url").asText());
                } else if (method.equals("Network.webSocketCreated")) {
                    requested.add(message.path("params").path("url").asText());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Uncaught") || entry.getMessage().contains("Content Security Policy")) {
                scriptErrors.add(entry.getMessage());
            }
        }
    }

    private static String waitForText(String id, java.util.function.Predicate<String> ok) {
        return await(id + " shows what is expected").atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.id(id)).getText().trim(), ok);
    }

    private static void waitForRendered(String id) {
        await(id + " is drawn").atMost(PATIENCE).ignoreExceptions()
                .until(() -> "true".equals(browser.findElement(By.id(id)).getAttribute("data-rendered"))
                        && !browser.findElements(By.cssSelector("#" + id + " canvas")).isEmpty());
    }

    private static String paymentStatus(String uetr) throws IOException {
        return JSON.readTree(service.request().get("/api/v1/payments/" + uetr).asString()).path("status").asText();
    }

    /** A Russian bank applies, through the API, to join CIPS through Harbin Bank; its application waits for a decision. */
    private static String applyThroughHarbin(String bic, String name) {
        service.request().contentType(ContentType.JSON).body(Map.of("bic", bic, "name", name, "country", "RU",
                "settlementAgent", HARBIN, "institutionType", "BANK")).post("/api/v1/applications").then().statusCode(201);
        return bic;
    }

    /** Signs out whoever is signed in and signs in with a demo token for this role (and bank). */
    private static void signIn(String role, String bic) {
        open("/");
        // the header is drawn once the page has asked who holds the token: wait for it (a sign-out
        // button or the sign-in form) before deciding, or a click would miss a header not yet there
        await("the overview knows who is signed in").atMost(PATIENCE).ignoreExceptions()
                .until(() -> !browser.findElements(By.cssSelector("header .who button")).isEmpty()
                        || browser.findElement(By.id("demo-form")).isDisplayed());
        browser.findElements(By.cssSelector("header .who button")).forEach(WebElement::click);
        waitForVisible("demo-form");
        assertThat(Axe.seriousViolations(browser)).as("sign-in: axe-core serious/critical violations").isEmpty();
        new Select(browser.findElement(By.id("demo-role"))).selectByValue(role);
        if (bic != null) {
            browser.findElement(By.id("demo-bic")).sendKeys(bic);
        }
        browser.findElement(By.cssSelector("#demo-form button[type=submit]")).click();
        waitForText("signed-in-as", t -> t.contains(role) && (bic == null || t.contains(bic)));
    }

    private static void waitForVisible(String id) {
        await(id + " is shown").atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.id(id)).isDisplayed());
    }

    /** Where the keyboard is: the id of the focused element's nearest ancestor that has one, and its class. */
    private static String focus() {
        return (String) js("const a = document.activeElement; const host = a.parentElement && a.parentElement.closest('[id]');"
                + "return (host ? host.id : '') + ' .' + a.className;");
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /**
     * What every page owes screen-reader users: each form control has a label. Then a screenshot of the page,
     * and no axe-core violation of impact serious or critical ({@link Axe}).
     */
    @SuppressWarnings("unchecked")
    private static void pageIsUsable(String name) throws IOException {
        List<String> unlabelled = (List<String>) js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))"
                + ".map(e => e.id || e.name || e.outerHTML);");
        assertThat(unlabelled).as("controls without a label on %s", name).isEmpty();
        figuresAreReadable(name);
        shot(name);
        assertThat(Axe.seriousViolations(browser)).as(name + ": axe-core serious/critical violations").isEmpty();
    }

    /**
     * What every page owes a reader of figures: no figure wider than its card, every moment with its
     * zone, every bank the directory knows by its name beside its BIC.
     */
    @SuppressWarnings("unchecked")
    private static void figuresAreReadable(String name) {
        List<String> overflowing = (List<String>) js("return [...document.querySelectorAll('.figures > div, .figures dd, section.card, dl.facts dd')]"
                + ".filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)"
                + ".map(e => (e.id || e.className || e.tagName) + ': ' + e.scrollWidth + ' px in ' + e.clientWidth + ' px: ' + e.textContent.trim().slice(0, 60));");
        assertThat(overflowing).as("figures wider than their card on %s", name).isEmpty();
        // a figure that fits only by breaking inside a number (368,756. / 06) is not readable either
        List<String> broken = (List<String>) js("return [...document.querySelectorAll('.figures dd')]"
                + ".filter(d => d.offsetParent !== null && !/\\s/.test(d.textContent.trim()))"
                + ".filter(d => { const rects = [];"
                + "  const w = document.createTreeWalker(d, NodeFilter.SHOW_TEXT);"
                + "  for (let n; (n = w.nextNode()); ) { const r = document.createRange(); r.selectNodeContents(n); rects.push(...r.getClientRects()); }"
                + "  return rects.some(a => rects.some(b => Math.abs(a.top - b.top) > Math.max(a.height, b.height) * 0.6)); })"
                + ".map(d => (d.id || d.className) + ': ' + d.textContent.trim());");
        assertThat(broken).as("figures broken over two lines on %s", name).isEmpty();
        Long pageOverflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(pageOverflow).as("%s is wider than the window by", name).isLessThanOrEqualTo(0L);
        // what sticks out of the window's right edge (a page may hide it from its scroll width); tables,
        // charts and raw documents scroll inside their own box and are measured by the card check above
        List<String> beyond = (List<String>) js("const w = document.documentElement.clientWidth;"
                + "return [...document.querySelectorAll('header *, main *')]"
                + ".filter(e => e.offsetParent !== null && !e.closest('.table-wrap, [_echarts_instance_], pre') && e.getBoundingClientRect().right > w + 1)"
                + ".map(e => (e.id || e.className || e.tagName) + ' ends at ' + Math.round(e.getBoundingClientRect().right) + ' px of ' + w);");
        assertThat(beyond).as("elements beyond the window's right edge on %s", name).isEmpty();

        List<String> withoutZone = (List<String>) js("const out = [];"
                + "document.querySelectorAll('time').forEach(t => { if (!/Beijing time \\(UTC\\+8\\)$/.test(t.textContent)) out.push(t.textContent); });"
                + "const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                + "for (let n; (n = w.nextNode()); ) {"
                + "  const p = n.parentElement;"
                // pre.xml: an ISO 20022 document as the API sent it, whose times carry their own offset (Z)
                + "  if (!p || p.closest('time, script, style, [_echarts_instance_], input, textarea, select, pre.xml')) continue;"
                + "  if (/\\b\\d{1,2}:\\d{2}\\b/.test(n.textContent)) out.push(n.textContent.trim());"
                + "}"
                + "return out;");
        assertThat(withoutZone).as("moments on %s without their zone", name).isEmpty();

        List<List<String>> bics = (List<List<String>>) js("return [...document.querySelectorAll('main code, main td')]"
                + ".filter(c => /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(c.textContent.trim()) && c.offsetParent !== null)"
                + ".map(c => [c.textContent.trim(), (c.closest('tr, li, dd, p') || c.parentElement).textContent]);");
        List<String> nameless = bics.stream().filter(b -> names.containsKey(b.get(0)) && !b.get(1).contains(names.get(b.get(0))))
                .map(b -> b.get(0) + " in \"" + b.get(1).trim() + "\"").distinct().toList();
        assertThat(nameless).as("BICs shown without the name the directory has for them on %s", name).isEmpty();
    }

    /** The page as the browser lays it out at this viewport (CSS pixels): a desktop at 1280x800, a phone at 390x844. */
    private static void viewport(int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** A screenshot of the whole page, not only what the viewport shows. */
    @SuppressWarnings("unchecked")
    private static void shot(String name) throws IOException {
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        Map<String, Number> window = (Map<String, Number>) metrics.get("cssLayoutViewport");
        // headless Chromium's scrollbars overlay the page: the content size may leave out the last
        // 15 px of the layout's width, which would cut the right edge off every screenshot
        double width = Math.max(size.get("width").doubleValue(), window.get("clientWidth").doubleValue());
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", size.get("height"), "scale", 1);
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(SHOTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }
}

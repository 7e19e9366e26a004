package io.rmbsim.dashboard;

import static io.rmbsim.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard as the service serves it, without a browser: every page and everything it loads is
 * here, from this service only, and the pages tell browsers to refuse anything else. (The browser
 * test, {@link DashboardBrowserIT}, drives the pages themselves.)
 */
@QuarkusTest
class DashboardPagesTest {

    static final List<String> PAGES = List.of("/", "/network.html", "/alliance.html", "/settlement.html", "/payments.html",
            "/payment.html", "/simulations.html", "/audit.html");
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"#?]+)\"");
    private static final Pattern IMPORT = Pattern.compile("from '(\\./[a-z]+\\.js)'");

    @Test
    void everyPageAndEverythingItLoadsIsServedByTheServiceItself() {
        Set<String> assets = new LinkedHashSet<>();
        for (String page : PAGES) {
            Response r = anonymous().get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.contentType()).as(page).startsWith("text/html");
            String html = r.asString();
            assertThat(html).as(page).contains("<html lang=\"en\">", "<meta name=\"viewport\"", "id=\"site-header\"", "id=\"main\"");
            Matcher m = ASSET.matcher(html);
            while (m.find()) {
                assets.add(m.group(1));
            }
        }
        assertThat(assets).contains("/assets/app.css", "/vendor/echarts/echarts.min.js", "/assets/network.js");
        assertThat(assets).as("addresses the pages load").allMatch(a -> a.startsWith("/") && !a.startsWith("//"));
        List<String> scripts = new ArrayList<>();
        for (String asset : assets) {
            Response r = anonymous().get(asset);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            if (asset.startsWith("/assets/") && asset.endsWith(".js")) {
                scripts.add(r.asString());
                assertThat(r.contentType()).as(asset).contains("javascript");
            }
        }
        // the modules the pages import are there too, and no script names another host
        for (String script : scripts) {
            Matcher m = IMPORT.matcher(script);
            while (m.find()) {
                assertThat(anonymous().get("/assets/" + m.group(1).substring(2)).statusCode()).as(m.group(1)).isEqualTo(200);
            }
            assertThat(script).doesNotContain("http://", "https://", "//cdn");
        }
    }

    @Test
    void pagesTellTheBrowserToLoadNothingFromElsewhere() {
        for (String page : PAGES) {
            String policy = anonymous().get(page).header("Content-Security-Policy");
            assertThat(policy).as(page).contains("default-src 'self'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'");
            assertThat(policy).as(page).doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
        }
    }

    @Test
    void theChartLibraryShipsWithItsLicence() {
        assertThat(anonymous().get("/vendor/echarts/echarts.min.js").asString()).contains("Apache");
        assertThat(anonymous().get("/vendor/echarts/LICENSE").asString()).contains("Apache License");
    }
}

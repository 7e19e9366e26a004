package io.rmbsim.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * An automated accessibility check of the page a browser shows: <a href="https://github.com/dequelabs/axe-core">axe-core</a>
 * (the version {@code src/test/browser/package-lock.json} pins, installed by {@code npm ci} into
 * {@code target/browser-test} before the integration tests: the pom's {@code browser-test-npm} profile) runs in
 * the page and reports the WCAG rules it breaks.
 *
 * <p>Without axe-core (no npm on the machine), the check is skipped and says so once, unless
 * {@code -Drmbsim.browser.required=true} (as {@code .ci/run} sets after installing npm): then it fails.
 */
final class Axe {

    /** axe-core as npm installed it; {@code -Drmbsim.axe=...} names another copy. */
    static final Path SCRIPT = Path.of(System.getProperty("rmbsim.axe", "target/browser-test/node_modules/axe-core/axe.min.js"));
    /** How long one run of axe on one page may take (a few seconds on the largest page). */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);
    /** How many offending elements each violation names in a failure message. */
    private static final int EXAMPLES = 3;

    private static String source;
    private static boolean toldSkipped;

    private Axe() {
    }

    /**
     * The violations of impact {@code serious} or {@code critical} on the page the driver shows now, each
     * as its rule id, impact, what it asks, how many elements break it and the first few of them (CSS
     * selector and markup): a failure message says what to fix. Empty where axe-core is not installed and
     * not required.
     */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver driver) {
        String axe = source();
        if (axe == null) {
            return List.of();
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(axe);   // once a page: it stays until the next navigation
        }
        driver.manage().timeouts().scriptTimeout(RUN_TIMEOUT);
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const examples = arguments[0];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ', ' + v.nodes.length + ' element(s), e.g. '
                        + v.nodes.slice(0, examples).map(n => n.target.join(' ') + ' ' + n.html.replace(/\\s+/g, ' ').slice(0, 160)
                            + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 240) + ']' : ''))
                            .join(' | '))),
                  e => done(['axe-core did not run: ' + e]));
                """, EXAMPLES);
        return (List<String>) found;
    }

    private static synchronized String source() {
        if (source != null) {
            return source;
        }
        if (!Files.isRegularFile(SCRIPT)) {
            if (Boolean.getBoolean("rmbsim.browser.required")) {
                assertThat(SCRIPT).as("axe-core for the accessibility check (installed by the pom's browser-test-npm profile"
                        + " where /usr/bin/npm exists: apt-get install nodejs npm)").isRegularFile();
            }
            if (!toldSkipped) {
                toldSkipped = true;
                System.err.println("No axe-core at " + SCRIPT.toAbsolutePath() + ": the accessibility check is skipped"
                        + " (apt-get install nodejs npm, then mvn verify installs it)");
            }
            return null;
        }
        try {
            source = Files.readString(SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return source;
    }
}

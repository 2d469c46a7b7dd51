package org.mmrisk.daemon.dashboard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.daemon.RiskDaemon;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.metrics.ListenAddress;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser: headless Chromium, driven through Selenium WebDriver and the system's chromedriver,
 * loads the page while a live daemon is fed, sees it update, and once the feed has stopped and the numbers hold still
 * reads from the page's DOM the same numbers as the counters file and the output queue read directly. It writes its
 * screenshot to {@code target/dashboard.png}. Skipped, saying so, where Chromium or its driver is not installed.
 */
class DashboardBrowserTest
{
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void shouldShowALiveDaemonInHeadlessChromium() throws Exception
    {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
            "headless Chromium test skipped: install Debian's chromium and chromium-driver (" + CHROMIUM + ", " +
                CHROMEDRIVER + ")");
        final long startNs = System.nanoTime();
        final LoadedConfig config = ConfigLoader.load(LiveRun.writeConfig(dir));
        final WebDriver browser = startBrowser();
        try (DashboardServer dashboard = DashboardServer.start(config, ListenAddress.parse("127.0.0.1:0", false, "")))
        {
            browser.get("http://127.0.0.1:" + dashboard.port() + "/");
            try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace))
            {
                final CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> LiveRun.feed(config, 3));
                seeItUpdate(browser);
                feed.join();
                LiveRun.awaitInputsRead(config);
            }
            final Map<String, Long> counters = LiveRun.counters(config);
            final LiveRun queue = LiveRun.readOutputs(config);
            final String total = Long.toString(queue.messages);
            // the counters and the outputs are read apart: a poll may see every output and a ring lag not yet zeroed
            new WebDriverWait(browser, TIMEOUT).until(b -> total.equals(value(b, "outputs-read")) &&
                total.equals(b.findElement(By.tagName("body")).getAttribute("data-detail-read")) &&
                "0".equals(value(b, "ring-lag")));

            checkDom(browser, counters, queue);
            checkVegaCell(browser, queue, LiveRun.readOptions(config), config.engineConfig().optionTimeFloorYears());
            final File shot = ((ChromeDriver)browser).getScreenshotAs(OutputType.FILE);
            final Path target = Path.of("target", "dashboard.png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(target)).isPositive();
        }
        finally
        {
            browser.quit();
        }
        System.out.printf("DashboardBrowserTest: %.1f s%n", (System.nanoTime() - startNs) / 1e9);
    }

    /** The page's count of outputs read takes at least three different values while the feed runs. */
    private static void seeItUpdate(final WebDriver browser)
    {
        final Set<String> seen = new HashSet<>();
        new WebDriverWait(browser, TIMEOUT).pollingEvery(Duration.ofMillis(100)).until(b ->
        {
            final String v = value(b, "outputs-read");
            if (v != null && !v.isEmpty())
            {
                seen.add(v);
            }
            return seen.size() >= 3;
        });
    }

    private static void checkDom(final WebDriver browser, final Map<String, Long> counters, final LiveRun queue)
    {
        assertThat(number(browser, "quotes-emitted")).isEqualTo(counters.get("engine: quotesEmitted"));
        assertThat(number(browser, "alerts-emitted")).isEqualTo(counters.get("engine: alertsEmitted"));
        assertThat(number(browser, "ring-lag")).isZero();
        final String[] fields = { "index", "delta", "deltaUsd", "gamma", "vega", "theta" };
        queue.greeks.forEach((u, expected) ->
        {
            for (int i = 0; i < fields.length; i++)
            {
                // the value the browser parsed from the JSON and printed back: the same double
                assertThat(Double.parseDouble(value(browser, u + "-" + fields[i]))).as(u + " " + fields[i])
                    .isEqualTo(expected[i]);
            }
            final WebElement ladder = browser.findElement(By.id(u + "-ladder"));
            assertThat(ladder.getAttribute("data-state")).isEqualTo(queue.states.get(u));
            assertThat(ladder.findElement(By.cssSelector("span.active")).getAttribute("class").split(" ")[0])
                .isEqualTo(queue.states.get(u));
            final List<WebElement> expiryRows = browser.findElements(By.cssSelector("#" + u + "-heat tr"));
            assertThat(expiryRows).hasSize(queue.expiryVega.get(u).size() + 1);
        });
        final int quoteRows = browser.findElements(By.cssSelector("[id$='-skews'] tr")).size() -
            queue.greeks.size();
        assertThat(quoteRows).as("one row per quoted instrument").isEqualTo(queue.quotes.size());
        assertThat(browser.findElements(By.cssSelector("#alerts tr"))).hasSize(
            Math.min(queue.alertSequences.size(), DashboardOutputs.RECENT) + 1);
        assertThat(browser.findElements(By.cssSelector("#hedges tr"))).hasSize(
            Math.min(queue.hedgeSequences.size(), DashboardOutputs.RECENT) + 1);
        assertThat(browser.findElements(By.cssSelector("#counters tr"))).hasSize(counters.size() + 1);
        assertThat(browser.findElement(By.id("status")).getAttribute("class")).isEqualTo("live");
        // the configuration's ladder (the defaults) on the rungs
        assertThat(browser.findElement(By.cssSelector("[id$='-ladder'] span.HALT")).getText()).isEqualTo("HALT ≥ 1.5");
    }

    /**
     * The BTC vega heatmap's largest cell, read from the DOM with its row's expiry and its column's strike, equals
     * Σ position × vega of the options at that expiry and strike worked by the test's own Black-76
     * ({@link LiveRun#blackVegaGamma}) from the market queue and the newest snapshot. The page prints the served
     * double; the served value and the test's evaluate the same closed form through different code, so 1e-9 of the
     * terms' magnitudes.
     */
    private static void checkVegaCell(final WebDriver browser, final LiveRun queue,
        final Map<Integer, LiveRun.OptionInput> options, final double timeFloorYears)
    {
        // read in one script: the page redraws the table every poll, and an element held across a redraw is stale
        @SuppressWarnings("unchecked")
        final List<List<String>> rows = (List<List<String>>)((JavascriptExecutor)browser).executeScript(
            "return [...document.querySelectorAll('#BTC-vegaGrid tr')].map(r => [...r.cells].map(c => " +
                "c.dataset.value === undefined ? c.textContent : c.dataset.value));");
        assertThat(rows.size()).as("a header and a row per expiry").isGreaterThan(1);
        String expiry = null;
        double strike = Double.NaN;
        double shown = 0;
        for (final List<String> row : rows.subList(1, rows.size()))
        {
            for (int i = 1; i < row.size(); i++)
            {
                final String v = row.get(i);
                if (!v.isEmpty() && Math.abs(Double.parseDouble(v)) > Math.abs(shown))
                {
                    shown = Double.parseDouble(v);
                    expiry = row.get(0);
                    strike = Double.parseDouble(rows.get(0).get(i));
                }
            }
        }
        assertThat(shown).as("a non-zero vega cell").isNotZero();
        final long nowNs = queue.snapshotTimeNs.get("BTC");
        double expected = 0;
        double magnitude = 0;
        for (final Map.Entry<Integer, Double> p : queue.positions.get("BTC").entrySet())
        {
            final LiveRun.OptionInput o = options.get(p.getKey());
            if (o != null && o.strike == strike &&
                java.time.Instant.ofEpochSecond(0, o.expiryNs).toString().startsWith(expiry))
            {
                final double vega = p.getValue() * LiveRun.blackVegaGamma(o, nowNs, queue.greeks.get("BTC")[0],
                    timeFloorYears)[0];
                expected += vega;
                magnitude += Math.abs(vega);
            }
        }
        assertThat(magnitude).as("options at " + expiry + " " + strike).isPositive();
        assertThat(shown).as("BTC vega at " + expiry + " " + strike).isCloseTo(expected, within(1e-9 * magnitude));
        assertThat(browser.findElement(By.id("BTC-vegaGrid-note")).getText()).contains("mark IV");
        assertThat(browser.findElements(By.cssSelector("#BTC-gammaGrid tr"))).hasSameSizeAs(rows);
    }

    private static long number(final WebDriver browser, final String id)
    {
        return Long.parseLong(value(browser, id));
    }

    private static String value(final WebDriver browser, final String id)
    {
        final List<WebElement> found = browser.findElements(By.id(id));
        return found.isEmpty() ? null : found.get(0).getAttribute("data-value");
    }

    private WebDriver startBrowser() throws Exception
    {
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")),
            "--window-size=1400,2200");
        final ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 2200));
        return driver;
    }
}

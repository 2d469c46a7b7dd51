package org.mmrisk.daemon.metrics;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.daemon.RiskDaemon;
import org.mmrisk.daemon.cli.RiskCli;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code risk metrics} against a real daemon fed by the real feed simulator: scraped over HTTP, its exposition is
 * checked against the counters file read directly and through {@code risk stat --json}, and against the output queue
 * read directly (the newest risk snapshot of each underlying, the outputs by type, the quote stamps) — while the
 * daemon runs for what the feed alone moves, and after it stops for everything, so that the numbers hold still.
 */
class MetricsLiveTest
{
    private static final long TIMEOUT_MS = 60_000;
    private static final Set<String> TYPES = Set.of("counter", "gauge", "summary");
    /** A row of docs/metrics.md's tables: | `name` | type | ... */
    private static final Pattern DOC_ROW = Pattern.compile("^\\| `(mmrisk_[a-z0-9_]+)` \\| (\\w+) \\|");

    @TempDir
    Path dir;

    private final OutputQueueTally tally = new OutputQueueTally();

    @Test
    void shouldExposeTheCountersFileAndTheNewestSnapshotsOfALiveDaemon() throws Exception
    {
        final long startNs = System.nanoTime();
        final LoadedConfig config = ConfigLoader.load(writeConfig());
        final Exposition live;
        final Map<String, Long> liveCounters;
        try (MetricsServer metrics = MetricsServer.start(config, ListenAddress.parse("127.0.0.1:0", false, "")))
        {
            try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace))
            {
                feed(config);
                final long inputs = messages(config.inputDir("market")) + messages(config.inputDir("fills"));
                await(() -> read(config).get("input market: messages read") +
                    read(config).get("input fills: messages read") == inputs &&
                    read(config).get("engine: lag behind ingress (events)") == 0, "the daemon read every input");
                // the margin is worked out in slices after the batches: wait for BTC's first refresh to be published
                await(() -> OutputQueueTally.knownMaintenanceUtilization(config, AsciiCode.pack("BTC")),
                    "a risk snapshot with BTC's margin");
                live = scrape(metrics.port());
                liveCounters = read(config);
            }
            final Map<String, Long> counters = read(config);
            assertThat(riskStat(config)).as("risk stat shows what the counters file holds").isEqualTo(counters);
            final long outputs = tally.read(config);
            await(() -> metrics.reader().view().outputsByType().values().stream().mapToLong(Long::longValue).sum() ==
                outputs, "the metrics reader read all " + outputs + " outputs");
            final Exposition scraped = scrape(metrics.port());

            checkNamesAndTypes(live);
            checkNamesAndTypes(scraped);
            checkWhatTheFeedMoved(live, liveCounters);
            checkCounters(scraped, counters);
            checkUnderlyings(scraped);
            checkOutputs(scraped);
            checkLatency(scraped);
            checkDocumentedAndDashboarded(live, scraped);
        }
        System.out.printf("MetricsLiveTest: %.1f s%n", (System.nanoTime() - startNs) / 1e9);
    }

    private static void checkNamesAndTypes(final Exposition e)
    {
        assertThat(e.types).isNotEmpty();
        e.types.forEach((family, type) ->
        {
            assertThat(family).matches("mmrisk_[a-z0-9_]+");
            assertThat(type).as(family).isIn(TYPES);
            // the text format names a counter's family with its _total
            assertThat(family.endsWith("_total")).as(family).isEqualTo("counter".equals(type));
        });
        for (final Exposition.Sample s : e.samples)
        {
            final String family = e.types.containsKey(s.name()) ? s.name() :
                s.name().replaceFirst("(_count|_sum)$", "");
            assertThat(e.types).as("a TYPE line for " + s.name()).containsKey(family);
            assertThat(s.value()).as(s.name() + s.labels()).isFinite();
        }
        assertThat(e.samples.stream().filter(s -> s.name().equals("mmrisk_unmapped_counter")).map(s -> s.labels())
            .toList()).as("every counter of the daemon has a metric of its own").isEmpty();
        assertThat(e.types).containsEntry("mmrisk_engine_input_events_total", "counter")
            .containsEntry("mmrisk_engine_rejects_total", "counter")
            .containsEntry("mmrisk_quotes_emitted_total", "counter")
            .containsEntry("mmrisk_alerts_emitted_total", "counter").containsEntry("mmrisk_ring_lag_events", "gauge")
            .containsEntry("mmrisk_journal_position", "gauge").containsEntry("mmrisk_egress_position", "gauge")
            .containsEntry("mmrisk_engine_time_seconds", "gauge").containsEntry("mmrisk_delta_coins", "gauge")
            .containsEntry("mmrisk_quoting_state", "gauge").containsEntry("mmrisk_limit_utilization_ratio", "gauge")
            .containsEntry("mmrisk_tick_to_quote_seconds", "summary");
    }

    /** While the daemon runs, timers move its other counters; what the feed wrote holds still once it is read. */
    private static void checkWhatTheFeedMoved(final Exposition e, final Map<String, Long> c)
    {
        assertThat(c.get("engine: ticks")).isPositive();
        assertThat(c.get("engine: fills")).isPositive();
        assertThat(e.value("mmrisk_engine_input_events_total", "type", "tick")).isEqualTo(counter(c, "engine: ticks"));
        assertThat(e.value("mmrisk_engine_input_events_total", "type", "fill")).isEqualTo(counter(c, "engine: fills"));
        assertThat(e.value("mmrisk_engine_input_events_total", "type", "instrument"))
            .isEqualTo(counter(c, "engine: instrumentsDefined"));
        assertThat(e.value("mmrisk_input_messages_read_total", "input", "market"))
            .isEqualTo(counter(c, "input market: messages read"));
        assertThat(e.value("mmrisk_input_messages_read_total", "input", "fills"))
            .isEqualTo(counter(c, "input fills: messages read"));
    }

    private static void checkCounters(final Exposition e, final Map<String, Long> c)
    {
        assertThat(e.value("mmrisk_counters_file_present")).isEqualTo(1);
        assertThat(e.value("mmrisk_engine_events_total")).isEqualTo(counter(c, "engine: events"));
        assertThat(e.value("mmrisk_engine_input_events_total", "type", "timer"))
            .isEqualTo(counter(c, "engine: timers"));
        assertThat(e.value("mmrisk_engine_input_events_total", "type", "vol"))
            .isEqualTo(counter(c, "engine: volUpdates"));
        assertThat(e.value("mmrisk_quotes_emitted_total")).isEqualTo(counter(c, "engine: quotesEmitted"));
        assertThat(e.value("mmrisk_alerts_emitted_total")).isEqualTo(counter(c, "engine: alertsEmitted"));
        assertThat(e.value("mmrisk_journal_entries_written_total")).isEqualTo(counter(c, "journal: entries written"));
        assertThat(e.value("mmrisk_journal_position")).isEqualTo(counter(c, "journal: last sequence written"));
        assertThat(e.value("mmrisk_egress_position")).isEqualTo(counter(c, "egress: last output sequence"));
        assertThat(e.value("mmrisk_ring_lag_events")).isEqualTo(counter(c, "engine: lag behind ingress (events)"));
        assertThat(e.value("mmrisk_engine_time_seconds")).isCloseTo(c.get("engine: time (ns since epoch)") / 1e9,
            within(1e-6));
        assertThat(e.value("mmrisk_engine_rejected_events_total")).isEqualTo(counter(c, "engine: rejected"));
        assertThat(e.value("mmrisk_engine_rejects_total", "reason", "STALE_TICK"))
            .isEqualTo(counter(c, "engine: rejected STALE_TICK"));
        assertThat(e.value("mmrisk_ingress_rejects_total", "reason", "BAD_CHECKSUM"))
            .isEqualTo(counter(c, "ingress: rejected BAD_CHECKSUM"));
        // every counter of the file is one sample: the samples from the file are as many as its counters
        final Set<String> notFromFile = Set.of("mmrisk_counters_file_present", "mmrisk_latency_samples_negative_total",
            "mmrisk_heartbeat_last_timestamp_seconds");
        final long fromFile = e.samples.stream().filter(s -> !s.name().startsWith("mmrisk_tick_to_") &&
            !s.labels().containsKey("underlying") && !s.name().startsWith("mmrisk_output_") &&
            !notFromFile.contains(s.name())).count();
        assertThat(fromFile).isEqualTo(c.size());
    }

    private void checkUnderlyings(final Exposition e)
    {
        assertThat(tally.lastSnapshots).hasSize(2);
        for (final RiskSnapshot s : tally.lastSnapshots.values())
        {
            final String u = AsciiCode.toString(s.underlying);
            assertThat(e.value("mmrisk_delta_coins", "underlying", u)).isEqualTo(s.delta);
            assertThat(e.value("mmrisk_delta_usd", "underlying", u)).isEqualTo(s.deltaUsd);
            assertThat(e.value("mmrisk_gamma_coins_per_usd", "underlying", u)).isEqualTo(s.gamma);
            assertThat(e.value("mmrisk_vega_usd_per_vol_point", "underlying", u)).isEqualTo(s.vega);
            assertThat(e.value("mmrisk_theta_usd_per_day", "underlying", u)).isEqualTo(s.theta);
            assertThat(e.value("mmrisk_approx_error_ratio", "underlying", u)).isEqualTo(s.maxApproxError);
            assertThat(e.value("mmrisk_quoting_state", "underlying", u)).isEqualTo(s.state.ordinal());
            assertSameOrBothAbsent(e.value("mmrisk_margin_maintenance_utilization_ratio", "underlying", u),
                s.maintenanceUtilization);
            assertSameOrBothAbsent(e.value("mmrisk_liquidation_down_move_ratio", "underlying", u),
                s.liquidationDownMove);
        }
        final RiskSnapshot btc = tally.lastSnapshots.get(AsciiCode.pack("BTC"));
        assertThat(btc.delta).as("the feed's fills moved BTC's delta").isNotZero();
        // the config's limits: BTC delta 40 coins, vega 20,000 USD per vol point; ETH none
        assertThat(e.value("mmrisk_limit_utilization_ratio", "underlying", "BTC", "limit", "delta"))
            .isCloseTo(Math.abs(btc.delta) / 40, within(1e-12));
        assertThat(e.value("mmrisk_limit_utilization_ratio", "underlying", "BTC", "limit", "vega"))
            .isCloseTo(Math.abs(btc.vega) / 20_000, within(1e-12));
        assertThat(e.value("mmrisk_limit_utilization_ratio", "underlying", "ETH", "limit", "delta")).isNaN();
        assertThat(btc.maintenanceUtilization).as("the coin balance gives BTC a known margin").isFinite();
        assertThat(e.value("mmrisk_limit_utilization_ratio", "underlying", "BTC", "limit", "marginUtilization"))
            .isCloseTo(btc.maintenanceUtilization / 0.8, within(1e-12));
    }

    private static double counter(final Map<String, Long> counters, final String label)
    {
        assertThat(counters).containsKey(label);
        return counters.get(label);
    }

    /** NaN in a snapshot is an absent field: no sample. */
    private static void assertSameOrBothAbsent(final double scraped, final double inSnapshot)
    {
        if (Double.isNaN(inSnapshot))
        {
            assertThat(scraped).isNaN();
        }
        else
        {
            assertThat(scraped).isEqualTo(inSnapshot);
        }
    }

    private void checkOutputs(final Exposition e)
    {
        assertThat(tally.outputsByType.get("quote_adjustment")).isPositive();
        tally.outputsByType.forEach((type, count) ->
            assertThat(e.value("mmrisk_output_messages_total", "type", type)).as(type).isEqualTo((double)count));
        tally.alertsByCode.forEach((code, count) ->
            assertThat(e.value("mmrisk_output_alerts_total", "code", code)).as(code).isEqualTo((double)count));
    }

    private void checkLatency(final Exposition e)
    {
        assertThat(e.value("mmrisk_tick_to_ingress_seconds_count")).isEqualTo(tally.stampedCauses.size());
        final List<Long> sorted = tally.tickToIngressNs.stream().sorted().toList();
        assertThat(sorted).hasSize(tally.stampedCauses.size());
        assertThat(e.value("mmrisk_tick_to_ingress_seconds_sum"))
            .isCloseTo(sorted.stream().mapToLong(Long::longValue).sum() / 1e9, within(1e-6));
        for (final double q : new double[] { 0.5, 0.9, 0.99, 0.999 })
        {
            final double seconds = e.value("mmrisk_tick_to_ingress_seconds", "quantile", Double.toString(q));
            // a quantile within HdrHistogram's 3 significant digits: at least q of the samples at or below it,
            // at most q strictly below it
            final long atOrBelow = sorted.stream().filter(ns -> ns <= seconds * 1e9 * 1.001 + 1).count();
            final long below = sorted.stream().filter(ns -> ns < seconds * 1e9 * 0.999 - 1).count();
            assertThat((double)atOrBelow / sorted.size()).as("share at or below the %s quantile", q)
                .isGreaterThanOrEqualTo(q);
            assertThat((double)below / sorted.size()).as("share below the %s quantile", q).isLessThanOrEqualTo(q);
        }
        final double live = e.value("mmrisk_tick_to_quote_seconds_count");
        assertThat(live).as("quotes read live, each of a stamped cause").isPositive()
            .isLessThanOrEqualTo(tally.stampedCauses.size());
        final double median = e.value("mmrisk_tick_to_quote_seconds", "quantile", "0.5");
        final double tail = e.value("mmrisk_tick_to_quote_seconds", "quantile", "0.999");
        assertThat(median).isPositive().isLessThanOrEqualTo(tail);
    }

    /**
     * Every family scraped is in docs/metrics.md with its type, and every metric the Grafana dashboard queries is
     * documented there.
     */
    private static void checkDocumentedAndDashboarded(final Exposition... scrapes) throws Exception
    {
        final Map<String, String> documented = new HashMap<>();
        for (final String line : Files.readAllLines(Path.of("../docs/metrics.md")))
        {
            final Matcher row = DOC_ROW.matcher(line);
            if (row.find())
            {
                documented.put(row.group(1), row.group(2));
            }
        }
        assertThat(documented).hasSizeGreaterThan(70);
        for (final Exposition e : scrapes)
        {
            e.types.forEach((family, type) -> assertThat(documented).as("docs/metrics.md documents " + family)
                .containsEntry(family, type));
        }
        final Matcher used = Pattern.compile("mmrisk_[a-z0-9_]+")
            .matcher(Files.readString(Path.of("../config/grafana-dashboard.json")));
        int count = 0;
        while (used.find())
        {
            final String name = used.group().replaceFirst("_(sum|count)$", "");
            assertThat(documented).as("the dashboard's " + used.group() + " is documented").containsKey(name);
            count++;
        }
        assertThat(count).isGreaterThan(20);
    }

    private void feed(final LoadedConfig config)
    {
        final StringWriter err = new StringWriter();
        final picocli.CommandLine cli = RiskCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err, true));
        final int exit = cli.execute("feed", "--config", config.file().toString(), "--seconds", "2", "--rate", "1000",
            "--fill-ratio", "0.05");
        assertThat(exit).as(err.toString()).isZero();
    }

    /** {@code risk stat --json}: each counter's label and value. */
    private static Map<String, Long> riskStat(final LoadedConfig config) throws Exception
    {
        final StringWriter out = new StringWriter();
        final picocli.CommandLine cli = RiskCli.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("stat", "--config", config.file().toString(), "--json")).isZero();
        final Map<String, Long> values = new HashMap<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString())
            .forEach(node -> values.put(node.get("label").asText(), node.get("value").asLong()));
        return values;
    }

    private static long messages(final Path queueDir)
    {
        try (ChronicleQueue queue = Queues.openExisting(queueDir); SbeTailer tailer = new SbeTailer(queue))
        {
            long count = 0;
            int n;
            while ((n = tailer.poll((buffer, offset, length, index) -> { })) > 0)
            {
                count += n;
            }
            return count;
        }
    }

    /** The counters file read directly, by label: what {@code risk stat} prints. */
    private static Map<String, Long> read(final LoadedConfig config)
    {
        final Map<String, Long> values = new HashMap<>();
        try (CountersFile file = CountersFile.openReader(config.countersFile().toFile()))
        {
            final CountersReader reader = file.reader();
            reader.forEach((id, typeId, key, label) -> values.put(label, reader.getCounterValue(id)));
        }
        return values;
    }

    private static Exposition scrape(final int port) throws Exception
    {
        final HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return new Exposition(response.body());
    }

    /** Polls a condition until it holds or the deadline passes (nothing here waits for a fixed time). */
    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean())
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("not within " + TIMEOUT_MS + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }

    private Path writeConfig() throws Exception
    {
        final Path file = dir.resolve("daemon.yaml");
        Files.writeString(file, String.join("\n",
            "dataDir: data",
            "inputs: [market, fills]",
            "queueBlockSizeMb: 4",
            "ring: {size: 4096, waitStrategy: sleeping}",
            "ingress: {idleStrategy: backoff, timerIntervalMs: 20}",
            "egress: {heartbeatIntervalMs: 50}",
            "engine:",
            "  snapshotIntervalMs: 100",
            "  scenario: {sliceEvaluations: 65536}",
            "  coinBalances: {BTC: 50, ETH: 800}",
            "  limits: {BTC: {delta: 40, vega: 20000, marginUtilization: 0.8}}",
            ""));
        return file;
    }
}

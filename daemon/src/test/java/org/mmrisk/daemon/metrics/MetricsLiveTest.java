package org.mmrisk.daemon.metrics;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.RiskDaemon;
import org.mmrisk.daemon.cli.RiskCli;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.egress.OutputAdapter;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code risk metrics} against a real daemon fed by the real feed simulator: scraped over HTTP, its exposition is
 * checked against the counters file read directly (what {@code risk stat} shows) and against the output queue read
 * directly (the newest risk snapshot of each underlying, the outputs by type, the quote stamps) — while the daemon
 * runs for what the feed alone moves, and after it stops for everything, so that the numbers hold still.
 */
class MetricsLiveTest
{
    private static final long TIMEOUT_MS = 60_000;
    private static final Set<String> TYPES = Set.of("counter", "gauge", "summary");

    @TempDir
    Path dir;

    private final Map<Long, RiskSnapshot> lastSnapshots = new TreeMap<>();
    private final Map<String, Long> outputsByType = new TreeMap<>();
    private final Map<String, Long> alertsByCode = new TreeMap<>();
    private final Set<Long> stampedCauses = new HashSet<>();
    private final List<Long> tickToIngressNs = new ArrayList<>();

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
                live = scrape(metrics.port());
                liveCounters = read(config);
            }
            final Map<String, Long> counters = read(config);
            final long outputs = readOutputs(config);
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
            .containsEntry("mmrisk_engine_rejects_total", "counter").containsEntry("mmrisk_quotes_emitted_total", "counter")
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
        assertThat(e.value("mmrisk_engine_input_events_total", "type", "tick")).isEqualTo((double)c.get("engine: ticks"));
        assertThat(e.value("mmrisk_engine_input_events_total", "type", "fill")).isEqualTo((double)c.get("engine: fills"));
        assertThat(e.value("mmrisk_engine_input_events_total", "type", "instrument"))
            .isEqualTo((double)c.get("engine: instrumentsDefined"));
        assertThat(e.value("mmrisk_input_messages_read_total", "input", "market"))
            .isEqualTo((double)c.get("input market: messages read"));
        assertThat(e.value("mmrisk_input_messages_read_total", "input", "fills"))
            .isEqualTo((double)c.get("input fills: messages read"));
    }

    private static void checkCounters(final Exposition e, final Map<String, Long> c)
    {
        assertThat(e.value("mmrisk_counters_file_present")).isEqualTo(1);
        assertThat(e.value("mmrisk_engine_events_total")).isEqualTo((double)c.get("engine: events"));
        assertThat(e.value("mmrisk_engine_input_events_total", "type", "timer")).isEqualTo((double)c.get("engine: timers"));
        assertThat(e.value("mmrisk_engine_input_events_total", "type", "vol")).isEqualTo((double)c.get("engine: volUpdates"));
        assertThat(e.value("mmrisk_quotes_emitted_total")).isEqualTo((double)c.get("engine: quotesEmitted"));
        assertThat(e.value("mmrisk_alerts_emitted_total")).isEqualTo((double)c.get("engine: alertsEmitted"));
        assertThat(e.value("mmrisk_journal_entries_written_total")).isEqualTo((double)c.get("journal: entries written"));
        assertThat(e.value("mmrisk_journal_position")).isEqualTo((double)c.get("journal: last sequence written"));
        assertThat(e.value("mmrisk_egress_position")).isEqualTo((double)c.get("egress: last output sequence"));
        assertThat(e.value("mmrisk_ring_lag_events")).isEqualTo((double)c.get("engine: lag behind ingress (events)"));
        assertThat(e.value("mmrisk_engine_time_seconds")).isCloseTo(c.get("engine: time (ns since epoch)") / 1e9,
            within(1e-6));
        assertThat(e.value("mmrisk_engine_rejected_events_total")).isEqualTo((double)c.get("engine: rejected"));
        assertThat(e.value("mmrisk_engine_rejects_total", "reason", "STALE_TICK"))
            .isEqualTo((double)c.get("engine: rejected STALE_TICK"));
        assertThat(e.value("mmrisk_ingress_rejects_total", "reason", "BAD_CHECKSUM"))
            .isEqualTo((double)c.get("ingress: rejected BAD_CHECKSUM"));
        // every counter of the file is one sample: the samples from the file are as many as its counters
        final long fromFile = e.samples.stream().filter(s -> !s.name().startsWith("mmrisk_tick_to_") &&
            !s.labels().containsKey("underlying") && !s.name().startsWith("mmrisk_output_") &&
            !s.name().equals("mmrisk_counters_file_present") && !s.name().equals("mmrisk_latency_samples_skipped_total") &&
            !s.name().equals("mmrisk_heartbeat_last_timestamp_seconds")).count();
        assertThat(fromFile).isEqualTo(c.size());
    }

    private void checkUnderlyings(final Exposition e)
    {
        assertThat(lastSnapshots).hasSize(2);
        for (final RiskSnapshot s : lastSnapshots.values())
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
        final RiskSnapshot btc = lastSnapshots.get(AsciiCode.pack("BTC"));
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
        assertThat(outputsByType.get("quote_adjustment")).isPositive();
        outputsByType.forEach((type, count) ->
            assertThat(e.value("mmrisk_output_messages_total", "type", type)).as(type).isEqualTo((double)count));
        alertsByCode.forEach((code, count) ->
            assertThat(e.value("mmrisk_output_alerts_total", "code", code)).as(code).isEqualTo((double)count));
    }

    private void checkLatency(final Exposition e)
    {
        assertThat(e.value("mmrisk_tick_to_ingress_seconds_count")).isEqualTo(stampedCauses.size());
        final List<Long> sorted = tickToIngressNs.stream().sorted().toList();
        assertThat(sorted).hasSize(stampedCauses.size());
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
            .isLessThanOrEqualTo(stampedCauses.size());
        final double median = e.value("mmrisk_tick_to_quote_seconds", "quantile", "0.5");
        final double tail = e.value("mmrisk_tick_to_quote_seconds", "quantile", "0.999");
        assertThat(median).isPositive().isLessThanOrEqualTo(tail);
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

    /**
     * Reads the whole output queue: the newest snapshot per underlying, counts by type and alert code, and the
     * ingress latency of each stamped cause, from the quote stamps.
     *
     * @return the number of messages.
     */
    private long readOutputs(final LoadedConfig config)
    {
        final RiskOutput output = new RiskOutput()
        {
            public void onQuoteAdjustment(final QuoteAdjustment q)
            {
                count("quote_adjustment");
                if (q.causeSendTimeNs > 0 && stampedCauses.add(q.causeJournalSequence))
                {
                    tickToIngressNs.add(q.causeReceiveTimeNs - q.causeSendTimeNs);
                }
            }

            public void onRiskSnapshot(final RiskSnapshot s)
            {
                count("risk_snapshot");
                final RiskSnapshot copy = new RiskSnapshot();
                copy.underlying = s.underlying;
                copy.delta = s.delta;
                copy.deltaUsd = s.deltaUsd;
                copy.gamma = s.gamma;
                copy.vega = s.vega;
                copy.theta = s.theta;
                copy.maxApproxError = s.maxApproxError;
                copy.state = s.state;
                copy.maintenanceUtilization = s.maintenanceUtilization;
                copy.liquidationDownMove = s.liquidationDownMove;
                lastSnapshots.put(s.underlying, copy);
            }

            public void onAlert(final Alert a)
            {
                count("alert");
                alertsByCode.merge(a.code.name(), 1L, Long::sum);
            }

            public void onHedgeSignal(final HedgeSignal h)
            {
                count("hedge_signal");
            }

            public void onScenarioGrid(final ScenarioGridMessage g)
            {
                count("scenario_grid");
            }

            public void onMarginStatus(final MarginStatus m)
            {
                count("margin_status");
            }
        };
        final OutputAdapter adapter = new OutputAdapter(output,
            (seq, wall, engine, lastOut, lastJournal) -> count("heartbeat"));
        long total = 0;
        try (ChronicleQueue queue = Queues.openExisting(config.outputDir()); SbeTailer tailer = new SbeTailer(queue))
        {
            int n;
            while ((n = tailer.poll(adapter)) > 0)
            {
                total += n;
            }
        }
        return total;
    }

    private void count(final String type)
    {
        outputsByType.merge(type, 1L, Long::sum);
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
            "  coinBalances: {BTC: 50, ETH: 800}",
            "  limits: {BTC: {delta: 40, vega: 20000, marginUtilization: 0.8}}",
            ""));
        return file;
    }
}

package org.mmrisk.daemon.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.daemon.RiskDaemon;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.json.JsonTime;
import org.mmrisk.daemon.metrics.ListenAddress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code risk dashboard}'s data endpoint against a real daemon fed by the real feed simulator, read with the JDK's
 * HTTP client: while the daemon runs it serves, and after the feed has stopped (the numbers hold still) every
 * counter equals the counters file's, and each underlying's figures, quotes, alerts, hedges, scenario grid and
 * margin equal the newest of their kind decoded directly from the output queue.
 */
class DashboardLiveTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldServeTheCountersFileAndTheNewestOutputsOfALiveDaemon() throws Exception
    {
        final long startNs = System.nanoTime();
        final LoadedConfig config = ConfigLoader.load(LiveRun.writeConfig(dir));
        try (DashboardServer dashboard = DashboardServer.start(config, ListenAddress.parse("127.0.0.1:0", false, "")))
        {
            final String base = "http://127.0.0.1:" + dashboard.port();
            try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace))
            {
                LiveRun.feed(config, 2);
                assertThat(get(base + "/api/state").statusCode()).as("served while the daemon runs").isEqualTo(200);
                LiveRun.awaitInputsRead(config);
            }
            final Map<String, Long> counters = LiveRun.counters(config);
            final LiveRun queue = LiveRun.readOutputs(config);
            LiveRun.await(() -> read(base).path("detailMessagesRead").asLong() == queue.messages &&
                outputsRead(read(base)) == queue.messages, "the dashboard read all " + queue.messages + " outputs");
            final JsonNode state = read(base);

            checkCounters(state, counters);
            checkUnderlyings(state, queue);
            checkHeatmapGreeks(state, queue, LiveRun.readOptions(config),
                config.engineConfig().optionTimeFloorYears());
            checkRecent(state, queue);
            checkServedFiles(base);
        }
        System.out.printf("DashboardLiveTest: %.1f s%n", (System.nanoTime() - startNs) / 1e9);
    }

    private static void checkCounters(final JsonNode state, final Map<String, Long> counters)
    {
        assertThat(state.path("countersPresent").asBoolean()).isTrue();
        // the ladder's defaults (config/reference.yaml): the test config sets none
        assertThat(state.path("ladder").path("widenAt").asDouble()).isEqualTo(0.8);
        assertThat(state.path("ladder").path("haltAt").asDouble()).isEqualTo(1.5);
        final Map<String, Long> served = new java.util.HashMap<>();
        state.path("counters").forEach(c -> served.put(c.path("label").asText(), c.path("value").asLong()));
        assertThat(served).isEqualTo(counters);
        assertThat(counters.get("engine: ticks")).isPositive();
        assertThat(counters.get("engine: fills")).isPositive();
    }

    private static void checkUnderlyings(final JsonNode state, final LiveRun queue)
    {
        final JsonNode underlyings = state.path("underlyings");
        assertThat(queue.greeks).containsOnlyKeys("BTC", "ETH");
        final List<String> names = new ArrayList<>();
        underlyings.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("BTC", "ETH");
        final String[] fields = { "index", "delta", "deltaUsd", "gamma", "vega", "theta" };
        queue.greeks.forEach((u, expected) ->
        {
            final JsonNode snapshot = underlyings.path(u).path("snapshot");
            for (int i = 0; i < fields.length; i++)
            {
                assertThat(snapshot.path(fields[i]).asDouble()).as(u + " " + fields[i]).isEqualTo(expected[i]);
            }
            assertThat(snapshot.path("state").asText()).isEqualTo(queue.states.get(u));
            final Map<Long, Double> vega = new java.util.TreeMap<>();
            snapshot.path("expiries").forEach(e -> vega.put(e.path("expiry").isNull() ? 0L :
                JsonTime.parseNs(e.path("expiry").asText()), e.path("vega").asDouble()));
            assertThat(vega).as(u + " vega by expiry").isEqualTo(queue.expiryVega.get(u));
        });
        checkStrikeGrid(underlyings.path("BTC").path("strikeGrid"), queue, "BTC");
        final double btcDelta = queue.greeks.get("BTC")[1];
        assertThat(btcDelta).as("the feed's fills moved BTC's delta").isNotZero();
        // the config's limits: BTC delta 40 coins, vega 20,000 USD per vol point; ETH none
        final JsonNode btcLimits = underlyings.path("BTC").path("limitUtilization");
        assertThat(btcLimits.path("delta").asDouble()).isCloseTo(Math.abs(btcDelta) / 40, within(1e-12));
        assertThat(btcLimits.path("vega").asDouble()).isCloseTo(Math.abs(queue.greeks.get("BTC")[4]) / 20_000,
            within(1e-12));
        assertThat(underlyings.path("ETH").path("limitUtilization").size()).isZero();

        int quoted = 0;
        for (final String u : names)
        {
            for (final JsonNode q : underlyings.path(u).path("quotes"))
            {
                final int id = q.path("instrumentId").asInt();
                assertThat(q.path("sequence").asLong()).as("newest quote of " + id)
                    .isEqualTo(queue.quoteSequences.get(id));
                assertThat(q.path("shift").asDouble()).isEqualTo(queue.quotes.get(id)[0]);
                assertThat(q.path("bidSpreadMult").asDouble()).isEqualTo(queue.quotes.get(id)[2]);
                quoted++;
            }
        }
        assertThat(quoted).as("one quote per quoted instrument").isEqualTo(queue.quotes.size()).isPositive();
        assertThat(queue.worstLoss).as("scenario grids on the queue").isNotEmpty();
        queue.worstLoss.forEach((u, loss) -> assertNumber(underlyings.path(u).path("scenarioGrid").path("worstLoss"),
            loss));
        queue.marginEquity.forEach((u, equity) -> assertNumber(underlyings.path(u).path("marginStatus")
            .path("equity"), equity));
    }

    /**
     * The option positions by expiry and strike: as many contracts in the grid as the snapshot's positions in the
     * instruments the quotes say are options; the feed lists 4 expiries and 11 strikes per underlying.
     */
    private static void checkStrikeGrid(final JsonNode grid, final LiveRun queue, final String u)
    {
        final double options = queue.positions.get(u).entrySet().stream()
            .filter(p -> "OPTION".equals(queue.kinds.get(p.getKey()))).mapToDouble(Map.Entry::getValue).sum();
        final long optionPositions = queue.positions.get(u).keySet().stream()
            .filter(id -> "OPTION".equals(queue.kinds.get(id))).count();
        assertThat(optionPositions).as("the feed's fills left " + u + " option positions").isPositive();
        double inGrid = 0;
        long cells = 0;
        for (final JsonNode row : grid.path("quantity"))
        {
            assertThat(row.size()).isEqualTo(grid.path("strikes").size());
            for (final JsonNode cell : row)
            {
                inGrid += cell.asDouble();
                cells += cell.isNull() ? 0 : 1;
            }
        }
        assertThat(inGrid).isCloseTo(options, within(1e-9));
        assertThat(cells).isPositive().isLessThanOrEqualTo(optionPositions);
        assertThat(grid.path("expiries").size()).isBetween(1, 4);
        assertThat(grid.path("strikes").size()).isBetween(1, 11);
    }

    /**
     * The vega and gamma heatmaps: per underlying, the sum of the cells equals Σ position × Greek per contract
     * worked here by a Black-76 written from its formula (vega = F·φ(d1)·√T per unit of vol, gamma =
     * φ(d1)/(F·σ·√T) per USD of the forward) at each option's last mark IV and forward from the market queue, the
     * engine time and index of the newest snapshot, and the engine's units (a coin-settled contract's USD value is
     * C(F)·S/F). Both sides evaluate the same closed form in doubles, through different code (the core's Φ and φ
     * against {@link Math#exp}) and in a different order of summation: they agree to a few ulps a term, so 1e-9 of
     * the sum of the terms' magnitudes fails any difference of formula, unit, position or time (a day of decay
     * moves vega by more than 1e-4).
     * <p>
     * Against the engine's own vega of the underlying: the engine reads the same SVI smile the feed marks its
     * options with, but at the index and time of the snapshot, where each option's mark IV and forward date from its
     * last tick (earlier by up to that option's interval between ticks, while the index moves a few basis points),
     * and its forward from the futures curve rather than the option's own. Those differ in the fourth significant
     * figure (0.003% to 0.01% of the gross vega in runs of the feed); 1% of the gross vega leaves room for the feed's
     * jumps and still fails a missing contract size, a vega per unit of vol instead of per point, or a missing
     * option position (the basis of a coin-settled option, within about 1%, is the first check's to hold).
     */
    private static void checkHeatmapGreeks(final JsonNode state, final LiveRun queue,
        final Map<Integer, LiveRun.OptionInput> options, final double timeFloorYears)
    {
        for (final String u : queue.greeks.keySet())
        {
            final double indexUsd = queue.greeks.get(u)[0];
            final long nowNs = queue.snapshotTimeNs.get(u);
            double vega = 0;
            double vegaMagnitude = 0;
            double gamma = 0;
            double gammaMagnitude = 0;
            int priced = 0;
            for (final Map.Entry<Integer, Double> p : queue.positions.get(u).entrySet())
            {
                final LiveRun.OptionInput o = options.get(p.getKey());
                if (o == null)
                {
                    continue; // a future, perpetual or index position: no vega, no option gamma here
                }
                assertThat(o.underlying).isEqualTo(u);
                assertThat(o.markIv).as("option " + p.getKey() + " ticked").isPositive();
                final double[] perContract = LiveRun.blackVegaGamma(o, nowNs, indexUsd, timeFloorYears);
                vega += p.getValue() * perContract[0];
                vegaMagnitude += Math.abs(p.getValue() * perContract[0]);
                gamma += p.getValue() * perContract[1];
                gammaMagnitude += Math.abs(p.getValue() * perContract[1]);
                priced++;
            }
            assertThat(priced).as(u + " option positions").isPositive();
            final JsonNode grid = state.path("underlyings").path(u).path("strikeGrid");
            assertThat(grid.path("unpriced").asInt()).isZero();
            assertThat(sumCells(grid.path("vega"), grid)).as(u + " vega cells")
                .isCloseTo(vega, within(1e-9 * vegaMagnitude));
            assertThat(sumCells(grid.path("gamma"), grid)).as(u + " gamma cells")
                .isCloseTo(gamma, within(1e-9 * gammaMagnitude));
            final double engineVega = queue.greeks.get(u)[4];
            System.out.printf("DashboardLiveTest: %s heatmap vega %.2f, engine vega %.2f (%.3f%% of %.2f); " +
                "heatmap gamma %.6g, engine gamma %.6g%n", u, vega, engineVega,
                100 * Math.abs(vega - engineVega) / vegaMagnitude, vegaMagnitude, gamma, queue.greeks.get(u)[3]);
            assertThat(vega).as(u + " heatmap vega against the engine's").isCloseTo(engineVega,
                within(0.01 * vegaMagnitude));
        }
    }

    private static double sumCells(final JsonNode rows, final JsonNode grid)
    {
        assertThat(rows.size()).isEqualTo(grid.path("expiries").size());
        double sum = 0;
        for (final JsonNode row : rows)
        {
            assertThat(row.size()).isEqualTo(grid.path("strikes").size());
            for (final JsonNode cell : row)
            {
                sum += cell.asDouble();
            }
        }
        return sum;
    }

    /** A JSON number equal to the value, or null where the value is not finite (absent). */
    private static void assertNumber(final JsonNode node, final double expected)
    {
        if (Double.isFinite(expected))
        {
            assertThat(node.isNumber()).as(node.toString()).isTrue();
            assertThat(node.asDouble()).isEqualTo(expected);
        }
        else
        {
            assertThat(node.isNull()).as(node.toString()).isTrue();
        }
    }

    private static void checkRecent(final JsonNode state, final LiveRun queue)
    {
        assertThat(sequences(state.path("alerts")))
            .isEqualTo(LiveRun.last(queue.alertSequences, DashboardOutputs.RECENT));
        assertThat(sequences(state.path("hedges")))
            .isEqualTo(LiveRun.last(queue.hedgeSequences, DashboardOutputs.RECENT));
        assertThat(state.path("outputs").path("alert").asLong()).isEqualTo(queue.alertSequences.size());
        assertThat(state.path("outputs").path("quote_adjustment").asLong()).isPositive();
        assertThat(state.path("latency").path("tickToIngress").path("count").asLong()).isPositive();
    }

    private static List<Long> sequences(final JsonNode array)
    {
        final List<Long> result = new ArrayList<>();
        array.forEach(n -> result.add(n.path("sequence").asLong()));
        return result;
    }

    private void checkServedFiles(final String base) throws Exception
    {
        final HttpResponse<String> page = get(base + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("vendor/chart.umd.js").doesNotContain("https://cdn");
        assertThat(get(base + "/vendor/chart.umd.js").body()).contains("Chart.js v4.6.2");
        assertThat(get(base + "/no-such-file").statusCode()).isEqualTo(404);
        final HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/api/state"))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("read-only").isEqualTo(405);
    }

    private static long outputsRead(final JsonNode state)
    {
        long total = 0;
        for (final JsonNode n : state.path("outputs"))
        {
            total += n.asLong();
        }
        return total;
    }

    private JsonNode read(final String base)
    {
        try
        {
            final HttpResponse<String> response = get(base + "/api/state");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            return MAPPER.readTree(response.body());
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }

    private HttpResponse<String> get(final String url) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

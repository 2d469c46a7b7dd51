package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.pricing.Black76;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code risk scenario} on a known book: 10 short coin-settled BTC puts struck at the money, 20 BTC of collateral.
 * The table's worst cell is the crash with vol up, and its P&L is checked against Black-76 at the shocked market
 * the way the scenario definition states it; {@code --json} is the replay state's arrays.
 */
class ScenarioCommandTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NOW = "2026-11-25T08:00:00Z";
    private static final String FILLED = "2026-11-25T08:00:01Z";
    private static final String EXPIRY = "2026-12-11T08:00:00Z";
    private static final double INDEX = 100_000;
    private static final double STRIKE = 100_000;
    private static final double IV = 0.6;
    private static final double CONTRACTS = -10;
    private static final List<String> EVENTS = List.of(
        "{\"type\":\"instrument\",\"instrumentId\":1,\"symbol\":\"BTC-INDEX\",\"venue\":\"DERIBIT\",\"kind\":\"INDEX\"," +
            "\"underlying\":\"BTC\",\"settlement\":\"LINEAR\",\"quoteCurrency\":\"USD\",\"settleCurrency\":\"USD\"," +
            "\"contractSize\":1,\"contractUnit\":\"COIN\",\"tickSize\":0.01}",
        "{\"type\":\"instrument\",\"instrumentId\":2,\"symbol\":\"BTC-11DEC26-100000-P\",\"venue\":\"DERIBIT\"," +
            "\"kind\":\"OPTION\",\"underlying\":\"BTC\",\"settlement\":\"INVERSE\",\"quoteCurrency\":\"BTC\"," +
            "\"settleCurrency\":\"BTC\",\"contractSize\":1,\"contractUnit\":\"COIN\",\"tickSize\":0.0001," +
            "\"expiry\":\"" + EXPIRY + "\",\"strike\":" + STRIKE + ",\"putCall\":\"PUT\"}",
        "{\"type\":\"tick\",\"time\":\"" + NOW + "\",\"instrumentId\":1,\"bid\":" + INDEX + ",\"ask\":" + INDEX + "}",
        "{\"type\":\"tick\",\"time\":\"" + NOW + "\",\"instrumentId\":2,\"bid\":0.047,\"ask\":0.048,\"markIv\":" + IV +
            "}",
        "{\"type\":\"fill\",\"time\":\"" + FILLED + "\",\"exchangeTime\":\"" + FILLED + "\",\"venue\":\"DERIBIT\"," +
            "\"fillId\":\"f1\",\"instrumentId\":2,\"side\":\"SELL\",\"quantity\":" + -CONTRACTS +
            ",\"price\":0.0475,\"fee\":0}");

    @TempDir
    Path dir;

    @Test
    void shouldMarkTheCrashWithVolUpAsTheWorstCellOfAShortPut() throws IOException
    {
        final CliRun.Result result = scenario().run();

        assertThat(result.exitCode).as(result.err).isZero();
        assertThat(result.err.strip()).isEqualTo("risk scenario: 5 lines read, 5 applied, 0 rejected");
        final List<String> lines = result.out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("BTC  index 100,000.00  margin currency BTC");
        final List<String> marked = lines.stream().filter(line -> line.contains(ScenarioTable.WORST + " ") ||
            line.endsWith(ScenarioTable.WORST)).filter(line -> !line.contains("the worst loss")).toList();
        assertThat(marked).hasSize(1);
        final String worstRow = marked.get(0);
        // the largest crash, an extended move, in the UP column (the first after the move's label)
        assertThat(worstRow).startsWith("  -66% ext");
        final String[] cells = worstRow.substring(14).trim().split("\\s+");
        assertThat(cells).hasSize(1);
        final double worstPnl = Double.parseDouble(cells[0].replace(ScenarioTable.WORST, "").replace(",", ""));

        final double expected = crashPnl(-0.66);
        assertThat(worstPnl).isCloseTo(expected, within(1e-6));
        assertThat(lines).contains(String.format(Locale.ROOT,
            "  worst loss      %,.6f BTC at -66%% vol UP (extended, weight 0.35)", -0.35 * expected));
        // rows ascend by move: the extended crashes first, the regular grid from -16%, the extended rallies last
        assertThat(lines.get(3)).startsWith("  -66% ext");
        assertThat(lines.get(4)).startsWith("  -33% ext");
        assertThat(lines.get(5)).startsWith("  -16%  ");
        assertThat(lines.get(13)).startsWith("  +16%  ");
        assertThat(lines.get(14)).startsWith("  +50% ext");
        // 20 BTC cover the margin: the account is liquidated only on a crash, and never on a rally of a short put
        assertThat(lines.stream().filter(line -> line.startsWith("  liquidation")).findFirst().orElseThrow())
            .contains("down -").endsWith("up none in range");
    }

    /**
     * Unwinding the 10 short puts buys them at the ask, 0.048, against the mid, 0.0475 (no sizes shown): 10 × 0.0005 =
     * 0.005 BTC, 500 USD at the index. They were sold at the mid: no edge, and no P&L since (marked at that mid).
     */
    @Test
    void shouldShowTheLiquidityCostAndTheEdge() throws IOException
    {
        final CliRun.Result result = scenario().run();
        assertThat(result.exitCode).as(result.err).isZero();
        final List<String> lines = result.out.lines().toList();
        assertThat(lines).contains("BTC  liquidity and edge, USD", "  liquidity cost  500.00",
            "  trading P&L     0.00", "  edge            0.00", "  inventory       0.00");
    }

    @Test
    void shouldPrintTheReplayStatesArraysAsJson() throws IOException
    {
        final CliRun.Result result = scenario().flag("json").run();
        assertThat(result.exitCode).as(result.err).isZero();
        assertThat(result.out.strip().lines()).hasSize(1);
        final JsonNode printed = MAPPER.readTree(result.out);

        final Path state = dir.resolve("state.json");
        final CliRun.Result replay = CliRun.verb("replay").with("events", dir.resolve("events.jsonl"))
            .with("config", dir.resolve("risk.yaml")).with("state-out", state).run();
        assertThat(replay.exitCode).as(replay.err).isZero();
        final JsonNode replayed = MAPPER.readTree(state.toFile());

        assertThat(printed.size()).isEqualTo(3);
        for (final String key : List.of("scenarios", "margin", "liquidationDistance"))
        {
            assertThat(printed.get(key)).as(key).isEqualTo(replayed.get(key));
        }
        assertThat(printed.get("margin").get(0).get("equity").asDouble()).isGreaterThan(19);
    }

    @Test
    void shouldRefuseBadArgumentsWithOneLine() throws IOException
    {
        final Path missing = dir.resolve("missing.jsonl");
        final CliRun.Result noFile = CliRun.verb("scenario").with("events", missing).run();
        assertThat(noFile.exitCode).isEqualTo(2);
        assertThat(noFile.err.strip()).isEqualTo("risk scenario: no such file: " + missing);
        assertThat(noFile.out).isEmpty();

        final CliRun.Result notAQueue = CliRun.verb("scenario").with("journal", dir).run();
        assertThat(notAQueue.exitCode).isEqualTo(2);
        assertThat(notAQueue.err).contains("risk scenario: not a queue: " + dir);

        final CliRun.Result both = scenario().with("journal", dir).run();
        assertThat(both.exitCode).isEqualTo(2);
        assertThat(both.err).contains("mutually exclusive");

        final CliRun.Result neither = CliRun.verb("scenario").run();
        assertThat(neither.exitCode).isEqualTo(2);
        assertThat(neither.err).contains("Missing required argument");

        final CliRun.Result badConfig = scenario().with("config", dir.resolve("none.yaml")).run();
        assertThat(badConfig.exitCode).isEqualTo(2);
        assertThat(badConfig.err.strip()).startsWith("risk scenario: ").endsWith("none.yaml: file not found");
    }

    /**
     * The P&L of the short puts, in BTC, at an index move with vol UP, from the definition: each put worth
     * P(F', σ') / F' coins, F' = F(1 + move), σ' = σ(1 + 0.5 (30 / DTE)^0.3) under 30 days, no time passing.
     */
    private static double crashPnl(final double move)
    {
        final double days = Duration.between(Instant.parse(FILLED), Instant.parse(EXPIRY)).toMillis() / 86_400_000.0;
        final double years = days / 365.25;
        final double shocked = IV * (1 + 0.5 * Math.pow(30 / Math.max(days, 1), 0.30));
        final double moved = INDEX * (1 + move);
        final double after = Black76.price(false, moved, STRIKE, years, shocked, 0) / moved;
        final double before = Black76.price(false, INDEX, STRIKE, years, IV, 0) / INDEX;
        return CONTRACTS * (after - before);
    }

    private CliRun scenario() throws IOException
    {
        final Path events = Files.write(dir.resolve("events.jsonl"), EVENTS);
        final Path config = Files.writeString(dir.resolve("risk.yaml"), "dataDir: data\nengine:\n" +
            "  coinBalances: {BTC: 20}\n");
        return CliRun.verb("scenario").with("events", events).with("config", config);
    }
}

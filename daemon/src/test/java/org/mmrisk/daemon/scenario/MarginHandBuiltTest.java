package org.mmrisk.daemon.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.daemon.config.ConfigLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Portfolio margin and liquidation distance of small books whose answers are worked by hand below (the oracle only
 * cross-checks the digits): a short strangle and a calendar of coin options, a coin balance hedged (and over-hedged)
 * with a short inverse perpetual, and a coin balance with short puts. Index 100,000 throughout; options priced with
 * the venue's forward 100,000 (no futures), each filled at its own Black-76 value so that the premiums received
 * equal the options' value and the equity is the coin balance (less a second's decay).
 */
class MarginHandBuiltTest
{
    private static final double S = 100_000;
    private static final Instant NEAR = ScenarioBook.START.plus(Duration.ofDays(10));
    private static final Instant FAR = ScenarioBook.START.plus(Duration.ofDays(90));
    private static final Instant SIXTY = ScenarioBook.START.plus(Duration.ofDays(60));
    private static final Instant FORTY_FIVE = ScenarioBook.START.plus(Duration.ofDays(45));

    @TempDir
    Path dir;

    /**
     * Short 10 calls 120k and 10 puts 80k (60 days, vol 60%), 8 BTC, COIN margin. Premiums: call ≈ 3,484 USD =
     * 0.0348 coin, put ≈ 2,108 USD = 0.0211 coin (σ√T = 0.243). In coins a short put is the dangerous leg: at the
     * crash point -66% (F' = 34k) a put is worth (80 - 34)/34 ≈ 1.35 coins, a loss of 10 x 1.33 ≈ 13.3 coins,
     * weighted 0.35: ≈ 4.7 coins. The calls' coin value is capped by 1 - K/F' (at +500%, F' = 600k: 0.8), a weighted
     * loss of at most 0.35 x 10 x 0.77 ≈ 2.7; the regular -16% UP point loses about 0.5. So the extended crash point
     * (-0.66, UP) sets the margin: worstLoss ≈ 4.7 coins. Contingency 0.01 x 20 short contracts = 0.2 coin exactly;
     * equity ≈ 8 coins. Liquidation: falling to 70k the puts lose ≈ 10 x (0.2 - 0.02) ≈ 1.8 coins and the crash
     * point from there ≈ 0.35 x 10 x (2.36 - 0.2) ≈ 7.6, so maintenance ≈ 0.8 x 7.8 ≈ 6.2: g ≈ 8 - 1.8 - 6.2 ≈ 0,
     * downMove ≈ -0.3. Rising, the calls' coin loss nears 10 x (1 - 0.2 - 0.035) ≈ 7.65 at +5 with maintenance then
     * ≈ 0.8 x (0.35 x 10 x 0.17 + 0.2) ≈ 0.6: g(+5) ≈ -0.25 < 0, while g(+1) ≈ 8 - 3.7 - 1.4 > 0: upMove in (1, 5).
     */
    @Test
    void shouldSetTheStrangleMarginAtTheCrashPointAndFindBothLiquidationMoves() throws IOException
    {
        final ScenarioBook book = new ScenarioBook().index(1, "BTC");
        options(book, 8, new Object[][] { { SIXTY, 120_000.0, true, 0.6, -10.0 },
            { SIXTY, 80_000.0, false, 0.6, -10.0 } });
        final JsonNode state = book.run(new EngineConfig().conclude());
        assertThat(state.get("rejects")).isEmpty();
        final ScenarioOracle oracle = ScenarioOracle.of(state, book, "BTC", new ScenarioOracle.Params(), false);
        final SoftAssertions soft = new SoftAssertions();

        final JsonNode scenario = ScenarioComparison.row(state, "scenarios", "BTC");
        soft.assertThat(scenario).as("scenarios row").isNotNull();
        if (scenario != null)
        {
            soft.assertThat(scenario.path("worstMove").asDouble()).as("worstMove: the crash point").isEqualTo(-0.66);
            soft.assertThat(scenario.path("worstVol").asText()).as("worstVol").isEqualTo("UP");
            soft.assertThat(scenario.path("worstLoss").asDouble()).as("worstLoss ≈ 4.7 coins by hand")
                .isBetween(4.2, 5.2);
        }
        final JsonNode margin = ScenarioComparison.row(state, "margin", "BTC");
        soft.assertThat(margin).as("margin row").isNotNull();
        if (margin != null)
        {
            soft.assertThat(margin.path("contingency").asDouble()).as("0.01 x 20 short contracts")
                .isCloseTo(0.2, within(1e-12));
            soft.assertThat(margin.path("equity").asDouble()).as("the balance; premiums = value")
                .isCloseTo(8, within(1e-3));
        }
        ScenarioComparison.checkScenarios(soft, state, "BTC", oracle, "BTC");
        ScenarioComparison.checkMargin(soft, state, "BTC", oracle, "BTC");
        final ScenarioOracle.Liquidation liquidation = ScenarioComparison.checkLiquidation(soft, state, "BTC", oracle);
        soft.assertThat(liquidation.downRoot).as("oracle downMove ≈ -0.3 by hand").isBetween(-0.36, -0.24);
        soft.assertThat(liquidation.upRoot).as("oracle upMove in (1, 5) by hand").isBetween(1.0, 5.0);
        soft.assertAll();
    }

    /**
     * Calendar: short 10 calls 100k expiring in 10 days, long 10 calls 100k in 90 days, vol 50% both, 2 BTC, COIN
     * margin. The shocks scale with (30/DTE)^p: the near leg (DTE 10 < 30, p = 0.30) by 3^0.3 = 1.390, UP +69.5%
     * and DOWN -34.8% of its vol; the far leg (DTE 90, p = 0.13) by (1/3)^0.13 = 0.867, UP +43.4% and DOWN -21.7%.
     * At the money vega grows as √T, so the far leg has 3 times the near leg's vega: vol UP at m = 0 gains
     * ∝ 3 x 0.434 - 0.695 = +0.61 > 0, vol DOWN loses ∝ 3 x 0.217 - 0.348 = -0.30 < 0 (in units of the near leg's
     * vega x σ). Gamma goes as 1/√T: the book is short gamma, so large moves lose, most with vol DOWN; at the crash
     * point both calls are nearly worthless and the spread's value (≈ 0.4σ(√T2 - √T1) ≈ 0.4 x 0.5 x (0.496 - 0.165)
     * ≈ 0.066 coin per pair, 0.66 coin) is lost, weighted 0.35: ≈ 0.23. So a regular DOWN point sets the margin.
     * Contingency counts short options only: 0.01 x 10 = 0.1 coin (the long calls do not offset it).
     */
    @Test
    void shouldShowTheCalendarLongVegaShortGammaAndItsMarginAtAVolDownPoint() throws IOException
    {
        final ScenarioBook book = new ScenarioBook().index(1, "BTC");
        options(book, 2, new Object[][] { { NEAR, 100_000.0, true, 0.5, -10.0 },
            { FAR, 100_000.0, true, 0.5, 10.0 } });
        final JsonNode state = book.run(new EngineConfig().conclude());
        assertThat(state.get("rejects")).isEmpty();
        final ScenarioOracle oracle = ScenarioOracle.of(state, book, "BTC", new ScenarioOracle.Params(), false);
        final SoftAssertions soft = new SoftAssertions();

        final JsonNode scenario = ScenarioComparison.row(state, "scenarios", "BTC");
        soft.assertThat(scenario).as("scenarios row").isNotNull();
        if (scenario != null)
        {
            final JsonNode points = scenario.path("points");
            // regular points: j = -4..4, each UP, SAME, DOWN; m = 0 is j = 0, points 12, 13, 14
            soft.assertThat(points.path(12).path("pnl").asDouble()).as("vol UP at m = 0 gains").isPositive();
            soft.assertThat(points.path(13).path("pnl").asDouble()).as("nothing moves at (0, SAME)")
                .isCloseTo(0, within(1e-15));
            soft.assertThat(points.path(14).path("pnl").asDouble()).as("vol DOWN at m = 0 loses").isNegative();
            soft.assertThat(scenario.path("worstVol").asText()).as("worstVol").isEqualTo("DOWN");
            soft.assertThat(Math.abs(scenario.path("worstMove").asDouble())).as("worstMove: a regular edge")
                .isEqualTo(0.16);
        }
        final JsonNode margin = ScenarioComparison.row(state, "margin", "BTC");
        soft.assertThat(margin).as("margin row").isNotNull();
        if (margin != null)
        {
            soft.assertThat(margin.path("contingency").asDouble()).as("0.01 x 10 short contracts")
                .isCloseTo(0.1, within(1e-12));
        }
        ScenarioComparison.checkScenarios(soft, state, "BTC", oracle, "BTC");
        ScenarioComparison.checkMargin(soft, state, "BTC", oracle, "BTC");
        ScenarioComparison.checkLiquidation(soft, state, "BTC", oracle);
        soft.assertAll();
    }

    /**
     * 10 BTC (engine.coinBalances) hedged by a short inverse perpetual of 1,000,000 USD (100,000 contracts of 10 USD
     * at 100,000, the perpetual's mid), COIN margin. In coins the short gains q·c·(1/F - 1/F') = -10·m/(1 + m): the
     * account holds 10/(1 + m) coins, a constant 1,000,000 USD. The grid's worst point is the largest extended move,
     * +5 (UP; vol does not matter): 0.35 x 10 x 5/6 = 2.9167 coins; contingency 0 (no long futures to offset the
     * short: min(L, |Sh|) = min(0, 10) = 0); maintenance 2.3333; equity 10. Re-centred at S(1 + m) every figure
     * scales by 1/(1 + m): g(m) = (10 - 2.3333)/(1 + m) > 0 for every m: no liquidation either way (both null).
     * Over-hedged (2,000,000 USD short): pnl = -20m/(1 + m), maintenance 0.8 x 0.35 x 20 x 5/6/(1 + m)
     * = 4.6667/(1 + m), so g(m) = (10(1 + m) - 20m - 4.6667)/(1 + m) = (5.3333 - 10m)/(1 + m): upMove = 8/15 =
     * 0.53333, downMove null. USD-margined, the 1x hedge has no risk at all: q·c·(1/avg - 1/F')·S' + 10(S' - S)
     * = -1,000,000·m + 1,000,000·m = 0 at every point: worstLoss 0, equity 1,000,000 USD, no liquidation.
     */
    @Test
    void shouldFindNoLiquidationForAHedgedCoinBalanceAndEightFifteenthsUpWhenOverHedged() throws IOException
    {
        final SoftAssertions soft = new SoftAssertions();
        final double[] expectedUp = { Double.NaN, 8.0 / 15 };
        for (int times = 1; times <= 2; times++)
        {
            final ScenarioBook book = hedge(times);
            final JsonNode state = book.run(config("engine:\n  coinBalances: {BTC: 10}\n"));
            assertThat(state.get("rejects")).isEmpty();
            final ScenarioOracle oracle = ScenarioOracle.of(state, book, "BTC", new ScenarioOracle.Params(), false);
            final String hedge = times + "x hedge";
            soft.assertThat(oracle.worstLoss(0)).as(hedge + ": oracle's worst loss by hand")
                .isCloseTo(0.35 * 10 * times * 5 / 6, within(1e-9));
            final JsonNode scenario = ScenarioComparison.row(state, "scenarios", "BTC");
            soft.assertThat(scenario).as("scenarios row").isNotNull();
            if (scenario != null)
            {
                soft.assertThat(scenario.path("worstMove").asDouble()).as(hedge + " worstMove").isEqualTo(5.0);
                soft.assertThat(scenario.path("worstVol").asText()).as(hedge + " worstVol").isEqualTo("UP");
                soft.assertThat(scenario.path("worstLoss").asDouble()).as(hedge + " worstLoss")
                    .isCloseTo(0.35 * 10 * times * 5 / 6, within(1e-9));
            }
            final JsonNode margin = ScenarioComparison.row(state, "margin", "BTC");
            soft.assertThat(margin).as("margin row").isNotNull();
            if (margin != null)
            {
                soft.assertThat(margin.path("contingency").asDouble()).as(hedge + " contingency").isEqualTo(0.0);
                soft.assertThat(margin.path("equity").asDouble()).as(hedge + " equity").isCloseTo(10, within(1e-9));
                soft.assertThat(margin.path("maintenance").asDouble()).as(hedge + " maintenance")
                    .isCloseTo(0.8 * 0.35 * 10 * times * 5 / 6, within(1e-9));
            }
            ScenarioComparison.checkScenarios(soft, state, "BTC", oracle, "BTC");
            ScenarioComparison.checkMargin(soft, state, "BTC", oracle, "BTC");
            final ScenarioOracle.Liquidation liquidation =
                ScenarioComparison.checkLiquidation(soft, state, "BTC", oracle);
            soft.assertThat(liquidation.downMove).as(hedge + " oracle downMove").isNull();
            if (times == 1)
            {
                soft.assertThat(liquidation.upMove).as(hedge + " oracle upMove").isNull();
            }
            else
            {
                soft.assertThat(liquidation.upRoot).as(hedge + " oracle root = 8/15")
                    .isCloseTo(expectedUp[1], within(1e-9));
                final JsonNode row = ScenarioComparison.row(state, "liquidationDistance", "BTC");
                if (row != null)
                {
                    soft.assertThat(row.path("upMove").asDouble()).as(hedge + " upMove = 8/15 to 1e-4")
                        .isCloseTo(expectedUp[1], within(1e-4));
                }
            }
        }
        final ScenarioBook book = hedge(1);
        final JsonNode state =
            book.run(config("engine:\n  coinBalances: {BTC: 10}\n  margin: {currencies: {BTC: USD}}\n"));
        final ScenarioOracle oracle = ScenarioOracle.of(state, book, "BTC", new ScenarioOracle.Params(), true);
        soft.assertThat(oracle.worstLoss(0)).as("USD: oracle's worst loss").isCloseTo(0, within(1e-6));
        final JsonNode margin = ScenarioComparison.row(state, "margin", "BTC");
        soft.assertThat(margin).as("USD margin row").isNotNull();
        if (margin != null)
        {
            soft.assertThat(margin.path("currency").asText()).isEqualTo("USD");
            soft.assertThat(margin.path("worstLoss").asDouble()).as("USD-margined 1x hedge: no risk")
                .isCloseTo(0, within(1e-6));
            soft.assertThat(margin.path("equity").asDouble()).as("USD equity 10 x 100,000")
                .isCloseTo(1_000_000, within(1e-6));
        }
        ScenarioComparison.checkScenarios(soft, state, "BTC", oracle, "USD");
        ScenarioComparison.checkMargin(soft, state, "BTC", oracle, "USD");
        ScenarioComparison.checkLiquidation(soft, state, "BTC", oracle);
        soft.assertAll();
    }

    /**
     * 3 BTC and 3 short puts 90k (45 days, vol 50%), COIN margin. Put ≈ 2,799 USD = 0.028 coin (σ√T = 0.1755). The
     * coin equity falls as the coin falls (the put's coin value grows as (K - F')/F'), and so does the crash point's
     * loss from each lower centre: at 70k the puts have lost ≈ 3 x (0.31 - 0.028) ≈ 0.85 and the crash point
     * (23.8k) would lose 0.35 x 3 x (2.78 - 0.31) ≈ 2.6 more, maintenance ≈ 0.8 x 2.63 ≈ 2.1: g ≈ 3 - 0.85 - 2.1
     * ≈ 0.05: downMove ≈ -0.3. Rising, the puts fade to nothing (pnl → +0.084) and so does the crash point's loss
     * once 0.34·S(1 + m) is above 90k: g stays positive: upMove null. At downIndex, equity + pnl = maintenance.
     */
    @Test
    void shouldLiquidateShortPutsOnACoinAccountOnTheWayDownOnly() throws IOException
    {
        final ScenarioBook book = new ScenarioBook().index(1, "BTC");
        options(book, 3, new Object[][] { { FORTY_FIVE, 90_000.0, false, 0.5, -3.0 } });
        final JsonNode state = book.run(new EngineConfig().conclude());
        assertThat(state.get("rejects")).isEmpty();
        final ScenarioOracle oracle = ScenarioOracle.of(state, book, "BTC", new ScenarioOracle.Params(), false);
        final SoftAssertions soft = new SoftAssertions();
        ScenarioComparison.checkScenarios(soft, state, "BTC", oracle, "BTC");
        ScenarioComparison.checkMargin(soft, state, "BTC", oracle, "BTC");
        final ScenarioOracle.Liquidation liquidation = ScenarioComparison.checkLiquidation(soft, state, "BTC", oracle);
        soft.assertThat(liquidation.downRoot).as("oracle downMove ≈ -0.3 by hand").isBetween(-0.36, -0.24);
        soft.assertThat(liquidation.upMove).as("oracle upMove").isNull();
        final JsonNode row = ScenarioComparison.row(state, "liquidationDistance", "BTC");
        if (row != null && row.path("downMove").isNumber())
        {
            final double down = row.path("downMove").asDouble();
            soft.assertThat(row.path("upMove").isNull() || row.path("upMove").isMissingNode()).as("upMove null")
                .isTrue();
            // equity + pnl(down) = maintenance(down) within the bisection's 1e-4: g fails at the reported move and
            // passes 1e-4 nearer the centre
            soft.assertThat(oracle.g(down)).as("g at the engine's downMove %s", down).isLessThanOrEqualTo(1e-12);
            soft.assertThat(oracle.g(down + 1e-4)).as("g 1e-4 above the engine's downMove").isPositive();
            soft.assertThat(oracle.equity() + oracle.pnl(0, down, "SAME"))
                .as("equity at downIndex = maintenance there")
                .isCloseTo(oracle.maintenance(down), within(1e-3));
            soft.assertThat(row.path("downIndex").asDouble()).isCloseTo(S * (1 + down), within(1e-6));
        }
        soft.assertAll();
    }

    /**
     * Which underlyings appear, and an unpriced book. BTC: a priced short put beside an option that never had a
     * tick (no vol: unpriced), so BTC's margin and liquidation numbers are null. ETH: an index and a 5-coin balance,
     * no position: it appears, with every point's pnl 0 (COIN margin: the balance does not move in coins), worstLoss
     * 0, contingency 0, equity 5, no liquidation either way. SOL: an index and nothing held: absent. XRP: an option
     * position but no index: absent.
     */
    @Test
    void shouldListOnlyUnderlyingsWithAnIndexAndSomethingHeldAndNullAnUnpricedBooksMargin() throws IOException
    {
        final ScenarioBook book = new ScenarioBook().index(1, "BTC").index(20, "ETH").index(30, "SOL")
            .option(12, "BTC", true, 1, FORTY_FIVE, 150_000, true)
            .option(40, "XRP", true, 1, FORTY_FIVE, 3, true);
        options(book, 1, new Object[][] { { FORTY_FIVE, 90_000.0, false, 0.5, -1.0 } });
        book.tick(3, 20, 3_000, 3_000).tick(3, 30, 200, 200).setCoinEquity(3, "ETH", 5)
            .optionTick(3, 40, 0.01, 0.012, 0.8, 2.5)
            .fill(4, 12, -1, 0.01).fill(4, 40, -100, 0.011).timer(5);
        final JsonNode state = book.run(new EngineConfig().conclude());
        assertThat(state.get("rejects")).isEmpty();
        final SoftAssertions soft = new SoftAssertions();
        for (final JsonNode row : state.get("underlyings"))
        {
            if ("BTC".equals(row.path("underlying").asText()))
            {
                soft.assertThat(row.path("unpricedPositions").asInt()).as("BTC's unpriced option").isEqualTo(1);
            }
        }
        for (final String key : new String[] { "scenarios", "margin", "liquidationDistance" })
        {
            soft.assertThat(ScenarioComparison.row(state, key, "SOL")).as("%s: SOL holds nothing", key).isNull();
            soft.assertThat(ScenarioComparison.row(state, key, "XRP")).as("%s: XRP has no index", key).isNull();
            soft.assertThat(ScenarioComparison.row(state, key, "ETH")).as("%s: ETH has a balance", key).isNotNull();
        }
        final JsonNode btcMargin = ScenarioComparison.row(state, "margin", "BTC");
        soft.assertThat(btcMargin).as("BTC margin row").isNotNull();
        if (btcMargin != null)
        {
            for (final String key : new String[] { "worstLoss", "contingency", "initial", "maintenance", "equity",
                "initialUtilization", "maintenanceUtilization" })
            {
                soft.assertThat(btcMargin.path(key).isNull()).as("BTC margin %s null: %s", key, btcMargin.path(key))
                    .isTrue();
            }
        }
        final JsonNode btcLiquidation = ScenarioComparison.row(state, "liquidationDistance", "BTC");
        if (btcLiquidation != null)
        {
            soft.assertThat(btcLiquidation.path("downMove").isNull()).as("BTC downMove null").isTrue();
            soft.assertThat(btcLiquidation.path("upMove").isNull()).as("BTC upMove null").isTrue();
        }
        final ScenarioOracle eth = ScenarioOracle.of(state, book, "ETH", new ScenarioOracle.Params(), false);
        soft.assertThat(eth.legs()).isEmpty();
        final JsonNode ethMargin = ScenarioComparison.row(state, "margin", "ETH");
        if (ethMargin != null)
        {
            soft.assertThat(ethMargin.path("worstLoss").asDouble()).isEqualTo(0.0);
            soft.assertThat(ethMargin.path("equity").asDouble()).isCloseTo(5, within(1e-12));
        }
        ScenarioComparison.checkScenarios(soft, state, "ETH", eth, "ETH");
        ScenarioComparison.checkMargin(soft, state, "ETH", eth, "ETH");
        ScenarioComparison.checkLiquidation(soft, state, "ETH", eth);
        soft.assertAll();
    }

    /**
     * The replay line {@code SET_EQUITY ... "currency":"USD"} sets the USD balance, not the coin one. 2 BTC (coin
     * SET_EQUITY) and 50,000 USD (USD SET_EQUITY), no position, index 100,000. COIN margin: equity = 2 + 50,000 /
     * 100,000 = 2.5 coins, every point's pnl 0 (neither balance moves in coins). USD margin: equity = 50,000 + 2 x
     * 100,000 = 250,000 USD; the coin balance moves with the index: pnl at -16% = 2 x -16,000 = -32,000 USD, the worst
     * regular loss; at the crash point 2 x -66,000 x 0.35 = -46,200, the worst: worstLoss 46,200 (-0.66, UP).
     */
    @Test
    void shouldSetTheUsdBalanceWithSetEquityInUsd() throws IOException
    {
        final SoftAssertions soft = new SoftAssertions();
        for (final boolean usd : new boolean[] { false, true })
        {
            final ScenarioBook book = new ScenarioBook().index(1, "BTC").tick(1, 1, S, S)
                .setCoinEquity(2, "BTC", 2).setUsdEquity(3, "BTC", 50_000).timer(4);
            final JsonNode state = book.run(usd ? config("engine:\n  margin: {currencies: {BTC: USD}}\n") :
                new EngineConfig().conclude());
            assertThat(state.get("rejects")).isEmpty();
            final String currency = usd ? "USD" : "BTC";
            final JsonNode margin = ScenarioComparison.row(state, "margin", "BTC");
            soft.assertThat(margin).as("margin row").isNotNull();
            if (margin != null)
            {
                soft.assertThat(margin.path("equity").asDouble()).as("%s equity of 2 BTC and 50,000 USD", currency)
                    .isCloseTo(usd ? 250_000 : 2.5, within(1e-9));
                soft.assertThat(margin.path("worstLoss").asDouble()).as("%s worstLoss", currency)
                    .isCloseTo(usd ? 46_200 : 0, within(1e-6));
            }
            final ScenarioOracle oracle = ScenarioOracle.of(state, book, "BTC", new ScenarioOracle.Params(), usd);
            ScenarioComparison.checkScenarios(soft, state, "BTC", oracle, currency);
            ScenarioComparison.checkMargin(soft, state, "BTC", oracle, currency);
        }
        soft.assertAll();
    }

    /**
     * The strangle of the first test on 1 BTC: maintenance at the centre is already ≈ 0.8 x (4.54 + 0.2) ≈ 3.8 coins
     * against 1 coin of equity, g(0) < 0, so both distances are 0 and both indices the index itself.
     */
    @Test
    void shouldReportZeroDistancesWhenMaintenanceAlreadyExceedsEquity() throws IOException
    {
        final ScenarioBook book = new ScenarioBook().index(1, "BTC");
        options(book, 1, new Object[][] { { SIXTY, 120_000.0, true, 0.6, -10.0 },
            { SIXTY, 80_000.0, false, 0.6, -10.0 } });
        final JsonNode state = book.run(new EngineConfig().conclude());
        final ScenarioOracle oracle = ScenarioOracle.of(state, book, "BTC", new ScenarioOracle.Params(), false);
        assertThat(oracle.g(0)).as("oracle: g(0) < 0").isNegative();
        final JsonNode row = ScenarioComparison.row(state, "liquidationDistance", "BTC");
        assertThat(row).isNotNull();
        assertThat(row.path("downMove").asDouble()).isEqualTo(0.0);
        assertThat(row.path("upMove").asDouble()).isEqualTo(0.0);
        assertThat(row.path("downIndex").asDouble()).isEqualTo(S);
        assertThat(row.path("upIndex").asDouble()).isEqualTo(S);
        final JsonNode margin = ScenarioComparison.row(state, "margin", "BTC");
        assertThat(margin.path("maintenanceUtilization").asDouble()).as("above 1").isGreaterThan(1);
    }

    /**
     * A short call 100k with 12 hours left at vol 3%: DTE 0.5 is clamped to 1, so scale = 30^0.30 = 2.772 (short
     * power, DTE < 30): UP = 0.03 x (1 + 0.5 x 2.772) = 0.0716; DOWN = 0.03 x (1 - 0.25 x 2.772) = 0.0092, below the
     * floor: 0.01. At m = 0 the short call (ATM value ≈ 0.4σ√T F) loses at UP ≈ 0.4 x 0.0416 x 0.037 x 100,000 / F
     * per contract and gains at DOWN ≈ 0.4 x 0.02 x 0.037; the grid is compared point by point with the oracle,
     * which applies the same clamp and floor.
     */
    @Test
    void shouldClampTheShockAtOneDayAndFloorTheDownVol() throws IOException
    {
        final ScenarioBook book = new ScenarioBook().index(1, "BTC");
        options(book, 5, new Object[][] { { ScenarioBook.START.plus(Duration.ofHours(12)), 100_000.0, true, 0.03,
            -10.0 } });
        final JsonNode state = book.run(new EngineConfig().conclude());
        assertThat(state.get("rejects")).isEmpty();
        final ScenarioOracle oracle = ScenarioOracle.of(state, book, "BTC", new ScenarioOracle.Params(), false);
        final ScenarioOracle.Leg leg = oracle.legs().get(0);
        assertThat(oracle.shocked(leg, "UP")).isCloseTo(0.03 * (1 + 0.5 * Math.pow(30, 0.3)), within(1e-15));
        assertThat(oracle.shocked(leg, "DOWN")).isEqualTo(0.01);
        final SoftAssertions soft = new SoftAssertions();
        final JsonNode scenario = ScenarioComparison.row(state, "scenarios", "BTC");
        soft.assertThat(scenario).isNotNull();
        if (scenario != null)
        {
            soft.assertThat(scenario.path("points").path(12).path("pnl").asDouble()).as("(0, UP) short vol loses")
                .isNegative();
            soft.assertThat(scenario.path("points").path(14).path("pnl").asDouble()).as("(0, DOWN) gains")
                .isPositive();
        }
        ScenarioComparison.checkScenarios(soft, state, "BTC", oracle, "BTC");
        ScenarioComparison.checkMargin(soft, state, "BTC", oracle, "BTC");
        ScenarioComparison.checkLiquidation(soft, state, "BTC", oracle);
        soft.assertAll();
    }

    private static ScenarioBook hedge(final int times)
    {
        final ScenarioBook book = new ScenarioBook().index(1, "BTC").perpetual(2, "BTC", true, 10);
        book.coinBalance("BTC", 10);
        book.tick(1, 1, S, S).tick(1, 2, S - 0.5, S + 0.5);
        book.fill(2, 2, -100_000.0 * times, S);
        book.timer(3);
        return book;
    }

    /**
     * A coin option priced at the venue's forward S with its mark vol (ticks at second 1), filled at second 2 at its
     * own Black-76 coin value: the fills are sent after every definition, tick and SET_EQUITY.
     */
    private static ScenarioBook options(final ScenarioBook book, final double balance, final Object[][] legs)
    {
        book.tick(1, 1, S, S);
        final double[] prices = new double[legs.length];
        for (int i = 0; i < legs.length; i++)
        {
            final int id = 10 + i;
            final Instant expiry = (Instant)legs[i][0];
            final double strike = (Double)legs[i][1];
            final boolean call = (Boolean)legs[i][2];
            final double vol = (Double)legs[i][3];
            final double years = Duration.between(ScenarioBook.START.plusSeconds(2), expiry).getSeconds() /
                ScenarioOracle.YEAR_SECONDS;
            prices[i] = ScenarioOracle.black(S, strike, years, vol, call) / S;
            book.option(id, "BTC", true, 1, expiry, strike, call)
                .optionTick(1, id, 0.95 * prices[i], 1.05 * prices[i], vol, S);
        }
        book.setCoinEquity(1, "BTC", balance);
        for (int i = 0; i < legs.length; i++)
        {
            book.fill(2, 10 + i, (Double)legs[i][4], prices[i]);
        }
        return book.timer(3);
    }

    private EngineConfig config(final String yaml) throws IOException
    {
        final Path file = dir.resolve("daemon.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file).engineConfig();
    }
}

package org.mmrisk.daemon.var;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The explain's {@code tradingPnlUsd}, {@code edgeUsd} and {@code inventoryUsd} on hand-worked sequences of fills and
 * ticks. Definitions: trading P&L is realized + unrealized P&L of the positions, fees included (unrealized at the
 * mid: no mark is sent; coin P&L and coin fees at the index when realized, unrealized coin P&L at the index now);
 * edge is, per fill, the contracts' value at fair value (here the mid: every book is far narrower than
 * maxSpreadForMid, 5%) less their value at the fill price, in the settlement currency, converted at the fill-time
 * index, less the fee converted the same way (a rebate adds); inventory = trading − edge. Every fill is after the
 * first valuation, so {@code total} covers all of them.
 */
class EdgeInventoryHandBuiltTest
{
    @TempDir
    Path dir;

    /**
     * Linear perpetual of 0.5 BTC. t1: index 100,000, book 99,990 / 100,010 (mid 100,000). t2: buy 4 at 99,990
     * (passive, at the bid), fee −0.5 USD (a rebate): edge 0.5 × 4 × (100,000 − 99,990) + 0.5 = 20.5 USD.
     * t3: index 100,200, book 100,190 / 100,210. t4: sell 1 at 100,210, fee 2 USD: edge 0.5 × 1 × (100,210 −
     * 100,200) − 2 = 3 USD. t5: index 99,900, book 99,880 / 99,900 (mid 99,890).
     * Trading: realized 0.5 × 1 × (100,210 − 99,990) = 110, fees +0.5 − 2 = −1.5, unrealized 0.5 × 3 × (99,890 −
     * 99,990) = −150: −41.5 USD. Edge 23.5; inventory −65, which is also the inventory's own path: 2 coins held from
     * fair 100,000 to 100,200 (+400), then 1.5 coins from 100,200 to 99,890 (−465).
     * In coins (the edge converted at the fill-time index): 20.5/100,000 + 3/100,200 = 0.000234940 BTC.
     */
    @Test
    void shouldSplitALinearBooksTradingPnlIntoEdgeAndInventory() throws IOException
    {
        final VarBook book = new VarBook().index(1, "BTC").linearPerpetual(2, "BTC", 0.5)
            .tick(1, 1, 100_000, 100_000).tick(1, 2, 99_990, 100_010)
            .fill(2, 2, 4, 99_990, -0.5, "USD")
            .tick(3, 1, 100_200, 100_200).tick(3, 2, 100_190, 100_210)
            .fill(4, 2, -1, 100_210, 2, "USD")
            .tick(5, 1, 99_900, 99_900).tick(5, 2, 99_880, 99_900)
            .timer(6);
        final JsonNode state = book.run(dir, "engine: {}\n");
        assertThat(state.get("rejects")).as("rejects").isEmpty();
        final SoftAssertions soft = new SoftAssertions();
        check(soft, state, "linear", -41.5, 23.5, 1e-9);
        checkEdgeCoin(soft, state, "linear", 20.5 / 100_000 + 3 / 100_200.0);
        soft.assertAll();
    }

    /**
     * Inverse perpetual of 10 USD, fees in BTC. t1: index 100,000, book 99,995 / 100,005 (mid 100,000).
     * t2: sell 100,000 at 100,005, fee −0.001 BTC (rebate): edge 10 × (−100,000) × (1/100,005 − 1/100,000) + 0.001
     * = 0.000499975 + 0.001 = 0.001499975 BTC, × 100,000 = 149.9975 USD.
     * t3: index 100,200, book 100,195 / 100,205. t4: buy 40,000 at 100,195, fee 0.002 BTC: edge 10 × 40,000 ×
     * (1/100,195 − 1/100,200) − 0.002 = 0.000199212 − 0.002 = −0.001800788 BTC, × 100,200 = −180.439 USD.
     * t5: index 99,900, book 99,885 / 99,895 (mid 99,890).
     * Trading: realized 10 × (−40,000) × (1/100,005 − 1/100,195) = −0.0075848 BTC × 100,200 = −759.99993 USD;
     * fees +0.001 × 100,000 − 0.002 × 100,200 = −100.4 USD; unrealized 10 × (−60,000) × (1/100,005 − 1/99,890)
     * = 0.00690725 BTC × 99,900 = 690.03457 USD: −170.36535 USD. Edge −30.44142 USD; inventory −139.92393 USD
     * (the short's path: −1,996 USD as the index rises 0.2%, about +1,860 as 600,000 USD of it ride back down).
     * In coins the edge is −0.000300813 BTC.
     */
    @Test
    void shouldSplitAnInverseBooksTradingPnlIntoEdgeAndInventory() throws IOException
    {
        final VarBook book = new VarBook().index(1, "BTC").inversePerpetual(4, "BTC", 10)
            .tick(1, 1, 100_000, 100_000).tick(1, 4, 99_995, 100_005)
            .fill(2, 4, -100_000, 100_005, -0.001, "BTC")
            .tick(3, 1, 100_200, 100_200).tick(3, 4, 100_195, 100_205)
            .fill(4, 4, 40_000, 100_195, 0.002, "BTC")
            .tick(5, 1, 99_900, 99_900).tick(5, 4, 99_885, 99_895)
            .timer(6);
        final JsonNode state = book.run(dir, "engine: {}\n");
        assertThat(state.get("rejects")).as("rejects").isEmpty();
        final double e1 = 10 * -100_000 * (1 / 100_005.0 - 1 / 100_000.0) + 0.001;
        final double e2 = 10 * 40_000 * (1 / 100_195.0 - 1 / 100_200.0) - 0.002;
        final double edge = e1 * 100_000 + e2 * 100_200;
        final double trading = 10 * -40_000 * (1 / 100_005.0 - 1 / 100_195.0) * 100_200 + 0.001 * 100_000 -
            0.002 * 100_200 + 10 * -60_000 * (1 / 100_005.0 - 1 / 99_890.0) * 99_900;
        final SoftAssertions soft = new SoftAssertions();
        soft.assertThat(edge).as("edge by hand").isCloseTo(-30.44142, within(1e-5));
        soft.assertThat(trading).as("trading by hand").isCloseTo(-170.36535, within(1e-5));
        check(soft, state, "inverse", trading, edge, 1e-7);
        checkEdgeCoin(soft, state, "inverse", e1 + e2);
        soft.assertAll();
    }

    /** Both books in one replay (BTC linear, ETH inverse at a tenth of the prices): pnlExplainTotal = Σ. */
    @Test
    void shouldSumTheUnderlyingsIntoThePortfolioTotal() throws IOException
    {
        final VarBook book = new VarBook().index(1, "BTC").linearPerpetual(2, "BTC", 0.5)
            .index(20, "ETH").inversePerpetual(24, "ETH", 10)
            .tick(1, 1, 100_000, 100_000).tick(1, 2, 99_990, 100_010)
            .tick(1, 20, 4_000, 4_000).tick(1, 24, 3_999, 4_001)
            .fill(2, 2, 4, 99_990, -0.5, "USD").fill(2, 24, -1_000, 4_001, 0.01, "ETH")
            .tick(3, 1, 100_200, 100_200).tick(3, 2, 100_190, 100_210)
            .tick(3, 20, 3_980, 3_980).tick(3, 24, 3_979, 3_981)
            .timer(4);
        final JsonNode state = book.run(dir, "engine: {}\n");
        assertThat(state.get("rejects")).as("rejects").isEmpty();
        // BTC: edge 20.5; trading 0.5 × 4 × (100,200 − 99,990) + 0.5 = 420.5
        // ETH: edge 10 × (−1,000) × (1/4,001 − 1/4,000) − 0.01 = 0.000624844 − 0.01 ETH, × 4,000;
        //      trading: unrealized 10 × (−1,000) × (1/4,001 − 1/3,980) × 3,980 (mid 3,980, index 3,980) − 0.01 × 4,000
        final double ethEdge = (10 * -1_000 * (1 / 4_001.0 - 1 / 4_000.0) - 0.01) * 4_000;
        final double ethTrading = 10 * -1_000 * (1 / 4_001.0 - 1 / 3_980.0) * 3_980 - 0.01 * 4_000;
        final SoftAssertions soft = new SoftAssertions();
        checkRow(soft, VarBook.explain(state, "BTC"), "BTC", 420.5, 20.5, 1e-9);
        checkRow(soft, VarBook.explain(state, "ETH"), "ETH", ethTrading, ethEdge, 1e-9);
        final JsonNode total = state.get("pnlExplainTotal");
        soft.assertThat(total).as("pnlExplainTotal").isNotNull();
        if (total != null)
        {
            checkFigures(soft, total, "pnlExplainTotal", 420.5 + ethTrading, 20.5 + ethEdge, 1e-8);
        }
        soft.assertAll();
    }

    /**
     * A book wider than maxSpreadForMid (5% of the mid) has its model value as fair value. Linear call 100,000
     * (1 BTC, 30 days from t0), book 4,000 / 5,200 (mid 4,600, spread 26% of it), mark vol 40%, forward 100,000.
     * t2: buy 2 at 4,000, no fee. Fair at t2 is Black-76(F 100,000, K 100,000, T = (30 days − 2 s)/365.25 days,
     * 40%) = 4,570.857165 USD: edge 2 × (4,570.857165 − 4,000) = 1,141.714330 USD. Trading: unrealized at the mid (no
     * mark) 2 × (4,600 − 4,000) = 1,200 USD; inventory 58.285670.
     */
    @Test
    void shouldTakeTheModelValueAsFairWhenTheBookIsWide() throws IOException
    {
        final VarBook book = new VarBook().index(1, "BTC")
            .linearOption(10, "BTC", 1, VarBook.START.plus(java.time.Duration.ofDays(30)), 100_000, true)
            .tick(1, 1, 100_000, 100_000).optionTick(1, 10, 4_000, 5_200, 0.4, 100_000, Double.NaN, Double.NaN)
            .fill(2, 10, 2, 4_000).timer(3);
        final JsonNode state = book.run(dir, "engine: {}\n");
        assertThat(state.get("rejects")).as("rejects").isEmpty();
        final double years = (30 * 86_400 - 2) / (VarReference.DAYS_PER_YEAR * 86_400);
        final double fair = VarReference.black(100_000, 100_000, years, 0.4, true);
        final SoftAssertions soft = new SoftAssertions();
        soft.assertThat(fair).as("fair by hand").isCloseTo(4_570.857165, within(1e-6));
        // the engine's model value is its last exact revaluation (the option's tick, t1), 1 s of theta (8.8e-4 USD a
        // contract) before the fill: 1141.716092 against 1141.714330 at the fill's own time; allow 0.01 USD a contract
        check(soft, state, "wide option", 1_200, 2 * (fair - 4_000), 0.02);
        soft.assertAll();
    }

    /**
     * The same wide book, but the index rises to 101,000 at t2 (no new option tick: the forward moves with the
     * index, 101,000, the vol stays 40%) and the buy is at t3: fair Black-76(101,000, 100,000, 30 days − 3 s, 40%)
     * = 5,110.985065 USD, edge 2 × (fair − 4,000) = 2,221.970131 USD. Trading: the mid is still 4,600: 1,200 USD.
     */
    @Test
    void shouldTakeTheModelValueAtTheFillTimeIndexWhenTheBookIsWide() throws IOException
    {
        final VarBook book = new VarBook().index(1, "BTC")
            .linearOption(10, "BTC", 1, VarBook.START.plus(java.time.Duration.ofDays(30)), 100_000, true)
            .tick(1, 1, 100_000, 100_000).optionTick(1, 10, 4_000, 5_200, 0.4, 100_000, Double.NaN, Double.NaN)
            .tick(2, 1, 101_000, 101_000)
            .fill(3, 10, 2, 4_000).timer(4);
        final JsonNode state = book.run(dir, "engine: {}\n");
        assertThat(state.get("rejects")).as("rejects").isEmpty();
        final double years = (30 * 86_400 - 3) / (VarReference.DAYS_PER_YEAR * 86_400);
        final double fair = VarReference.black(101_000, 100_000, years, 0.4, true);
        final SoftAssertions soft = new SoftAssertions();
        // a model value may lag by the engine's incremental update (its documented Taylor error, far below 0.01 USD
        // for a 1% move) or by seconds of theta (9e-4 USD a second here): 0.01 USD per contract
        check(soft, state, "wide option after an index move", 1_200, 2 * (fair - 4_000), 0.02);
        soft.assertAll();
    }

    /**
     * Coin-settled call 110,000 (1 BTC), book 0.0322 / 0.0332 BTC (mid 0.0327, 3% wide: fair is the mid), index
     * 100,000. t2: buy 3 at 0.0322, fee 0.0003 BTC: edge 3 × (0.0327 − 0.0322) − 0.0003 = 0.0012 BTC, × 100,000
     * = 120 USD. t3: the index rises to 101,000, the option's book unchanged. Trading: unrealized 3 × 0.0005 = 0.0015
     * BTC at the index now, 151.5 USD, less the fee at the index when paid, 30: 121.5 USD; inventory 1.5 USD (the
     * coins of edge are worth more dollars now). In coins the edge is 0.0012 BTC.
     */
    @Test
    void shouldValueACoinOptionsEdgeInCoinsAtTheFillTimeIndex() throws IOException
    {
        final VarBook book = new VarBook().index(1, "BTC")
            .coinOption(11, "BTC", 1, VarBook.START.plus(java.time.Duration.ofDays(30)), 110_000, true)
            .tick(1, 1, 100_000, 100_000).optionTick(1, 11, 0.0322, 0.0332, 0.6, 100_000, Double.NaN, Double.NaN)
            .fill(2, 11, 3, 0.0322, 0.0003, "BTC")
            .tick(3, 1, 101_000, 101_000).timer(4);
        final JsonNode state = book.run(dir, "engine: {}\n");
        assertThat(state.get("rejects")).as("rejects").isEmpty();
        final SoftAssertions soft = new SoftAssertions();
        check(soft, state, "coin option", 121.5, 120, 1e-8);
        checkEdgeCoin(soft, state, "coin option", 0.0012);
        soft.assertAll();
    }

    private static void check(final SoftAssertions soft, final JsonNode state, final String name,
        final double trading, final double edge, final double tolerance)
    {
        checkRow(soft, VarBook.explain(state, "BTC"), name, trading, edge, tolerance);
        final JsonNode total = state.get("pnlExplainTotal");
        soft.assertThat(total).as("%s pnlExplainTotal", name).isNotNull();
        if (total != null)
        {
            checkFigures(soft, total, name + " pnlExplainTotal", trading, edge, tolerance);
        }
        // a diagnostic: the positions' own P&L, which the trading P&L restates
        double positions = 0;
        for (final JsonNode position : state.get("positions"))
        {
            positions += position.path("realizedPnlUsd").asDouble() + position.path("unrealizedPnlUsd").asDouble();
        }
        System.out.printf("%s: positions' realized + unrealized %.9f, trading by hand %.9f%n", name, positions,
            trading);
    }

    private static void checkRow(final SoftAssertions soft, final JsonNode row, final String name,
        final double trading, final double edge, final double tolerance)
    {
        soft.assertThat(row).as("%s pnlExplain row", name).isNotNull();
        if (row == null)
        {
            return;
        }
        checkFigures(soft, row.path("total"), name + " total", trading, edge, tolerance);
    }

    private static void checkFigures(final SoftAssertions soft, final JsonNode figures, final String name,
        final double trading, final double edge, final double tolerance)
    {
        final double gotTrading = figures.path("tradingPnlUsd").asDouble(Double.NaN);
        final double gotEdge = figures.path("edgeUsd").asDouble(Double.NaN);
        final double gotInventory = figures.path("inventoryUsd").asDouble(Double.NaN);
        System.out.printf("%s: trading %.9f (expected %.9f), edge %.9f (%.9f), inventory %.9f (%.9f)%n", name,
            gotTrading, trading, gotEdge, edge, gotInventory, trading - edge);
        soft.assertThat(gotTrading).as("%s tradingPnlUsd", name).isCloseTo(trading, within(tolerance));
        soft.assertThat(gotEdge).as("%s edgeUsd", name).isCloseTo(edge, within(tolerance));
        soft.assertThat(gotInventory).as("%s inventoryUsd = trading − edge", name)
            .isCloseTo(trading - edge, within(tolerance));
    }

    /** edgeCoin: the same edge in coins, each fill's at its fill-time index (the reading for linear contracts). */
    private static void checkEdgeCoin(final SoftAssertions soft, final JsonNode state, final String name,
        final double edgeCoin)
    {
        final JsonNode row = VarBook.explain(state, "BTC");
        if (row == null)
        {
            return;
        }
        final JsonNode coin = row.path("totalCoin");
        System.out.printf("%s: edgeCoin %s (expected %.12f), inventoryCoin %s%n", name, coin.path("edgeCoin"),
            edgeCoin, coin.path("inventoryCoin"));
        soft.assertThat(coin.path("edgeCoin").asDouble(Double.NaN)).as("%s totalCoin.edgeCoin", name)
            .isCloseTo(edgeCoin, within(1e-12));
        soft.assertThat(coin.path("inventoryCoin").isNumber()).as("%s totalCoin.inventoryCoin present", name).isTrue();
    }
}

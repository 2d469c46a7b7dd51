package org.mmrisk.daemon.scenario;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reference itself, before it judges the engine: its normal CDF against values computed to 30 digits, its
 * Black-76 against put-call parity, its Taylor P&L against its full revaluation (the gap shrinks as the cube of the
 * move), and its liquidation search against a closed form.
 */
class ScenarioOracleSelfTest
{
    private static final double[][] NORMAL_CDF = {
        { -8, 6.2209605742717841235e-16 }, { -5, 2.8665157187919391167e-7 }, { -3, 0.0013498980316300945267 },
        { -1.5, 0.066807201268858066004 }, { -0.5, 0.30853753872598689636 }, { 0, 0.5 },
        { 0.7, 0.75803634777692697138 }, { 1.41, 0.92073015854660759697 }, { 2.5, 0.99379033467422386483 },
        { 6, 0.99999999901341235496 } };

    @Test
    void shouldComputeTheNormalCdfToTheLastBits()
    {
        for (final double[] row : NORMAL_CDF)
        {
            assertThat(ScenarioOracle.cdf(row[0])).as("N(%s)", row[0]).isCloseTo(row[1], within(4e-15 * row[1]));
        }
    }

    @Test
    void shouldKeepPutCallParity()
    {
        for (final double strike : new double[] { 50_000, 95_000, 100_000, 180_000 })
        {
            final double call = ScenarioOracle.black(100_000, strike, 0.3, 0.7, true);
            final double put = ScenarioOracle.black(100_000, strike, 0.3, 0.7, false);
            assertThat(call - put).isCloseTo(100_000 - strike, within(1e-9));
        }
    }

    @Test
    void shouldApproachTheFullRevaluationWithTheTaylorPnlAsTheCubeOfTheMove()
    {
        for (final boolean usd : new boolean[] { false, true })
        {
            final double gapAt4 = gap(0.004, usd);
            final double gapAt2 = gap(0.002, usd);
            assertThat(gapAt2).isGreaterThan(0);
            assertThat(gapAt4 / gapAt2).as("third order (USD margin %s): about 8", usd).isBetween(6.0, 10.0);
        }
    }

    /** The gap at the outer SAME point: no vol shock, so the gap is the price's third order alone. */
    private static double gap(final double range, final boolean usd)
    {
        final ScenarioOracle.Params params = new ScenarioOracle.Params();
        params.priceRange = range;
        final ScenarioOracle oracle = new ScenarioOracle(params, usd, legs(), 100_000, 3, 50_000);
        final List<ScenarioOracle.Point> points = oracle.points();
        final ScenarioOracle.Point edge = points.get(points.size() - params.extendedMoves.length - 2);
        assertThat(edge.vol).isEqualTo("SAME");
        assertThat(edge.move).isEqualTo(range);
        return Math.abs(edge.pnl - edge.taylorPnl);
    }

    /**
     * 10 short coin calls at the money, 12 hours less 3 seconds left, vol 3% (σ√T = 0.0011): at m = 0 the Taylor
     * P&L is the vol terms alone, -10 (∂c/∂σ ds + ½ ∂²c/∂σ² ds²) with c = C/F; computed with 40-digit arithmetic
     * (mpmath): -0.0061420359108514564 at UP (σ' = 0.03 (1 + 0.5 x 30^0.3)), 0.0029519897750297968 at DOWN
     * (floor 0.01).
     * The reference agrees to about 1e-8 of these (the premium's own rounding at so small a σ√T), well inside the 1e-7
     * its comparisons allow.
     */
    @Test
    void shouldDifferentiateAShortDatedLowVolOptionAccurately()
    {
        final ScenarioBook.Def call = new ScenarioBook.Def(10, "C", ScenarioBook.Kind.OPTION, "BTC", true, 1,
            ScenarioBook.START.plusSeconds(12 * 3_600), 100_000, true);
        final double years = (12 * 3_600 - 3) / ScenarioOracle.YEAR_SECONDS;
        final ScenarioOracle oracle = new ScenarioOracle(new ScenarioOracle.Params(), false,
            List.of(new ScenarioOracle.Leg(call, -10, 0, 100_000, 0.03, 0, years)), 100_000, 5, 0);
        final List<ScenarioOracle.Point> points = oracle.points();
        assertThat(points.get(12).taylorPnl).isCloseTo(-0.0061420359108514564, within(1e-10));
        assertThat(points.get(14).taylorPnl).isCloseTo(0.0029519897750297968, within(1e-10));
    }

    @Test
    void shouldFindTheOverHedgedCoinBalanceLiquidatedAtEightFifteenthsUp()
    {
        final ScenarioBook.Def perpetual = new ScenarioBook.Def(2, "BTC-PERPETUAL", ScenarioBook.Kind.PERPETUAL,
            "BTC", true, 10, null, 0, false);
        final ScenarioOracle.Leg leg = new ScenarioOracle.Leg(perpetual, -200_000, 100_000, 100_000, 0, 1e-4, 0);
        final ScenarioOracle oracle = new ScenarioOracle(new ScenarioOracle.Params(), false, List.of(leg), 100_000,
            10, 0);
        final ScenarioOracle.Liquidation liquidation = oracle.liquidation();
        assertThat(liquidation.downMove).isNull();
        assertThat(liquidation.upRoot).isCloseTo(8.0 / 15, within(1e-10));
        assertThat(liquidation.upMove - 8.0 / 15).isBetween(0.0, 1e-4);
    }

    private static List<ScenarioOracle.Leg> legs()
    {
        final Instant expiry = ScenarioBook.START.plusSeconds(40 * 86_400);
        final double years = 40 / 365.25;
        final ScenarioBook.Def coinCall = new ScenarioBook.Def(10, "C", ScenarioBook.Kind.OPTION, "BTC", true, 1,
            expiry, 110_000, true);
        final ScenarioBook.Def linearPut = new ScenarioBook.Def(11, "P", ScenarioBook.Kind.OPTION, "BTC", false,
            0.01, expiry, 90_000, false);
        final ScenarioBook.Def linearFuture = new ScenarioBook.Def(12, "F", ScenarioBook.Kind.FUTURE, "BTC", false,
            0.001, expiry, 0, false);
        return List.of(new ScenarioOracle.Leg(coinCall, -5, 0, 100_500, 0.6, 0, years),
            new ScenarioOracle.Leg(linearPut, 300, 0, 100_500, 0.7, 0, years),
            new ScenarioOracle.Leg(linearFuture, -2_000, 98_000, 100_500, 0, 0.001005, years));
    }
}

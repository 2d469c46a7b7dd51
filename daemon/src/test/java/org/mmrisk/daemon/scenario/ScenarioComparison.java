package org.mmrisk.daemon.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;

import java.util.List;

import static org.assertj.core.api.Assertions.within;

/**
 * Compares one underlying's {@code scenarios[]}, {@code margin[]} and {@code liquidationDistance[]} rows of a replay
 * state with {@link ScenarioOracle}, collecting every difference (with both numbers) in soft assertions.
 * <p>
 * Tolerances, and why: a P&L is a difference of full revaluations, so it is compared to 1e-9 of the gross value it
 * is the difference of (the sum of |q·value| at both ends): the engine's own normal CDF and summation order may
 * differ from the oracle's in the last bits, never by more. A Taylor P&L comes from derivatives, the engine's
 * analytic or otherwise, the oracle's by Richardson-extrapolated central differences (error about 1e-10 of each
 * term): 1e-7 of the sum of the terms' magnitudes. Money figures of the margin to 1e-9 of their own scale. A
 * liquidation move within 1e-4 of the root of g (the definition bisects to 1e-4), on its failing side.
 */
final class ScenarioComparison
{
    static final double PNL_TOLERANCE = 1e-9;
    static final double TAYLOR_TOLERANCE = 1e-7;
    static final double LIQUIDATION_TOLERANCE = 1e-4;

    private ScenarioComparison()
    {
    }

    static JsonNode row(final JsonNode state, final String key, final String underlying)
    {
        final JsonNode rows = state.get(key);
        if (rows == null || !rows.isArray())
        {
            return null;
        }
        for (final JsonNode row : rows)
        {
            if (underlying.equals(row.path("underlying").asText()))
            {
                return row;
            }
        }
        return null;
    }

    /** Every point, the worst loss and its point, and the largest Taylor gap and its point. */
    static void checkScenarios(final SoftAssertions soft, final JsonNode state, final String underlying,
        final ScenarioOracle oracle, final String currency)
    {
        final JsonNode row = row(state, "scenarios", underlying);
        soft.assertThat(row).as("scenarios[] row of %s", underlying).isNotNull();
        if (row == null)
        {
            return;
        }
        soft.assertThat(row.path("currency").asText()).as("%s scenarios currency", underlying).isEqualTo(currency);
        final List<ScenarioOracle.Point> expected = oracle.points();
        final JsonNode points = row.path("points");
        soft.assertThat(points.size()).as("%s number of points", underlying).isEqualTo(expected.size());
        double gross = 0;
        for (int j = 0; j < Math.min(points.size(), expected.size()); j++)
        {
            final ScenarioOracle.Point want = expected.get(j);
            final JsonNode got = points.get(j);
            final String at = String.format("%s point %d (move %s, %s)", underlying, j, want.move, want.vol);
            gross = Math.max(gross, want.gross);
            soft.assertThat(got.path("move").asDouble()).as(at + " move").isCloseTo(want.move, within(1e-15));
            soft.assertThat(got.path("vol").asText()).as(at + " vol").isEqualTo(want.vol);
            soft.assertThat(got.path("extended").asBoolean()).as(at + " extended").isEqualTo(want.extended);
            soft.assertThat(got.path("weight").asDouble()).as(at + " weight").isCloseTo(want.weight, within(1e-15));
            final double tolerance = PNL_TOLERANCE * want.gross + 1e-300;
            soft.assertThat(got.path("pnl").asDouble()).as(at + " pnl").isCloseTo(want.pnl, within(tolerance));
            final double usdScale = want.pnlUsd == want.pnl ? 1 : oracle.index() * (1 + want.move);
            soft.assertThat(got.path("pnlUsd").asDouble()).as(at + " pnlUsd")
                .isCloseTo(want.pnlUsd, within(tolerance * usdScale));
            final double taylor = got.path("taylorPnl").asDouble();
            soft.assertThat(taylor)
                .as(at + " taylorPnl (the Taylor series of the value function instead would give %s)",
                    want.taylorPnlOfValues)
                .isCloseTo(want.taylorPnl, within(TAYLOR_TOLERANCE * want.taylorGross + tolerance));
        }
        checkWorst(soft, row, underlying, expected, gross);
        checkTaylorGap(soft, row, underlying, expected);
    }

    private static void checkWorst(final SoftAssertions soft, final JsonNode row, final String underlying,
        final List<ScenarioOracle.Point> expected, final double gross)
    {
        final int worst = ScenarioOracle.worstIndex(expected);
        final ScenarioOracle.Point point = expected.get(worst);
        final double worstLoss = Math.max(0, -point.pnl * point.weight);
        soft.assertThat(row.path("worstLoss").asDouble()).as("%s worstLoss", underlying)
            .isCloseTo(worstLoss, within(PNL_TOLERANCE * gross));
        final double gotMove = row.path("worstMove").asDouble();
        final String gotVol = row.path("worstVol").asText();
        if (gotMove != point.move || !gotVol.equals(point.vol))
        {
            // a tie within rounding may pick another point; it must then attain the same loss and come first
            final int gotIndex = indexOf(expected, gotMove, gotVol);
            soft.assertThat(gotIndex).as("%s worst point (%s, %s) is a grid point", underlying, gotMove, gotVol)
                .isNotNegative();
            if (gotIndex >= 0)
            {
                final ScenarioOracle.Point other = expected.get(gotIndex);
                soft.assertThat(-other.pnl * other.weight)
                    .as("%s worst point: engine (%s, %s), oracle (%s, %s) with loss %s", underlying, gotMove, gotVol,
                        point.move, point.vol, worstLoss)
                    .isCloseTo(-point.pnl * point.weight, within(PNL_TOLERANCE * gross));
            }
        }
    }

    private static void checkTaylorGap(final SoftAssertions soft, final JsonNode row, final String underlying,
        final List<ScenarioOracle.Point> expected)
    {
        final int gapIndex = ScenarioOracle.maxTaylorGapIndex(expected);
        final ScenarioOracle.Point gap = expected.get(gapIndex);
        final double maxGap = Math.abs(gap.pnl - gap.taylorPnl);
        final double tolerance = TAYLOR_TOLERANCE * gap.taylorGross + PNL_TOLERANCE * gap.gross;
        soft.assertThat(row.path("maxTaylorGap").asDouble()).as("%s maxTaylorGap", underlying)
            .isCloseTo(maxGap, within(tolerance));
        final double gotMove = row.path("maxTaylorGapMove").asDouble();
        final String gotVol = row.path("maxTaylorGapVol").asText();
        if (gotMove != gap.move || !gotVol.equals(gap.vol))
        {
            final int gotIndex = indexOf(expected, gotMove, gotVol);
            soft.assertThat(gotIndex).as("%s Taylor gap point (%s, %s) is a regular point", underlying, gotMove,
                gotVol).isNotNegative();
            if (gotIndex >= 0)
            {
                final ScenarioOracle.Point other = expected.get(gotIndex);
                soft.assertThat(Math.abs(other.pnl - other.taylorPnl))
                    .as("%s Taylor gap point: engine (%s, %s), oracle (%s, %s)", underlying, gotMove, gotVol,
                        gap.move, gap.vol)
                    .isCloseTo(maxGap, within(tolerance));
            }
        }
    }

    private static int indexOf(final List<ScenarioOracle.Point> points, final double move, final String vol)
    {
        for (int j = 0; j < points.size(); j++)
        {
            if (Math.abs(points.get(j).move - move) < 1e-12 && points.get(j).vol.equals(vol))
            {
                return j;
            }
        }
        return -1;
    }

    /** The margin row: worst loss, contingency, initial, maintenance, equity, both utilizations. */
    static void checkMargin(final SoftAssertions soft, final JsonNode state, final String underlying,
        final ScenarioOracle oracle, final String currency)
    {
        final JsonNode row = row(state, "margin", underlying);
        soft.assertThat(row).as("margin[] row of %s", underlying).isNotNull();
        if (row == null)
        {
            return;
        }
        soft.assertThat(row.path("currency").asText()).as("%s margin currency", underlying).isEqualTo(currency);
        final double worstLoss = oracle.worstLoss(0);
        final double contingency = oracle.contingency(0);
        final double initial = worstLoss + contingency;
        final double maintenance = oracle.maintenance(0);
        final double equity = oracle.equity();
        final double scale = 1e-9 * (Math.abs(initial) + Math.abs(equity) + grossOf(oracle));
        money(soft, row, "worstLoss", worstLoss, scale, underlying);
        money(soft, row, "contingency", contingency, 1e-12 * Math.abs(contingency) + 1e-300, underlying);
        money(soft, row, "initial", initial, scale, underlying);
        money(soft, row, "maintenance", maintenance, scale, underlying);
        money(soft, row, "equity", equity, scale, underlying);
        if (equity <= 0)
        {
            soft.assertThat(row.path("initialUtilization").isNull()).as("%s initialUtilization null", underlying)
                .isTrue();
            soft.assertThat(row.path("maintenanceUtilization").isNull())
                .as("%s maintenanceUtilization null", underlying).isTrue();
            return;
        }
        final double utilization = initial / equity;
        money(soft, row, "initialUtilization", utilization, 1e-8 * Math.abs(utilization) + scale / equity,
            underlying);
        money(soft, row, "maintenanceUtilization", maintenance / equity,
            1e-8 * Math.abs(maintenance / equity) + scale / equity, underlying);
    }

    private static double grossOf(final ScenarioOracle oracle)
    {
        double gross = 0;
        for (final ScenarioOracle.Point point : oracle.points())
        {
            gross = Math.max(gross, point.gross);
        }
        return gross;
    }

    private static void money(final SoftAssertions soft, final JsonNode row, final String key, final double want,
        final double tolerance, final String underlying)
    {
        soft.assertThat(row.path(key).isNumber()).as("%s margin %s is a number (%s)", underlying, key, row.path(key))
            .isTrue();
        soft.assertThat(row.path(key).asDouble()).as("%s margin %s", underlying, key)
            .isCloseTo(want, within(tolerance));
    }

    /** The liquidation row: each side null exactly when no step fails, else within 1e-4 of g's root. */
    static ScenarioOracle.Liquidation checkLiquidation(final SoftAssertions soft, final JsonNode state,
        final String underlying, final ScenarioOracle oracle)
    {
        final ScenarioOracle.Liquidation want = oracle.liquidation();
        final JsonNode row = row(state, "liquidationDistance", underlying);
        soft.assertThat(row).as("liquidationDistance[] row of %s", underlying).isNotNull();
        if (row == null)
        {
            return want;
        }
        side(soft, row, "downMove", "downIndex", want.downMove, want.downRoot, oracle, underlying);
        side(soft, row, "upMove", "upIndex", want.upMove, want.upRoot, oracle, underlying);
        return want;
    }

    private static void side(final SoftAssertions soft, final JsonNode row, final String moveKey,
        final String indexKey, final Double move, final Double root, final ScenarioOracle oracle,
        final String underlying)
    {
        final JsonNode got = row.path(moveKey);
        if (move == null)
        {
            soft.assertThat(got.isNull() || got.isMissingNode()).as("%s %s null (no step fails), engine %s",
                underlying, moveKey, got).isTrue();
            soft.assertThat(row.path(indexKey).isNull() || row.path(indexKey).isMissingNode())
                .as("%s %s null", underlying, indexKey).isTrue();
            return;
        }
        soft.assertThat(got.isNumber()).as("%s %s a number (oracle %s), engine %s", underlying, moveKey, move, got)
            .isTrue();
        if (!got.isNumber())
        {
            return;
        }
        final double actual = got.asDouble();
        soft.assertThat(actual).as("%s %s (oracle's bisection %s, root of g %s)", underlying, moveKey, move, root)
            .isCloseTo(root, within(LIQUIDATION_TOLERANCE));
        if (root != 0)
        {
            soft.assertThat((actual - root) * Math.signum(root)).as("%s %s on the failing side of the root %s",
                underlying, moveKey, root).isGreaterThanOrEqualTo(-1e-9);
        }
        soft.assertThat(row.path(indexKey).asDouble()).as("%s %s = S(1 + %s)", underlying, indexKey, moveKey)
            .isCloseTo(oracle.index() * (1 + actual), within(1e-9 * oracle.index()));
    }
}

package org.mmrisk.daemon.metrics;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.RiskSnapshot;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The limits a reader of the outputs knows: the configuration's, changed by the applied limit commands it reads, and
 * the utilizations worked out from a snapshot, checked against hand-worked numbers.
 */
class UnderlyingLimitsTest
{
    private static final long BTC = AsciiCode.pack("BTC");
    private static final long ETH = AsciiCode.pack("ETH");

    @Test
    void shouldWorkOutUtilizationsFromTheConfiguredLimits()
    {
        final UnderlyingLimits limits = new UnderlyingLimits(new EngineConfig().limit(BTC, LimitKind.DELTA, 40)
            .limit(BTC, LimitKind.VEGA, 2000).limit(BTC, LimitKind.MARGIN_UTILIZATION, 0.8)
            .limit(BTC, LimitKind.LIQUIDATION_PROXIMITY, 0.05));

        final var u = limits.utilizations(snapshot(BTC, -10, 500, 0.4, -0.25, 0.1));

        assertThat(u.get(LimitKind.DELTA)).isCloseTo(0.25, within(1e-15));
        assertThat(u.get(LimitKind.VEGA)).isCloseTo(0.25, within(1e-15));
        assertThat(u.get(LimitKind.MARGIN_UTILIZATION)).isCloseTo(0.5, within(1e-15));
        // the nearer liquidation is 10% up: 0.05 / 0.10
        assertThat(u.get(LimitKind.LIQUIDATION_PROXIMITY)).isCloseTo(0.5, within(1e-15));
        assertThat(limits.utilizations(snapshot(ETH, 1, 1, 0.4, -0.25, 0.1))).isEmpty();
    }

    @Test
    void shouldReadTheVarLimitsFromTheSnapshotsVar()
    {
        final UnderlyingLimits limits = new UnderlyingLimits(new EngineConfig().limit(BTC, LimitKind.VAR, 40_000)
            .limit(BTC, LimitKind.LIQUIDITY_VAR, 50_000));
        final RiskSnapshot s = snapshot(BTC, 0, 0, Double.NaN, Double.NaN, Double.NaN);
        s.deltaGammaVarUsd = 30_000;
        s.liquidityAdjustedVarUsd = 32_500;

        final var u = limits.utilizations(s);

        assertThat(u.get(LimitKind.VAR)).isCloseTo(0.75, within(1e-15));
        assertThat(u.get(LimitKind.LIQUIDITY_VAR)).isCloseTo(0.65, within(1e-15));
        s.liquidityAdjustedVarUsd = Double.NaN;
        assertThat(limits.utilizations(s)).containsOnlyKeys(LimitKind.VAR);
    }

    @Test
    void shouldSayNoLiquidationInRangeIsZeroProximityAndUnknownMarginIsAbsent()
    {
        final UnderlyingLimits limits = new UnderlyingLimits(new EngineConfig()
            .limit(BTC, LimitKind.LIQUIDATION_PROXIMITY, 0.05).limit(BTC, LimitKind.MARGIN_UTILIZATION, 0.8));

        assertThat(limits.utilizations(snapshot(BTC, 0, 0, 0.3, Double.NaN, Double.NaN)))
            .containsEntry(LimitKind.LIQUIDATION_PROXIMITY, 0.0);
        assertThat(limits.utilizations(snapshot(BTC, 0, 0, Double.NaN, Double.NaN, Double.NaN))).isEmpty();
    }

    @Test
    void shouldFollowAppliedSetAndClearLimitCommandsAndIgnoreRejectedOnes()
    {
        final UnderlyingLimits limits = new UnderlyingLimits(new EngineConfig().limit(BTC, LimitKind.DELTA, 40));
        final RiskSnapshot btc = snapshot(BTC, 10, 0, Double.NaN, Double.NaN, Double.NaN);
        final RiskSnapshot eth = snapshot(ETH, 10, 0, Double.NaN, Double.NaN, Double.NaN);
        assertThat(limits.utilizations(eth)).isEmpty();

        limits.onAlert(command(AlertCode.CONTROL_APPLIED, ControlCommand.SET_LIMIT, BTC, "delta", 20));
        assertThat(limits.utilizations(btc).get(LimitKind.DELTA)).isCloseTo(0.5, within(1e-15));

        limits.onAlert(command(AlertCode.CONTROL_REJECTED, ControlCommand.SET_LIMIT, BTC, "delta", 5));
        assertThat(limits.utilizations(btc).get(LimitKind.DELTA)).isCloseTo(0.5, within(1e-15));

        // an underlying-less command sets every underlying known so far, as the engine applies it
        limits.onAlert(command(AlertCode.CONTROL_APPLIED, ControlCommand.SET_LIMIT, AsciiCode.NONE, "delta", 100));
        assertThat(limits.utilizations(btc).get(LimitKind.DELTA)).isCloseTo(0.1, within(1e-15));
        assertThat(limits.utilizations(eth).get(LimitKind.DELTA)).isCloseTo(0.1, within(1e-15));

        limits.onAlert(command(AlertCode.CONTROL_APPLIED, ControlCommand.CLEAR_LIMIT, BTC, "delta", 0));
        assertThat(limits.utilizations(btc)).isEmpty();
        assertThat(limits.utilizations(eth)).containsKey(LimitKind.DELTA);
    }

    private static RiskSnapshot snapshot(final long underlying, final double delta, final double vega,
        final double maintenanceUtilization, final double downMove, final double upMove)
    {
        final RiskSnapshot s = new RiskSnapshot();
        s.underlying = underlying;
        s.delta = delta;
        s.vega = vega;
        s.maintenanceUtilization = maintenanceUtilization;
        s.liquidationDownMove = downMove;
        s.liquidationUpMove = upMove;
        return s;
    }

    private static Alert command(final AlertCode code, final ControlCommand command, final long underlying,
        final String limit, final double value)
    {
        final byte[] name = limit.getBytes(StandardCharsets.US_ASCII);
        return new Alert().set(0, code, underlying, 0, value, Double.NaN, null)
            .command(command, name, name.length, 1, RiskEvent.NO_SOURCE, Alert.NO_REASON);
    }
}

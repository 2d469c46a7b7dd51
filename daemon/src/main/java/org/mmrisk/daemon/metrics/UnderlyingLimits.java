package org.mmrisk.daemon.metrics;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.RiskSnapshot;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The limits each underlying runs under, as a reader of the outputs can know them: the configuration's, changed by
 * every applied {@code set-limit} or {@code clear-limit} answer on the output queue (as the engine's control applier
 * does: an underlying-less command changes every underlying known so far; a cleared limit is none). And the
 * utilizations (measure ÷ limit) that a risk snapshot lets one work out exactly, as the quoting guard measures them:
 * <ul>
 *   <li>{@code delta}: |delta| in coins ÷ the limit;</li>
 *   <li>{@code vega}: |vega| in USD per vol point ÷ the limit;</li>
 *   <li>{@code marginUtilization}: the maintenance-margin utilization ÷ the limit (absent while unknown);</li>
 *   <li>{@code liquidationProximity}: the limit ÷ the nearer liquidation move's |size|, 0 when a known margin
 *   has none in range; absent while the margin is unknown;</li>
 *   <li>{@code var} and {@code liquidityAdjustedVar}: the snapshot's delta-gamma and liquidity-adjusted VaR (USD) ÷
 *   the limit, as the ladder reads them; absent while unknown.</li>
 * </ul>
 * The other limits need what a snapshot does not carry (dollar gamma, gross notional, the largest position, the
 * day's peak P&amp;L, per-expiry vega) and are left out rather than guessed. Owned by the reader's thread.
 */
final class UnderlyingLimits
{
    /** The limits whose utilization a snapshot gives. */
    static final LimitKind[] READABLE = {
        LimitKind.DELTA, LimitKind.VEGA, LimitKind.MARGIN_UTILIZATION, LimitKind.LIQUIDATION_PROXIMITY,
        LimitKind.VAR, LimitKind.LIQUIDITY_VAR };

    private final EngineConfig config;
    private final Map<Long, double[]> limits = new HashMap<>();

    UnderlyingLimits(final EngineConfig config)
    {
        this.config = config;
    }

    /**
     * Follows an applied limit command; other alerts are ignored.
     */
    void onAlert(final Alert alert)
    {
        if (alert.code != AlertCode.CONTROL_APPLIED ||
            alert.command != ControlCommand.SET_LIMIT && alert.command != ControlCommand.CLEAR_LIMIT)
        {
            return;
        }
        final LimitKind kind = LimitKind.fromKey(alert.limitName, alert.limitNameLength);
        if (kind == null)
        {
            return; // a portfolio-wide limit: not an underlying's
        }
        final double value = alert.command == ControlCommand.CLEAR_LIMIT ? Double.NaN : alert.value;
        if (alert.underlying != AsciiCode.NONE)
        {
            limitsOf(alert.underlying)[kind.ordinal()] = value;
            return;
        }
        limits.values().forEach(own -> own[kind.ordinal()] = value);
    }

    /**
     * @return the utilizations of the limits that are set, by kind; a new map.
     */
    Map<LimitKind, Double> utilizations(final RiskSnapshot s)
    {
        final double[] own = limitsOf(s.underlying);
        final Map<LimitKind, Double> result = new EnumMap<>(LimitKind.class);
        put(result, LimitKind.DELTA, Math.abs(s.delta), own);
        put(result, LimitKind.VEGA, Math.abs(s.vega), own);
        put(result, LimitKind.MARGIN_UTILIZATION, s.maintenanceUtilization, own);
        put(result, LimitKind.VAR, s.deltaGammaVarUsd, own);
        put(result, LimitKind.LIQUIDITY_VAR, s.liquidityAdjustedVarUsd, own);
        final double limit = own[LimitKind.LIQUIDATION_PROXIMITY.ordinal()];
        if (!Double.isNaN(limit))
        {
            final double nearest = Math.min(abs(s.liquidationDownMove), abs(s.liquidationUpMove));
            if (nearest < Double.POSITIVE_INFINITY)
            {
                result.put(LimitKind.LIQUIDATION_PROXIMITY, limit / nearest);
            }
            else if (!Double.isNaN(s.maintenanceUtilization))
            {
                result.put(LimitKind.LIQUIDATION_PROXIMITY, 0.0);
            }
        }
        return result;
    }

    /** @return |x|, or +infinity for NaN (no move in range). */
    private static double abs(final double x)
    {
        return Double.isNaN(x) ? Double.POSITIVE_INFINITY : Math.abs(x);
    }

    private static void put(final Map<LimitKind, Double> result, final LimitKind kind, final double measure,
        final double[] own)
    {
        final double limit = own[kind.ordinal()];
        if (!Double.isNaN(limit) && !Double.isNaN(measure))
        {
            result.put(kind, measure / limit);
        }
    }

    private double[] limitsOf(final long underlying)
    {
        return limits.computeIfAbsent(underlying, config::limitsOf);
    }
}

package org.mmrisk.core.quoting;

import org.mmrisk.core.state.StateIo;
import org.mmrisk.core.time.YearFraction;

/**
 * The highest P&L since the start of the trading day, for a trailing loss limit: the day starts at a configured
 * time of day (UTC), and the peak restarts at the P&L of the first update of each day. Owned by the engine thread.
 */
final class DayPeak
{
    private double peakPnlUsd = Double.NaN;
    private long tradingDay = Long.MIN_VALUE;

    /**
     * @param dayStartOffsetNs the start of the trading day, after midnight UTC.
     */
    void update(final double pnlUsd, final long nowNs, final long dayStartOffsetNs)
    {
        final long day = Math.floorDiv(nowNs - dayStartOffsetNs, YearFraction.NANOS_PER_DAY);
        if (day != tradingDay || Double.isNaN(peakPnlUsd) || pnlUsd > peakPnlUsd)
        {
            tradingDay = day;
            peakPnlUsd = pnlUsd;
        }
    }

    /**
     * @return how far {@code pnlUsd} is below the day's peak, USD (0 at or above it, and before the first update).
     */
    double lossFromPeakUsd(final double pnlUsd)
    {
        return Double.isNaN(peakPnlUsd) ? 0 : Math.max(0, peakPnlUsd - pnlUsd);
    }

    void exchangeState(final StateIo io)
    {
        peakPnlUsd = io.f64(peakPnlUsd);
        tradingDay = io.i64(tradingDay);
    }
}

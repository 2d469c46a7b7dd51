package org.mmrisk.daemon.dashboard;

import org.mmrisk.core.pricing.Black76;
import org.mmrisk.core.pricing.OptionGreeks;
import org.mmrisk.core.time.YearFraction;

/**
 * The dashboard's own vega and gamma of ONE option contract, for the expiry × strike heatmaps: Black-76 at the
 * venue's mark IV of the option's newest tick, on that tick's forward ({@code underlyingPrice}, else the index), at
 * the time to expiry from the engine time of the newest risk snapshot (ACT/365.25, never the wall clock). Units
 * are the engine's per-contract ones (docs/replay-format.md {@code instruments[]}): vega in USD per vol point, gamma
 * ∂delta/∂S per USD of the index, with the forward held as a basis b = F/S to the index:
 * <pre>
 *   linear:         vega = size·ν            gamma = size·b²·Γ_F
 *   coin-settled:   vega = size·ν/b          gamma = size·b·Γ_F      (USD value C(F)/b)
 * </pre>
 * The engine prices with its fitted smile and smile-consistent Greeks, which it does not publish per instrument;
 * a flat mark IV has no smile slope, so these cells can differ slightly from the engine's aggregate.
 * <p>
 * Threads: a new one per page request (it holds a scratch {@link OptionGreeks}); not shared.
 */
final class StrikeGreeks
{
    private final OptionGreeks greeks = new OptionGreeks();
    private final double timeFloorYears;
    private final long nowNs;
    private final double indexUsd;
    private double vegaUsd;
    private double gammaPerUsd;

    /**
     * @param timeFloorYears the engine's option time floor: a nearer expiry is priced as if this much time remained
     * @param nowNs          the engine time of the newest risk snapshot
     * @param indexUsd       that snapshot's index, USD per coin
     */
    StrikeGreeks(final double timeFloorYears, final long nowNs, final double indexUsd)
    {
        this.timeFloorYears = timeFloorYears;
        this.nowNs = nowNs;
        this.indexUsd = indexUsd;
    }

    /**
     * Prices one contract; {@link #vegaUsd()} and {@link #gammaPerUsd()} read the result.
     *
     * @return false when the option has no mark IV yet or no forward is known (then it is left out of the cells).
     */
    boolean price(final Option option)
    {
        final double forward = option.forwardUsd > 0 ? option.forwardUsd : indexUsd;
        if (!(option.markIv > 0) || !(forward > 0) || !(indexUsd > 0))
        {
            return false;
        }
        final double years = YearFraction.years(nowNs, option.expiryNs);
        final double pricingYears = years > 0 ? Math.max(years, timeFloorYears) : 0;
        Black76.greeks(option.isCall, forward, option.strike, pricingYears, option.markIv, 0.0, greeks);
        final double basis = forward / indexUsd;
        // a coin-settled option's USD value is S·C(F)/F = C(F)/b
        final double usdPerForwardUnit = option.inverse ? 1.0 / basis : 1.0;
        vegaUsd = option.contractSize * greeks.vega * usdPerForwardUnit;
        gammaPerUsd = option.contractSize * basis * basis * usdPerForwardUnit * greeks.gamma;
        return true;
    }

    /** @return vega per contract of the last {@link #price}, USD per vol point. */
    double vegaUsd()
    {
        return vegaUsd;
    }

    /** @return gamma per contract of the last {@link #price}, ∂delta/∂S per USD of the index. */
    double gammaPerUsd()
    {
        return gammaPerUsd;
    }

    /**
     * An option's terms from its definition and its newest tick's mark IV and forward (NaN until ticked). Owned by
     * {@link InstrumentTerms}, read and written under its lock.
     */
    static final class Option
    {
        final long expiryNs;
        final double strike;
        final boolean isCall;
        final double contractSize;
        final boolean inverse;
        double markIv = Double.NaN;
        double forwardUsd = Double.NaN;

        Option(final long expiryNs, final double strike, final boolean isCall, final double contractSize,
            final boolean inverse)
        {
            this.expiryNs = expiryNs;
            this.strike = strike;
            this.isCall = isCall;
            this.contractSize = contractSize;
            this.inverse = inverse;
        }
    }
}

package org.mmrisk.core.exposure;

import org.mmrisk.core.state.StateIo;

/**
 * P&L explain of one underlying's book in one numeraire, accumulated path-wise at every batch end: each step's index
 * move dS and elapsed days dτ are explained by the Greeks published before the step, each instrument's vol change dσ
 * (vol points) when it is re-anchored by its own vega and volga:
 * <pre>
 *   delta  Δ·dS         gamma  ½Γ·dS²        theta  Θ·dτ
 *   vega   q·ν·dσ       vannaVolga  ½q·volga·dσ² + q·vanna·dS·dσ (the cross term of a step)
 * </pre>
 * The actual P&L is the change of the book's model value with trades taken out (a fill adds its contracts'
 * value, which is inventory, not P&L); unexplained = actual − the sum of the explained terms. Totals run from the
 * first valuation; {@link #markInterval} marks the start of the interval reported with each snapshot.
 * <p>
 * Units are those of the numeraire the caller keeps it in: the same expansion explains the book's value in USD, V,
 * with the USD Greeks, and its value in coins of the underlying, V/S, with the Greeks of V/S (see
 * {@code ExplainTotals}); dS is always in USD of index. Owned by the engine thread.
 */
public final class PnlExplain
{
    private double delta;
    private double gamma;
    private double vega;
    private double theta;
    private double vannaVolga;
    private double tradesValue;
    private double startValue = Double.NaN;
    private long startNs = Long.MIN_VALUE;

    /**
     * @param delta        the book's ∂V/∂S before the step, numeraire per USD of index.
     * @param gamma        its ∂²V/∂S², numeraire per USD².
     * @param theta        its ∂V/∂t at a fixed index, numeraire per calendar day.
     * @param indexMoveUsd the step's index move dS.
     * @param days         the step's elapsed calendar days dτ.
     */
    public void onMarketStep(final double delta, final double gamma, final double theta, final double indexMoveUsd,
        final double days)
    {
        this.delta += delta * indexMoveUsd;
        this.gamma += 0.5 * gamma * indexMoveUsd * indexMoveUsd;
        this.theta += theta * days;
    }

    /**
     * @param vega         the instrument's vega per contract before the change, numeraire per vol point.
     * @param volga        its volga per contract, numeraire per vol point².
     * @param vanna        its vanna per contract, numeraire per vol point per USD of index.
     * @param volPoints    the implied vol change, in vol points.
     * @param indexMoveUsd the index move of the same step, crossed with the vol change.
     */
    public void onVolChange(final double quantity, final double vega, final double volga, final double vanna,
        final double volPoints, final double indexMoveUsd)
    {
        this.vega += quantity * vega * volPoints;
        vannaVolga += quantity * (0.5 * volga * volPoints + vanna * indexMoveUsd) * volPoints;
    }

    /**
     * Marks the start of a reporting interval: a copy of the totals, with the book's value now.
     */
    public void markInterval(final PnlExplain total, final double valueNow, final long nowNs)
    {
        copyFrom(total);
        startValue = valueNow;
        startNs = nowNs;
    }

    /**
     * @param valueChange the value a trade brought into the book: inventory, not P&L.
     */
    public void onTrade(final double valueChange)
    {
        tradesValue += valueChange;
    }

    /**
     * Starts the totals at the book's current model value (first valuation of the underlying).
     */
    public void start(final double value, final long nowNs)
    {
        startValue = value;
        startNs = nowNs;
    }

    public boolean isStarted()
    {
        return startNs != Long.MIN_VALUE;
    }

    /**
     * @return the change of model value since the start, net of trades.
     */
    public double actual(final double valueNow)
    {
        return isStarted() ? valueNow - startValue - tradesValue : 0;
    }

    public double explained()
    {
        return delta + gamma + vega + theta + vannaVolga;
    }

    /**
     * @return actual − explained: by construction, what the terms leave of the actual P&L.
     */
    public double unexplained(final double valueNow)
    {
        return actual(valueNow) - explained();
    }

    public double delta()
    {
        return delta;
    }

    public double gamma()
    {
        return gamma;
    }

    public double vega()
    {
        return vega;
    }

    public double theta()
    {
        return theta;
    }

    public double vannaVolga()
    {
        return vannaVolga;
    }

    /**
     * @return the book's value when the totals (or the interval) started.
     */
    public double startValue()
    {
        return startValue;
    }

    public long startNs()
    {
        return startNs;
    }

    /**
     * Makes this the difference {@code total − atStart}: the explain of the interval since {@code atStart} was
     * copied from the totals.
     */
    public void difference(final PnlExplain total, final PnlExplain atStart)
    {
        delta = total.delta - atStart.delta;
        gamma = total.gamma - atStart.gamma;
        vega = total.vega - atStart.vega;
        theta = total.theta - atStart.theta;
        vannaVolga = total.vannaVolga - atStart.vannaVolga;
        tradesValue = total.tradesValue - atStart.tradesValue;
        startValue = atStart.startValue;
        startNs = atStart.startNs;
    }

    void copyFrom(final PnlExplain other)
    {
        delta = other.delta;
        gamma = other.gamma;
        vega = other.vega;
        theta = other.theta;
        vannaVolga = other.vannaVolga;
        tradesValue = other.tradesValue;
        startValue = other.startValue;
        startNs = other.startNs;
    }

    public void exchangeState(final StateIo io)
    {
        delta = io.f64(delta);
        gamma = io.f64(gamma);
        vega = io.f64(vega);
        theta = io.f64(theta);
        vannaVolga = io.f64(vannaVolga);
        tradesValue = io.f64(tradesValue);
        startValue = io.f64(startValue);
        startNs = io.i64(startNs);
    }
}

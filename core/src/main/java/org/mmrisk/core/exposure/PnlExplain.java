package org.mmrisk.core.exposure;

import org.mmrisk.core.state.StateIo;

/**
 * P&L explain of one underlying's book, accumulated path-wise at every batch end: each step's index move dS and
 * elapsed days dτ are explained by the Greeks published before the step, each instrument's vol change dσ (vol
 * points) when it is re-anchored by its own vega and volga:
 * <pre>
 *   delta  Δ·dS         gamma  ½Γ·dS²        theta  Θ·dτ
 *   vega   q·ν·dσ       vannaVolga  ½q·volga·dσ² + vanna·dS·dσ (the cross term of a step)
 * </pre>
 * The actual P&L is the change of the book's model value with trades taken out (a fill adds its contracts'
 * value, which is inventory, not P&L); unexplained = actual − the sum of the explained terms. Totals run from the
 * first valuation; {@link #startInterval} marks the start of the interval reported with each snapshot.
 * Owned by the engine thread.
 */
public final class PnlExplain
{
    double deltaUsd;
    double gammaUsd;
    double vegaUsd;
    double thetaUsd;
    double vannaVolgaUsd;
    double tradesValueUsd;
    public double startValueUsd = Double.NaN;
    long startNs = Long.MIN_VALUE;

    public void onMarketStep(final double delta, final double gamma, final double theta, final double indexMoveUsd,
        final double days)
    {
        deltaUsd += delta * indexMoveUsd;
        gammaUsd += 0.5 * gamma * indexMoveUsd * indexMoveUsd;
        thetaUsd += theta * days;
    }

    /**
     * @param vegaUsd   the instrument's vega per contract before the change, USD per vol point.
     * @param volgaUsd  its volga per contract, USD per vol point².
     * @param vannaUsd  its vanna per contract, USD per vol point per USD of index.
     * @param volPoints the implied vol change, in vol points.
     */
    public void onVolChange(final double quantity, final double vegaUsd, final double volgaUsd, final double vannaUsd,
        final double volPoints, final double indexMoveUsd)
    {
        this.vegaUsd += quantity * vegaUsd * volPoints;
        vannaVolgaUsd += quantity * (0.5 * volgaUsd * volPoints + vannaUsd * indexMoveUsd) * volPoints;
    }

    /**
     * Marks the start of a reporting interval: a copy of the totals, with the book's value now.
     */
    public void markInterval(final PnlExplain total, final double valueNowUsd, final long nowNs)
    {
        copyFrom(total);
        startValueUsd = valueNowUsd;
        startNs = nowNs;
    }

    public void onTrade(final double valueChangeUsd)
    {
        tradesValueUsd += valueChangeUsd;
    }

    /**
     * Starts the totals at the book's current model value (first valuation of the underlying).
     */
    public void start(final double valueUsd, final long nowNs)
    {
        startValueUsd = valueUsd;
        startNs = nowNs;
    }

    public boolean isStarted()
    {
        return startNs != Long.MIN_VALUE;
    }

    /**
     * @return the change of model value since the start, net of trades, in USD.
     */
    public double actualUsd(final double valueNowUsd)
    {
        return isStarted() ? valueNowUsd - startValueUsd - tradesValueUsd : 0;
    }

    public double explainedUsd()
    {
        return deltaUsd + gammaUsd + vegaUsd + thetaUsd + vannaVolgaUsd;
    }

    public double deltaUsd()
    {
        return deltaUsd;
    }

    public double gammaUsd()
    {
        return gammaUsd;
    }

    public double vegaUsd()
    {
        return vegaUsd;
    }

    public double thetaUsd()
    {
        return thetaUsd;
    }

    public double vannaVolgaUsd()
    {
        return vannaVolgaUsd;
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
        deltaUsd = total.deltaUsd - atStart.deltaUsd;
        gammaUsd = total.gammaUsd - atStart.gammaUsd;
        vegaUsd = total.vegaUsd - atStart.vegaUsd;
        thetaUsd = total.thetaUsd - atStart.thetaUsd;
        vannaVolgaUsd = total.vannaVolgaUsd - atStart.vannaVolgaUsd;
        tradesValueUsd = total.tradesValueUsd - atStart.tradesValueUsd;
        startValueUsd = atStart.startValueUsd;
        startNs = atStart.startNs;
    }

    void copyFrom(final PnlExplain other)
    {
        deltaUsd = other.deltaUsd;
        gammaUsd = other.gammaUsd;
        vegaUsd = other.vegaUsd;
        thetaUsd = other.thetaUsd;
        vannaVolgaUsd = other.vannaVolgaUsd;
        tradesValueUsd = other.tradesValueUsd;
        startValueUsd = other.startValueUsd;
        startNs = other.startNs;
    }

    public void exchangeState(final StateIo io)
    {
        deltaUsd = io.f64(deltaUsd);
        gammaUsd = io.f64(gammaUsd);
        vegaUsd = io.f64(vegaUsd);
        thetaUsd = io.f64(thetaUsd);
        vannaVolgaUsd = io.f64(vannaVolgaUsd);
        tradesValueUsd = io.f64(tradesValueUsd);
        startValueUsd = io.f64(startValueUsd);
        startNs = io.i64(startNs);
    }
}

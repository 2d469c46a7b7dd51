package org.mmrisk.core.exposure;

import org.mmrisk.core.state.StateIo;
import org.mmrisk.core.time.YearFraction;

/**
 * The position-weighted exposure of one underlying as a polynomial in the index move, so that an index tick
 * updates every aggregate in O(1) and a fill or a re-anchored instrument changes it in O(1).
 * <p>
 * Each contributing instrument i was revalued exactly at its anchor (index S_i, time t_i). Between anchors its
 * Greeks follow their Taylor expansion in d = S − S_i and τ = days since t_i:
 * <pre>
 *   delta  = δ + Γ·d + ½·speed·d² + charm·τ       gamma = Γ + speed·d
 *   vega   = ν + vanna·d                           theta = Θ + charm·d
 *   vanna, volga constant
 *   value  = V + δ·d + ½Γ·d² + ⅙·speed·d³ + Θ·τ + charm·d·τ
 * </pre>
 * Re-centred on the underlying's reference (S_ref, t_ref), x = S − S_ref and y = days since t_ref, every expansion
 * is a polynomial in x and y, and the sums of their coefficients, weighted by position, are held here:
 * adding or removing one instrument is a fixed number of multiply-adds, and evaluating the aggregates is one
 * polynomial each. Owned by the engine thread; allocation-free.
 */
public final class TaylorExposure
{
    private double refIndexUsd;
    private long refTimeNs;
    private double delta0;
    private double delta1;
    private double delta2;
    private double deltaTime;
    private double gamma0;
    private double gamma1;
    private double vega0;
    private double vega1;
    private double theta0;
    private double theta1;
    private double vanna;
    private double volga;
    private double grossDelta;
    private double value0;
    private double value1;
    private double value2;
    private double value3;
    private double valueTime;
    private double valueCross;

    public void reset(final double refIndexUsd, final long refTimeNs)
    {
        this.refIndexUsd = refIndexUsd;
        this.refTimeNs = refTimeNs;
        delta0 = delta1 = delta2 = deltaTime = 0;
        gamma0 = gamma1 = vega0 = vega1 = theta0 = theta1 = 0;
        vanna = volga = grossDelta = 0;
        value0 = value1 = value2 = value3 = valueTime = valueCross = 0;
    }

    /**
     * Adds a position of {@code quantity} contracts (signed) with the anchored risk {@code r}.
     */
    public void add(final double quantity, final ContractRisk r)
    {
        accumulate(quantity, r);
        grossDelta += Math.abs(quantity * r.delta);
    }

    /**
     * Removes what {@link #add} added for the same quantity and the same, unchanged, anchored risk.
     */
    public void remove(final double quantity, final ContractRisk r)
    {
        accumulate(-quantity, r);
        grossDelta -= Math.abs(quantity * r.delta);
    }

    private void accumulate(final double quantity, final ContractRisk r)
    {
        final double u = refIndexUsd - r.anchorIndexUsd;
        final double w = YearFraction.days(r.anchorTimeNs, refTimeNs);
        final double gammaAtRef = r.gamma + r.speed * u;
        delta0 += quantity * (r.delta + (r.gamma + 0.5 * r.speed * u) * u + r.charm * w);
        delta1 += quantity * gammaAtRef;
        delta2 += quantity * 0.5 * r.speed;
        deltaTime += quantity * r.charm;
        gamma0 += quantity * gammaAtRef;
        gamma1 += quantity * r.speed;
        vega0 += quantity * (r.vega + r.vanna * u);
        vega1 += quantity * r.vanna;
        theta0 += quantity * (r.theta + r.charm * u);
        theta1 += quantity * r.charm;
        vanna += quantity * r.vanna;
        volga += quantity * r.volga;
        value0 += quantity * (r.valueUsd + (r.delta + (0.5 * r.gamma + r.speed * u / 6) * u) * u +
            (r.theta + r.charm * u) * w);
        value1 += quantity * (r.delta + (r.gamma + 0.5 * r.speed * u) * u + r.charm * w);
        value2 += quantity * 0.5 * (r.gamma + r.speed * u);
        value3 += quantity * r.speed / 6;
        valueTime += quantity * (r.theta + r.charm * u);
        valueCross += quantity * r.charm;
    }

    /**
     * @return the Taylor delta of ONE contract of {@code r} at (indexUsd, nowNs), in coins.
     */
    public static double contractDelta(final ContractRisk r, final double indexUsd, final long nowNs)
    {
        final double d = indexUsd - r.anchorIndexUsd;
        return r.delta + (r.gamma + 0.5 * r.speed * d) * d + r.charm * YearFraction.days(r.anchorTimeNs, nowNs);
    }

    public double delta(final double indexUsd, final long nowNs)
    {
        final double x = indexUsd - refIndexUsd;
        return delta0 + (delta1 + delta2 * x) * x + deltaTime * YearFraction.days(refTimeNs, nowNs);
    }

    /**
     * @return the Taylor value of the positions in USD.
     */
    public double valueUsd(final double indexUsd, final long nowNs)
    {
        final double x = indexUsd - refIndexUsd;
        final double y = YearFraction.days(refTimeNs, nowNs);
        return value0 + (value1 + (value2 + value3 * x) * x) * x + (valueTime + valueCross * x) * y;
    }

    public double gamma(final double indexUsd)
    {
        return gamma0 + gamma1 * (indexUsd - refIndexUsd);
    }

    public double vega(final double indexUsd)
    {
        return vega0 + vega1 * (indexUsd - refIndexUsd);
    }

    public double theta(final double indexUsd)
    {
        return theta0 + theta1 * (indexUsd - refIndexUsd);
    }

    public double vanna()
    {
        return vanna;
    }

    public double volga()
    {
        return volga;
    }

    /**
     * @return Σ|q·δ| at the anchors, in coins: the scale the approximation error is measured against.
     */
    public double grossDelta()
    {
        return grossDelta;
    }

    double refIndexUsd()
    {
        return refIndexUsd;
    }

    long refTimeNs()
    {
        return refTimeNs;
    }

    /**
     * Saves or restores the sums exactly as accumulated (recomputing them would round differently).
     */
    public void exchangeState(final StateIo io)
    {
        refIndexUsd = io.f64(refIndexUsd);
        refTimeNs = io.i64(refTimeNs);
        delta0 = io.f64(delta0);
        delta1 = io.f64(delta1);
        delta2 = io.f64(delta2);
        deltaTime = io.f64(deltaTime);
        gamma0 = io.f64(gamma0);
        gamma1 = io.f64(gamma1);
        vega0 = io.f64(vega0);
        vega1 = io.f64(vega1);
        theta0 = io.f64(theta0);
        theta1 = io.f64(theta1);
        vanna = io.f64(vanna);
        volga = io.f64(volga);
        grossDelta = io.f64(grossDelta);
        value0 = io.f64(value0);
        value1 = io.f64(value1);
        value2 = io.f64(value2);
        value3 = io.f64(value3);
        valueTime = io.f64(valueTime);
        valueCross = io.f64(valueCross);
    }
}

package org.mmrisk.core.exposure;

import org.mmrisk.core.state.StateIo;

/**
 * The value and sensitivities of ONE contract of an instrument, USD view, as of its last revaluation.
 * Owned by the engine thread.
 * <p>
 * {@code delta} is ∂V/∂S in coins with S the index and each expiry's basis F/S held fixed (so options, futures,
 * perpetuals and spot net into one coin delta); {@code gamma} is ∂delta/∂S per USD; {@code vega} USD per vol
 * point; {@code theta} USD per calendar day; {@code vanna} ∂vega/∂S (USD per vol point per USD);
 * {@code volga} ∂vega/∂σ (USD per vol point²). {@code forwardDelta} is Black-76's ∂V/∂F per contract.
 * {@code deltaPerCoin} and {@code vegaPerCoin} are the same per coin of notional, for the skew.
 * <p>
 * Surface and carry sensitivities, first order, not extrapolated between anchors: {@code rho} USD per 1% of the rate
 * (the payoff's discounting, forward held); {@code basisDelta} USD per 1% rise of the contract's forward with the
 * index held (a basis move); {@code riskReversal25} and {@code butterfly25} USD per vol point of a 25-delta
 * risk-reversal or butterfly shock to the smile (the perturbations are in docs/exposure.md).
 */
public final class ContractRisk
{
    public boolean priced;
    public double priceUsd;
    /**
     * The model value whose index derivatives are {@code delta} and {@code gamma}, USD: the P&L explain and the
     * Taylor value use it. It equals {@code priceUsd} except for inverse futures and perpetuals, whose USD notional
     * is constant while their coin exposure c/F shrinks as the index rises (their coin P&L is account equity): their
     * value is (c/b)·ln S, of which only changes matter.
     */
    public double valueUsd;
    public double iv;
    public double forward;
    public double forwardDelta;
    public double delta;
    public double gamma;
    public double vega;
    public double theta;
    public double vanna;
    public double volga;
    /** ∂gamma/∂S, coins per USD². */
    public double speed;
    /** ∂delta/∂t, coins per calendar day (the change of delta as time passes). */
    public double charm;
    public double premiumAdjustedDelta;
    public double deltaPerCoin;
    public double vegaPerCoin;
    public double rho;
    public double basisDelta;
    public double riskReversal25;
    public double butterfly25;
    /**
     * How the contract's implied vol moves without a new fit, from this anchor: ∂σ/∂F and ∂²σ/∂F² as an index move
     * reads the smile (per USD of forward), and ∂σ/∂t per year at a fixed strike. Their effect on the value is already
     * in the smile-consistent delta, gamma and theta, so the P&L explain takes it out of a re-anchor's vol change.
     */
    public double volPerForward;
    public double volPerForward2;
    public double volPerYear;
    /** Index level and engine time of the exact revaluation these values come from. */
    public double anchorIndexUsd;
    public long anchorTimeNs;

    /**
     * This risk becomes the equity view of an inverse future or perpetual: {@code coinsPerContract} = c/entry coins,
     * whatever the index (its contract and its unrealized coin P&L together), so no gamma and no vol exposure, and a
     * value linear in the index, anchored where {@code contract} is.
     */
    public void setEquityView(final ContractRisk contract, final double coinsPerContract)
    {
        priced = true;
        forward = contract.forward;
        delta = coinsPerContract;
        valueUsd = coinsPerContract * contract.anchorIndexUsd;
        gamma = speed = charm = 0;
        vega = theta = vanna = volga = 0;
        rho = riskReversal25 = butterfly25 = 0;
        volPerForward = volPerForward2 = volPerYear = 0;
        // a basis move is still P&L: the contract's coin P&L c·(1/entry − 1/F) moves with its forward
        basisDelta = contract.basisDelta;
        anchorIndexUsd = contract.anchorIndexUsd;
        anchorTimeNs = contract.anchorTimeNs;
    }

    /**
     * @return true when every figure the sums, the skew and the limits use is a finite number; hostile but valid
     * inputs (an index near the largest double) can overflow a revaluation.
     */
    public boolean hasFiniteFigures()
    {
        return Double.isFinite(valueUsd) && Double.isFinite(forward) && Double.isFinite(delta) &&
            Double.isFinite(gamma) && Double.isFinite(vega) && Double.isFinite(theta) && Double.isFinite(vanna) &&
            Double.isFinite(volga) && Double.isFinite(speed) && Double.isFinite(charm) &&
            Double.isFinite(deltaPerCoin) && Double.isFinite(vegaPerCoin) && Double.isFinite(rho) &&
            Double.isFinite(basisDelta) && Double.isFinite(riskReversal25) && Double.isFinite(butterfly25);
    }

    /**
     * No rate, basis or smile-shape sensitivity (spot, the index); delta-one contracts set their basis after.
     */
    public void clearSurfaceSensitivities()
    {
        rho = 0;
        basisDelta = 0;
        riskReversal25 = 0;
        butterfly25 = 0;
        volPerForward = 0;
        volPerForward2 = 0;
        volPerYear = 0;
    }

    /**
     * @return the implied vol the anchor's smile gives with the index at {@code indexUsd} (the forward moving with it,
     * its basis held, as the smile-consistent delta and gamma assume), {@code years} later: second order in the
     * forward, first in time. A move of the basis itself is not in it: the Greeks do not explain it either.
     */
    public double heldVolAt(final double indexUsd, final double years)
    {
        final double forwardMove = forward * (indexUsd / anchorIndexUsd - 1.0);
        return iv + (volPerForward + 0.5 * volPerForward2 * forwardMove) * forwardMove + volPerYear * years;
    }

    /**
     * Copies what {@link #heldVolAt} reads: the vol, the forward, the anchor index and time and the vol's dynamics.
     */
    public void copyVolDynamicsFrom(final ContractRisk other)
    {
        iv = other.iv;
        forward = other.forward;
        anchorIndexUsd = other.anchorIndexUsd;
        anchorTimeNs = other.anchorTimeNs;
        volPerForward = other.volPerForward;
        volPerForward2 = other.volPerForward2;
        volPerYear = other.volPerYear;
    }

    public void unpriced()
    {
        priced = false;
        priceUsd = Double.NaN;
        valueUsd = Double.NaN;
        iv = Double.NaN;
        forward = Double.NaN;
        forwardDelta = Double.NaN;
        delta = Double.NaN;
        gamma = Double.NaN;
        vega = Double.NaN;
        theta = Double.NaN;
        vanna = Double.NaN;
        volga = Double.NaN;
        speed = Double.NaN;
        charm = Double.NaN;
        premiumAdjustedDelta = Double.NaN;
        deltaPerCoin = Double.NaN;
        vegaPerCoin = Double.NaN;
        rho = Double.NaN;
        basisDelta = Double.NaN;
        riskReversal25 = Double.NaN;
        butterfly25 = Double.NaN;
        volPerForward = Double.NaN;
        volPerForward2 = Double.NaN;
        volPerYear = Double.NaN;
    }

    public void exchangeState(final StateIo io)
    {
        priced = io.bool(priced);
        priceUsd = io.f64(priceUsd);
        valueUsd = io.f64(valueUsd);
        iv = io.f64(iv);
        forward = io.f64(forward);
        forwardDelta = io.f64(forwardDelta);
        delta = io.f64(delta);
        gamma = io.f64(gamma);
        vega = io.f64(vega);
        theta = io.f64(theta);
        vanna = io.f64(vanna);
        volga = io.f64(volga);
        speed = io.f64(speed);
        charm = io.f64(charm);
        premiumAdjustedDelta = io.f64(premiumAdjustedDelta);
        deltaPerCoin = io.f64(deltaPerCoin);
        vegaPerCoin = io.f64(vegaPerCoin);
        rho = io.f64(rho);
        basisDelta = io.f64(basisDelta);
        riskReversal25 = io.f64(riskReversal25);
        butterfly25 = io.f64(butterfly25);
        volPerForward = io.f64(volPerForward);
        volPerForward2 = io.f64(volPerForward2);
        volPerYear = io.f64(volPerYear);
        anchorIndexUsd = io.f64(anchorIndexUsd);
        anchorTimeNs = io.i64(anchorTimeNs);
    }
}

package org.mmrisk.core.exposure;

import org.mmrisk.core.state.StateIo;

/**
 * The exposure of one expiry of an underlying: its Greeks as Taylor sums ({@link TaylorExposure}), and its rate,
 * basis and smile-shape sensitivities as plain position-weighted sums of the contracts' figures at their anchors
 * (first order, not extrapolated: see {@link ContractRisk}). Only expiry buckets carry the latter, so the totals and
 * the moneyness buckets do not pay for them. Owned by the engine thread; allocation-free.
 */
public final class ExpiryBucket
{
    private final TaylorExposure greeks = new TaylorExposure();
    private double rho;
    private double basisDelta;
    private double riskReversal25;
    private double butterfly25;

    public void reset(final double refIndexUsd, final long refTimeNs)
    {
        greeks.reset(refIndexUsd, refTimeNs);
        rho = basisDelta = riskReversal25 = butterfly25 = 0;
    }

    /**
     * Adds a position of {@code quantity} contracts (signed) with the anchored risk {@code r}.
     */
    public void add(final double quantity, final ContractRisk r)
    {
        greeks.add(quantity, r);
        accumulate(quantity, r);
    }

    /**
     * Removes what {@link #add} added for the same quantity and the same, unchanged, anchored risk.
     */
    public void remove(final double quantity, final ContractRisk r)
    {
        greeks.remove(quantity, r);
        accumulate(-quantity, r);
    }

    private void accumulate(final double quantity, final ContractRisk r)
    {
        rho += quantity * r.rho;
        basisDelta += quantity * r.basisDelta;
        riskReversal25 += quantity * r.riskReversal25;
        butterfly25 += quantity * r.butterfly25;
    }

    public TaylorExposure greeks()
    {
        return greeks;
    }

    /**
     * @return Σ q·rho, USD per 1% of the rate.
     */
    public double rho()
    {
        return rho;
    }

    /**
     * @return Σ q·basisDelta, USD per 1% rise of the expiry's forward at a fixed index.
     */
    public double basisDelta()
    {
        return basisDelta;
    }

    /**
     * @return Σ q·riskReversal25, USD per vol point of 25-delta risk-reversal shock.
     */
    public double riskReversal25()
    {
        return riskReversal25;
    }

    /**
     * @return Σ q·butterfly25, USD per vol point of 25-delta butterfly shock.
     */
    public double butterfly25()
    {
        return butterfly25;
    }

    /**
     * Saves or restores the sums exactly as accumulated.
     */
    public void exchangeState(final StateIo io)
    {
        greeks.exchangeState(io);
        rho = io.f64(rho);
        basisDelta = io.f64(basisDelta);
        riskReversal25 = io.f64(riskReversal25);
        butterfly25 = io.f64(butterfly25);
    }
}

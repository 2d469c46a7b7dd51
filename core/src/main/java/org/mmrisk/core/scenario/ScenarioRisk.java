package org.mmrisk.core.scenario;

import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.state.StateIo;

/**
 * ONE instrument's risk array: the change of one contract's value, in its underlying's margin currency, at every
 * point of the grid ({@code pnl}) and its second-order Taylor estimate ({@code taylor}), from the centre its
 * {@link ScenarioContract} holds. A fill changes the underlying's grid by quantity × these arrays, O(points). Owned
 * by the engine thread; allocation-free after construction.
 */
public final class ScenarioRisk
{
    private final ScenarioContract contract = new ScenarioContract();
    private final double[] pnl;
    private final double[] taylor;
    private boolean centred;
    private long centreTimeNs;
    private double centreValue;

    public ScenarioRisk(final ScenarioPoints points)
    {
        pnl = new double[points.count()];
        taylor = new double[points.count()];
    }

    /**
     * @return the contract and its centre, to be set before {@link #fill}.
     */
    public ScenarioContract contract()
    {
        return contract;
    }

    /**
     * Computes both arrays from the contract's centre (set just before), at engine time {@code nowNs}.
     *
     * @return the option valuations it took.
     */
    public int fill(final ScenarioPoints points, final MarginCurrency currency, final long nowNs)
    {
        centreValue = contract.centreValue();
        contract.prepareTaylor(currency);
        for (int p = 0, n = points.count(); p < n; p++)
        {
            final double move = points.move(p);
            pnl[p] = contract.change(currency, 1 + move, points.logFactor(p), points.shock(p), centreValue);
            taylor[p] = contract.taylor(move, points.shock(p));
        }
        centred = allFinite();
        centreTimeNs = nowNs;
        return contract.isOption() ? points.count() + 1 : 0;
    }

    private boolean allFinite()
    {
        if (!Double.isFinite(centreValue))
        {
            return false;
        }
        for (int p = 0; p < pnl.length; p++)
        {
            if (!Double.isFinite(pnl[p]) || !Double.isFinite(taylor[p]))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * The instrument cannot be priced: it has no array (its position is unknown risk).
     */
    public void clear()
    {
        centred = false;
        java.util.Arrays.fill(pnl, 0);
        java.util.Arrays.fill(taylor, 0);
    }

    /**
     * @return true when the arrays hold a priced centre.
     */
    public boolean isCentred()
    {
        return centred;
    }

    /**
     * @return true when the centre is priced and neither older than {@code maxAgeNs} nor further than
     * {@code maxMove} (relative) from the index {@code indexUsd}.
     */
    public boolean isFresh(final double indexUsd, final long nowNs, final double maxMove, final long maxAgeNs)
    {
        return centred && nowNs - centreTimeNs <= maxAgeNs &&
            Math.abs(indexUsd / contract.indexUsd() - 1) <= maxMove;
    }

    public double pnl(final int point)
    {
        return pnl[point];
    }

    public double taylor(final int point)
    {
        return taylor[point];
    }

    /**
     * @return the contract's value at its centre, settlement currency.
     */
    public double centreValue()
    {
        return centreValue;
    }

    public long centreTimeNs()
    {
        return centreTimeNs;
    }

    public void exchangeState(final StateIo io)
    {
        contract.exchangeState(io);
        io.f64s(pnl, pnl.length);
        io.f64s(taylor, taylor.length);
        centred = io.bool(centred);
        centreTimeNs = io.i64(centreTimeNs);
        centreValue = io.f64(centreValue);
    }
}

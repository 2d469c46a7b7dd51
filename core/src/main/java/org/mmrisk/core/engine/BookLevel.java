package org.mmrisk.core.engine;

import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.state.StateIo;

/**
 * What one underlying's model value leaves out of the book's true value, USD: the cash and cost of USD-settled
 * contracts (realized P&L less q·c·entry) and, for an inverse future or perpetual in its equity view, −q·c/b (its coin
 * P&L c·(1/entry − 1/F) at the index is (c/entry)·S − c/b), with the cash of settled USD-settled contracts. Constant
 * in USD, so the USD explain needs none of it; in coins the level is the book's worth. Owned by the engine thread;
 * written only by its own methods, which {@link ExposureSums} calls (it also keeps each {@link Contribution}'s part).
 */
final class BookLevel
{
    private double levelUsd;
    private double settledCashUsd;

    /**
     * @param quantity the contracts in the sums (0 when flat or unpriced).
     * @return the part of one position's true value that its model value leaves out, USD.
     */
    static double levelOf(final InstrumentState s, final Contribution c, final double quantity)
    {
        final Instrument instrument = s.instrument();
        if (!instrument.isInverse())
        {
            // a flat position has no entry price (NaN), only its realized cash
            return quantity != 0 ? c.realizedUsd - quantity * instrument.contractSize() * s.position().avgPrice() :
                c.realizedUsd;
        }
        if (quantity != 0 && c.risk == c.equityRisk)
        {
            return -quantity * instrument.contractSize() * s.risk().anchorIndexUsd / s.risk().forward;
        }
        return 0;
    }

    void add(final double positionLevelUsd)
    {
        levelUsd += positionLevelUsd;
    }

    void remove(final double positionLevelUsd)
    {
        levelUsd -= positionLevelUsd;
    }

    /**
     * A contract settled at expiry: a USD-settled payoff is cash the book keeps (a coin-settled one is in the coin
     * account).
     */
    void settled(final InstrumentState state, final double realizedUsd)
    {
        if (!state.instrument().isInverse())
        {
            settledCashUsd += realizedUsd;
        }
    }

    /**
     * The positions' parts are recomputed after this (a full revaluation); settled cash stays.
     */
    void clearPositions()
    {
        levelUsd = 0;
    }

    double usd()
    {
        return levelUsd + settledCashUsd;
    }

    void exchangeState(final StateIo io)
    {
        levelUsd = io.f64(levelUsd);
        settledCashUsd = io.f64(settledCashUsd);
    }
}

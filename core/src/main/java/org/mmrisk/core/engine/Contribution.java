package org.mmrisk.core.engine;

import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.exposure.ExpiryBucket;
import org.mmrisk.core.state.StateIo;

/**
 * What one instrument's position currently adds to its underlying's sums, so that it is removed with exactly the
 * values it was added with. Owned by the engine thread; its fields are written only by {@link ExposureSums} (and
 * cleared or restored here), which a test enforces.
 */
public final class Contribution
{
    double quantity;
    /** The risk the contribution was added with: the instrument's own, or its equity view ({@link #equityRisk}). */
    ContractRisk risk;
    /** An inverse delta-one contract together with its coin P&L as account equity: c/entry coins, no gamma. */
    final ContractRisk equityRisk = new ContractRisk();
    double realizedUsd;
    /**
     * What the model value leaves out of this position's true value, USD: for a USD-settled contract its cash (realized
     * P&L less the cost q·c·entry), for an inverse delta-one contract in its equity view −q·c/b (its coin P&L
     * c·(1/entry − 1/F) at the index is (c/entry)·S − c/b). A constant in USD, it matters only in coins.
     */
    double levelUsd;
    double unrealizedUsd;
    double unrealizedCoin;
    /** Gross size of the position, in coins (coin-sized contracts) or USD (USD-sized). */
    double sizeCoins;
    double sizeUsd;
    boolean countedUnpriced;
    /** The expiry bucket this instrument adds to (assigned at definition), and its moneyness bucket, or −1. */
    ExpiryBucket expiryBucket;
    int moneynessBucket = -1;

    /**
     * @return the quantity in the sums, contracts (0 while unpriced or flat).
     */
    public double quantity()
    {
        return quantity;
    }

    /**
     * The sums were emptied: this instrument adds nothing until it is attached again (its risk stays as it was).
     */
    void clear()
    {
        quantity = 0;
        moneynessBucket = -1;
        countedUnpriced = false;
        realizedUsd = 0;
        levelUsd = 0;
        unrealizedUsd = 0;
        unrealizedCoin = 0;
        sizeCoins = 0;
        sizeUsd = 0;
    }

    /**
     * Saves or restores everything but the expiry bucket (linked by the underlying); the risk it was added with is
     * one of the instrument's two, recorded by which.
     */
    void exchangeState(final StateIo io, final ContractRisk ownRisk)
    {
        quantity = io.f64(quantity);
        final int which = io.i32(risk == null ? 0 : risk == ownRisk ? 1 : 2);
        risk = which == 0 ? null : which == 1 ? ownRisk : equityRisk;
        equityRisk.exchangeState(io);
        realizedUsd = io.f64(realizedUsd);
        levelUsd = io.f64(levelUsd);
        unrealizedUsd = io.f64(unrealizedUsd);
        unrealizedCoin = io.f64(unrealizedCoin);
        sizeCoins = io.f64(sizeCoins);
        sizeUsd = io.f64(sizeUsd);
        countedUnpriced = io.bool(countedUnpriced);
        moneynessBucket = io.i32(moneynessBucket);
    }
}

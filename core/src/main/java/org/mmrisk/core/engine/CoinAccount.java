package org.mmrisk.core.engine;

import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.state.StateIo;

/**
 * The desk's coin account on one underlying's venue: the balance the venue reported (configuration, then
 * {@code SET_EQUITY}) and the coin cash flows since (coin premiums and fees, realized coin P&L of inverse delta-one
 * contracts, funding, settlements). With {@code engine.equityDelta} on, this equity counts as delta in the coin.
 * Owned by the engine thread; its fields are written only by its own methods, which the appliers and the expiry
 * settlement call.
 */
public final class CoinAccount
{
    private boolean equityDelta;
    private double balanceCoins;
    private double cashCoins;

    CoinAccount(final double balanceCoins, final boolean equityDelta)
    {
        this.balanceCoins = balanceCoins;
        this.equityDelta = equityDelta;
    }

    /**
     * Coin cash of a trade: a coin-settled option's premium and coin fee, or an inverse delta-one contract's realized
     * coin P&L (its coin fee included), or another instrument's coin fee.
     */
    void addTradeCash(final Instrument instrument, final double signedQuantity, final double price,
        final double realizedCoinChange, final double feeCoin)
    {
        if (instrument.isInverse() && instrument.isOption())
        {
            cashCoins -= signedQuantity * price * instrument.contractSize() + feeCoin;
        }
        else if (instrument.isInverse())
        {
            cashCoins += realizedCoinChange;
        }
        else
        {
            cashCoins -= feeCoin;
        }
    }

    /**
     * A coin cash flow that is not a trade (funding).
     */
    void addCash(final double coins)
    {
        cashCoins += coins;
    }

    /**
     * The account's coin equity as the venue reports it: the balance becomes what, with the cash flows since start,
     * adds up to it.
     */
    void setEquity(final double equityCoins)
    {
        balanceCoins = equityCoins - cashCoins;
    }

    /**
     * @return balance plus cash flows, coins (equity without the unrealized P&L of open inverse contracts).
     */
    public double balanceAndCashCoins()
    {
        return balanceCoins + cashCoins;
    }

    /**
     * @return whether the account's coin equity counts in the underlying's delta.
     */
    public boolean equityDelta()
    {
        return equityDelta;
    }

    void exchangeState(final StateIo io)
    {
        balanceCoins = io.f64(balanceCoins);
        cashCoins = io.f64(cashCoins);
        equityDelta = io.bool(equityDelta);
    }
}

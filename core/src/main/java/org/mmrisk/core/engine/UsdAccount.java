package org.mmrisk.core.engine;

import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.state.StateIo;

/**
 * The desk's USD account on one underlying: the balance configured ({@code engine.usdBalances}, then
 * {@code SET_EQUITY} in USD) and the USD cash flows since — linear options' premiums, linear futures' and
 * perpetuals' realized P&L and funding, fees paid in USD, settlements of linear contracts. The coin-settled side is
 * the {@link CoinAccount}. Read by the margin estimate. Owned by the engine thread; its fields are written only by its
 * own methods, which the appliers and the expiry settlement call.
 */
public final class UsdAccount
{
    private double balanceUsd;
    private double cashUsd;

    UsdAccount(final double balanceUsd)
    {
        this.balanceUsd = balanceUsd;
    }

    /**
     * USD cash of a trade of a USD-settled contract: a linear option's premium, or a linear delta-one contract's
     * realized P&L; and a fee paid in USD (any contract).
     */
    void addTradeCash(final Instrument instrument, final double signedQuantity, final double price,
        final double realizedUsdChange, final double feeUsd)
    {
        if (!instrument.isInverse() && instrument.isOption())
        {
            cashUsd -= signedQuantity * price * instrument.contractSize();
        }
        else if (!instrument.isInverse())
        {
            cashUsd += realizedUsdChange;
        }
        cashUsd -= feeUsd;
    }

    /**
     * A USD cash flow that is not a trade (a linear perpetual's funding).
     */
    void addCash(final double usd)
    {
        cashUsd += usd;
    }

    /**
     * The account's USD equity as the venue reports it: the balance becomes what, with the cash flows since start,
     * adds up to it.
     */
    void setEquity(final double equityUsd)
    {
        balanceUsd = equityUsd - cashUsd;
    }

    /**
     * @return balance plus cash flows, USD (equity without open positions' values).
     */
    public double balanceAndCashUsd()
    {
        return balanceUsd + cashUsd;
    }

    void exchangeState(final StateIo io)
    {
        balanceUsd = io.f64(balanceUsd);
        cashUsd = io.f64(cashUsd);
    }
}

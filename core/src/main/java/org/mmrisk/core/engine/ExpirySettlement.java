package org.mmrisk.core.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.config.SettlementSource;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.output.AlertCode;

/**
 * Settles options and futures whose expiry has passed: at the first batch end at or after the expiry (event time,
 * so timers drive it when the market is quiet), each position is closed at the configured settlement price, its
 * realized P&L records the settlement, coin-settled payoffs enter the coin account, and the instrument leaves its
 * underlying's book. Owned by the engine thread.
 * <p>
 * Settlement prices, with S the settlement source (index, or the instrument's last mark): a linear option pays
 * max(±(S − K), 0) USD per coin, a coin-settled option max(±(S − K), 0)/S coins per coin; a future settles at S.
 */
final class ExpirySettlement
{
    interface AlertSink
    {
        void settled(UnderlyingRisk underlying, int instrumentId, double quantity);
    }

    private final EngineConfig config;
    private final EngineCounters counters;

    ExpirySettlement(final EngineConfig config, final EngineCounters counters)
    {
        this.config = config;
        this.counters = counters;
    }

    /**
     * Settles what expired by {@code nowNs}; O(1) when nothing did.
     */
    void settleExpired(final UnderlyingRisk u, final long nowNs, final AlertSink alerts)
    {
        if (u.book().nextExpiryNs() > nowNs)
        {
            return;
        }
        final double indexUsd = u.book().resolveIndexUsd();
        if (!(indexUsd > 0))
        {
            return;
        }
        for (int i = u.instrumentCount() - 1; i >= 0; i--)
        {
            final InstrumentState state = u.instrument(i);
            final Instrument instrument = state.instrument();
            if (Instrument.hasExpiry(instrument.kind()) && instrument.expiryNs() <= nowNs)
            {
                settle(u, state, settlementPriceUsd(state, indexUsd), indexUsd, alerts);
                u.removeSettled(i);
            }
        }
        u.book().findNextExpiry();
        u.sweep().requestFullRevaluation();
        u.marks().markDirty();
    }

    private double settlementPriceUsd(final InstrumentState state, final double indexUsd)
    {
        if (config.settlementSource() == SettlementSource.MARK && !state.instrument().isOption())
        {
            final double mark = state.markOrMid();
            return mark > 0 ? mark : indexUsd;
        }
        return indexUsd;
    }

    private void settle(final UnderlyingRisk u, final InstrumentState state, final double settleUsd,
        final double indexUsd, final AlertSink alerts)
    {
        final Instrument instrument = state.instrument();
        final double quantity = state.position().quantity();
        u.sums().detach(state);
        u.scenarios().detach(state);
        if (quantity != 0)
        {
            final double closePrice = closePrice(instrument, settleUsd);
            final double realizedCoinBefore = state.position().realizedPnlCoin();
            final double realizedUsdBefore = state.position().realizedPnlUsd();
            state.position().applyTrade(instrument, -quantity, closePrice, indexUsd);
            final double realizedCoin = state.position().realizedPnlCoin() - realizedCoinBefore;
            u.account().addTradeCash(instrument, -quantity, closePrice, realizedCoin, 0);
            u.usdAccount().addTradeCash(instrument, -quantity, closePrice,
                state.position().realizedPnlUsd() - realizedUsdBefore, 0);
            alerts.settled(u, state.instrumentId(), quantity);
            counters.increment(EngineCounter.SETTLEMENTS);
        }
        u.sums().addSettledRealized(state);
        state.settled = true;
        u.liquidity().update(state);
        state.risk().unpriced();
    }

    /**
     * @return the settlement value per unit of the instrument's quoted price.
     */
    private static double closePrice(final Instrument instrument, final double settleUsd)
    {
        if (!instrument.isOption())
        {
            return settleUsd;
        }
        final double intrinsicUsd = Math.max(instrument.isCall() ? settleUsd - instrument.strike() :
            instrument.strike() - settleUsd, 0);
        return instrument.isCoinQuoted() ? intrinsicUsd / settleUsd : intrinsicUsd;
    }
}

package org.mmrisk.core.engine;

import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.position.Position;
import org.mmrisk.core.state.StateIo;

/**
 * One underlying's trading P&L split into what its fills earned against fair value (the edge: spread and fees) and
 * what holding the inventory made or lost since (docs/exposure.md, "Edge and inventory"). Totals since the engine
 * started, and a copy of them at the last risk snapshot. Owned by the engine thread; its fields are written only by
 * its own methods, which the trade applier (fills) and the exposure sums (snapshots) call.
 * <p>
 * Per fill of q contracts (negative: sold) at price p with fair value f, in the settlement currency:
 * edge = value at f − value at p = q·c·(f − p) (linear, coin-priced options) or q·c·(1/p − 1/f) (inverse), converted
 * at the fill-time index, less the fee converted the same way (a rebate, a negative fee, adds). The coin view divides
 * each fill's USD edge by its own fill-time index (for a coin-settled contract with a coin fee, its coins exactly);
 * its trading P&L is the USD one at the index now. inventory = trading P&L − edge, in either numeraire.
 */
public final class EdgeTotals
{
    private double edgeUsd;
    private double edgeCoin;
    private double edgeUsdAtSnapshot;
    private double edgeCoinAtSnapshot;
    private double tradingPnlUsdAtSnapshot;
    private double tradingPnlCoinAtSnapshot;

    /**
     * Books one fill's edge.
     *
     * @param edgeInSettlement its contracts' value at fair value less at the fill price, settlement currency (0 with
     *                         no fair value).
     * @param coinSettled      whether that currency is the underlying's coin (else USD).
     * @param fee              paid (negative: a rebate), in the fee currency.
     * @param feeInCoin        whether the fee is in the underlying's coin (else USD).
     * @param indexUsd         the index at the fill; without one, coin amounts have no USD value and USD amounts no
     *                         coin value (as the position's realized P&L and fees are booked).
     */
    void onFill(final double edgeInSettlement, final boolean coinSettled, final double fee, final boolean feeInCoin,
        final double indexUsd)
    {
        final boolean indexed = indexUsd > 0;
        final double grossUsd = coinSettled ? (indexed ? edgeInSettlement * indexUsd : 0) : edgeInSettlement;
        final double grossCoin = coinSettled ? edgeInSettlement : (indexed ? edgeInSettlement / indexUsd : 0);
        final double feeUsd = feeInCoin ? (indexed ? fee * indexUsd : 0) : fee;
        final double feeCoin = feeInCoin ? fee : (indexed ? fee / indexUsd : 0);
        edgeUsd += grossUsd - feeUsd;
        edgeCoin += grossCoin - feeCoin;
    }

    /**
     * @return the value of {@code signedQuantity} contracts (negative: sold) at {@code fairPrice} less their value at
     * {@code fillPrice}, in the settlement currency; 0 without a fair value.
     */
    static double edgeInSettlement(final Instrument instrument, final double signedQuantity, final double fillPrice,
        final double fairPrice)
    {
        return fairPrice > 0 ? Position.pnlInSettlement(instrument, signedQuantity, fillPrice, fairPrice) : 0;
    }

    /**
     * A risk snapshot closes the reporting interval.
     *
     * @param tradingPnlUsd the underlying's trading P&L now, USD.
     * @param indexUsd      the index now (NaN or 0: no coin view).
     */
    void markSnapshot(final double tradingPnlUsd, final double indexUsd)
    {
        edgeUsdAtSnapshot = edgeUsd;
        edgeCoinAtSnapshot = edgeCoin;
        tradingPnlUsdAtSnapshot = tradingPnlUsd;
        tradingPnlCoinAtSnapshot = indexUsd > 0 ? tradingPnlUsd / indexUsd : Double.NaN;
    }

    /**
     * @return the edge of every fill since the start, USD.
     */
    public double edgeUsd()
    {
        return edgeUsd;
    }

    /**
     * @return the edge of every fill since the start, coins of the underlying.
     */
    public double edgeCoin()
    {
        return edgeCoin;
    }

    public double edgeUsdAtSnapshot()
    {
        return edgeUsdAtSnapshot;
    }

    public double edgeCoinAtSnapshot()
    {
        return edgeCoinAtSnapshot;
    }

    /**
     * @return the trading P&L at the last risk snapshot, USD (0 before the first).
     */
    public double tradingPnlUsdAtSnapshot()
    {
        return tradingPnlUsdAtSnapshot;
    }

    /**
     * @return the trading P&L at the last risk snapshot in coins at the index then; NaN before the first snapshot
     * with an index (0 before any snapshot at all, as the USD one).
     */
    public double tradingPnlCoinAtSnapshot()
    {
        return tradingPnlCoinAtSnapshot;
    }

    void exchangeState(final StateIo io)
    {
        edgeUsd = io.f64(edgeUsd);
        edgeCoin = io.f64(edgeCoin);
        edgeUsdAtSnapshot = io.f64(edgeUsdAtSnapshot);
        edgeCoinAtSnapshot = io.f64(edgeCoinAtSnapshot);
        tradingPnlUsdAtSnapshot = io.f64(tradingPnlUsdAtSnapshot);
        tradingPnlCoinAtSnapshot = io.f64(tradingPnlCoinAtSnapshot);
    }
}

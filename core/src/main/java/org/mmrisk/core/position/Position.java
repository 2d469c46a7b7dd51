package org.mmrisk.core.position;

import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.state.StateIo;

/**
 * The desk's position in one instrument: signed quantity in contracts, average entry price and realized P&L.
 * Owned by the engine thread.
 * <p>
 * Entry and realized P&L follow the contract's settlement:
 * <ul>
 *   <li>linear: P&L in USD = contracts × contract size × (exit − entry); entry is the arithmetic mean;</li>
 *   <li>coin-settled options: P&L in coin = contracts × contract size × (exit − entry), prices in coin;</li>
 *   <li>inverse futures and perpetuals (USD-sized): P&L in coin = contracts × contract size × (1/entry − 1/exit);
 *       entry is the contract-weighted harmonic mean.</li>
 * </ul>
 * Coin P&L is converted to USD at the index when it is realized. Fees are deducted from realized P&L in the fee's
 * currency (coin fees at the index).
 */
public final class Position
{
    private double quantity;
    private double avgPrice = Double.NaN;
    private double realizedPnlUsd;
    private double realizedPnlCoin;
    private double feesUsd;
    private double fundingUsd;

    /**
     * Applies one trade.
     *
     * @param instrument     the instrument's terms; null while the position is parked (no terms known), in
     *                       which case the quantity is kept and P&L waits for the definition.
     * @param signedQuantity contracts, positive for a buy.
     * @param price          in the quote currency.
     * @param indexUsd       the index, to convert coin P&L and coin fees; NaN when unknown.
     */
    public void applyTrade(final Instrument instrument, final double signedQuantity, final double price,
        final double indexUsd)
    {
        if (quantity == 0 || Math.signum(quantity) == Math.signum(signedQuantity))
        {
            avgPrice = quantity == 0 ? price : blendEntry(instrument, quantity, avgPrice, signedQuantity, price);
            quantity += signedQuantity;
            return;
        }
        final double closing = Math.abs(signedQuantity) < Math.abs(quantity) ? signedQuantity : -quantity;
        realize(instrument, -closing, price, indexUsd);
        quantity += signedQuantity;
        if (quantity == 0)
        {
            avgPrice = Double.NaN;
        }
        else if (closing != signedQuantity)
        {
            avgPrice = price;
        }
    }

    /**
     * Replaces the position (start of day or reconciliation); realized P&L is kept.
     */
    public void replace(final double newQuantity, final double newAvgPrice)
    {
        quantity = newQuantity;
        avgPrice = newQuantity == 0 ? Double.NaN : newAvgPrice;
    }

    /**
     * A perpetual's funding payment, received when positive: realized P&L in USD and, for an inverse contract, in
     * coin.
     */
    public void receiveFunding(final double fundingUsd, final double fundingCoin)
    {
        realizedPnlUsd += fundingUsd;
        realizedPnlCoin += fundingCoin;
        this.fundingUsd += fundingUsd;
    }

    /**
     * @return funding received (negative: paid) since start, USD.
     */
    public double fundingUsd()
    {
        return fundingUsd;
    }

    public void chargeFee(final double feeUsd, final double feeCoin)
    {
        feesUsd += feeUsd;
        realizedPnlUsd -= feeUsd;
        realizedPnlCoin -= feeCoin;
    }

    private void realize(final Instrument instrument, final double closedQuantity, final double exitPrice,
        final double indexUsd)
    {
        if (instrument == null)
        {
            return;
        }
        final double pnl = pnlInSettlement(instrument, closedQuantity, avgPrice, exitPrice);
        if (instrument.isInverse())
        {
            realizedPnlCoin += pnl;
            // with no index yet the coin P&L stays exact and its USD value is not guessed
            realizedPnlUsd += indexUsd > 0 ? pnl * indexUsd : 0;
        }
        else
        {
            realizedPnlUsd += pnl;
        }
    }

    private static double blendEntry(final Instrument instrument, final double quantity, final double entry,
        final double addedQuantity, final double price)
    {
        final double total = quantity + addedQuantity;
        if (instrument != null && isPriceInverse(instrument))
        {
            return total / (quantity / entry + addedQuantity / price);
        }
        return (quantity * entry + addedQuantity * price) / total;
    }

    /**
     * @return P&L of {@code signedQuantity} contracts from {@code entry} to {@code exit}, in the settlement
     * currency (coin for inverse contracts, USD for linear).
     */
    public static double pnlInSettlement(final Instrument instrument, final double signedQuantity,
        final double entry, final double exit)
    {
        final double size = instrument.contractSize();
        if (isPriceInverse(instrument))
        {
            return signedQuantity * size * (1.0 / entry - 1.0 / exit);
        }
        return signedQuantity * size * (exit - entry);
    }

    /**
     * USD-quoted, coin-settled contracts (inverse futures and perpetuals) pay 1/price per USD of size.
     */
    private static boolean isPriceInverse(final Instrument instrument)
    {
        return instrument.isInverse() && !instrument.isOption();
    }

    /**
     * @return unrealized P&L in the settlement currency at {@code markPrice}, 0 when flat.
     */
    public double unrealizedInSettlement(final Instrument instrument, final double markPrice)
    {
        if (quantity == 0 || instrument == null)
        {
            return 0;
        }
        return pnlInSettlement(instrument, quantity, avgPrice, markPrice);
    }

    public double quantity()
    {
        return quantity;
    }

    public double avgPrice()
    {
        return avgPrice;
    }

    public double realizedPnlUsd()
    {
        return realizedPnlUsd;
    }

    public double realizedPnlCoin()
    {
        return realizedPnlCoin;
    }

    public double feesUsd()
    {
        return feesUsd;
    }

    /**
     * Saves or restores the position field by field (engine thread, or start-up before the engine runs).
     */
    public void exchangeState(final StateIo io)
    {
        quantity = io.f64(quantity);
        avgPrice = io.f64(avgPrice);
        realizedPnlUsd = io.f64(realizedPnlUsd);
        realizedPnlCoin = io.f64(realizedPnlCoin);
        feesUsd = io.f64(feesUsd);
        fundingUsd = io.f64(fundingUsd);
    }
}

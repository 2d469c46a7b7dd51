package org.mmrisk.core.scenario;

import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.event.VolShock;

import org.mmrisk.core.state.StateIo;

import java.util.Arrays;

/**
 * An underlying's open positions and balances as the margin sees them: each position's contract (with its centre)
 * and quantity, exactly valued ({@link BookValuation}), and the figures that are not valuations — the balances in
 * each currency (with the entry prices of delta-one positions, which are balances too), the short option coins and
 * the long and short futures deltas the contingency charges. Filled by its owner between batches (the engine thread,
 * or a report's thread); growing its arrays allocates, refilling at the same size does not.
 */
public final class ScenarioBook implements BookValuation
{
    private MarginCurrency currency = MarginCurrency.COIN;
    private double indexUsd = Double.NaN;
    private ScenarioContract[] contracts = new ScenarioContract[16];
    private double[] quantities = new double[16];
    private int count;
    private boolean known = true;
    private double coinBalance;
    private double usdBalance;
    private double shortOptionCoins;
    private double longLinearDelta;
    private double shortLinearDelta;
    private double longInverseDelta;
    private double shortInverseDelta;

    /**
     * Empties the book for an underlying at index {@code indexUsd}, with the account's balances: coins (balance and
     * coin cash flows) and USD (balance and USD cash flows).
     */
    public void reset(final MarginCurrency currency, final double indexUsd, final double coinBalance,
        final double usdBalance)
    {
        this.currency = currency;
        this.indexUsd = indexUsd;
        this.coinBalance = coinBalance;
        this.usdBalance = usdBalance;
        count = 0;
        known = true;
        shortOptionCoins = 0;
        longLinearDelta = shortLinearDelta = longInverseDelta = shortInverseDelta = 0;
    }

    /**
     * A position whose risk cannot be valued (unpriced, or a fill parked on an undefined instrument): the margin
     * is unknown.
     */
    public void unknown()
    {
        known = false;
    }

    /**
     * Adds a position of {@code quantity} contracts of {@code contract} (centred), bought on average at
     * {@code avgPrice} (USD): its entry is a balance, c·q/entry coins for an inverse delta-one contract, −c·q·entry USD
     * for a linear one.
     */
    public void add(final ScenarioContract contract, final double quantity, final double avgPrice)
    {
        if (quantity == 0)
        {
            return;
        }
        if (count == contracts.length)
        {
            contracts = Arrays.copyOf(contracts, 2 * count);
            quantities = Arrays.copyOf(quantities, 2 * count);
        }
        contracts[count] = contract;
        quantities[count] = quantity;
        count++;
        if (contract.isOption())
        {
            shortOptionCoins += Math.max(0, -quantity) * contract.size();
            return;
        }
        if (contract.isCoinSettled())
        {
            coinBalance += quantity * contract.size() / avgPrice;
        }
        else
        {
            usdBalance -= quantity * contract.size() * avgPrice;
        }
        if (contract.isFuture())
        {
            addFuturesDelta(contract.isCoinSettled(), quantity * contract.coinDelta());
        }
    }

    private void addFuturesDelta(final boolean inverse, final double delta)
    {
        if (inverse)
        {
            longInverseDelta += Math.max(0, delta);
            shortInverseDelta += Math.min(0, delta);
        }
        else
        {
            longLinearDelta += Math.max(0, delta);
            shortLinearDelta += Math.min(0, delta);
        }
    }

    @Override
    public double coinValue(final double atIndexUsd, final VolShock shock)
    {
        return value(true, atIndexUsd, shock);
    }

    @Override
    public double usdValue(final double atIndexUsd, final VolShock shock)
    {
        return value(false, atIndexUsd, shock);
    }

    private double value(final boolean coinSettled, final double atIndexUsd, final VolShock shock)
    {
        final double logIndexUsd = Math.log(atIndexUsd);
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            final ScenarioContract c = contracts[i];
            if (c.isCoinSettled() == coinSettled)
            {
                sum += quantities[i] * c.valueAtIndex(atIndexUsd, logIndexUsd, shock);
            }
        }
        return sum;
    }

    /**
     * @return the contingency with the index moved by the factor {@code ratio}, in the margin currency: the short
     * option coins and min(long, |short|) futures delta (an inverse contract's c/F shrinking as F rises), each at
     * its rate, times the moved index for USD.
     */
    public double contingency(final double ratio, final double optionRate, final double futuresRate)
    {
        final double longDelta = longLinearDelta + longInverseDelta / ratio;
        final double shortDelta = -(shortLinearDelta + shortInverseDelta / ratio);
        final double coins = optionRate * shortOptionCoins + futuresRate * Math.min(longDelta, shortDelta);
        return currency == MarginCurrency.USD ? coins * indexUsd * ratio : coins;
    }

    /**
     * @return the contingency after a further fill of {@code fill} contracts of a contract of which
     * {@code position} are held (at the book's index), in the margin currency.
     */
    public double contingencyAfterFill(final ScenarioContract contract, final double position, final double fill,
        final double optionRate, final double futuresRate)
    {
        double options = shortOptionCoins;
        double longDelta = longLinearDelta + longInverseDelta;
        double shortDelta = -(shortLinearDelta + shortInverseDelta);
        if (contract.isOption())
        {
            options += (Math.max(0, -(position + fill)) - Math.max(0, -position)) * contract.size();
        }
        else if (contract.isFuture())
        {
            final double before = position * contract.coinDelta();
            final double after = (position + fill) * contract.coinDelta();
            longDelta += Math.max(0, after) - Math.max(0, before);
            shortDelta += Math.max(0, -after) - Math.max(0, -before);
        }
        final double coins = optionRate * options + futuresRate * Math.min(longDelta, shortDelta);
        return currency == MarginCurrency.USD ? coins * indexUsd : coins;
    }

    public MarginCurrency currency()
    {
        return currency;
    }

    public double indexUsd()
    {
        return indexUsd;
    }

    public boolean isKnown()
    {
        return known;
    }

    /**
     * @return coins that are not a valuation: the account's balance and coin cash flows, and inverse entries.
     */
    public double coinBalance()
    {
        return coinBalance;
    }

    /**
     * @return USD that is not a valuation: the USD balance and cash flows, and linear entries.
     */
    public double usdBalance()
    {
        return usdBalance;
    }

    public int positionCount()
    {
        return count;
    }

    public ScenarioContract contract(final int i)
    {
        return contracts[i];
    }

    public double quantity(final int i)
    {
        return quantities[i];
    }

    /**
     * Saves or restores what the book holds besides its positions (the currency, the index, the balances, the short
     * option coins and the futures deltas): the sizing pass reads them between refreshes; the positions themselves
     * are refilled at each refresh.
     */
    public void exchangeScalars(final StateIo io)
    {
        currency = io.enumValue(currency, MarginCurrency.values());
        indexUsd = io.f64(indexUsd);
        known = io.bool(known);
        coinBalance = io.f64(coinBalance);
        usdBalance = io.f64(usdBalance);
        shortOptionCoins = io.f64(shortOptionCoins);
        longLinearDelta = io.f64(longLinearDelta);
        shortLinearDelta = io.f64(shortLinearDelta);
        longInverseDelta = io.f64(longInverseDelta);
        shortInverseDelta = io.f64(shortInverseDelta);
    }
}

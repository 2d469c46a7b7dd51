package org.mmrisk.core.config;

/**
 * Sanity bounds on input values: not risk limits but the line between an absurd number (a gateway bug, a unit typed
 * wrong, a disabled limit in disguise) and one a market can produce. An input beyond a bound is rejected with its
 * reason and alerted; it never touches state. Every bound is off at 0. The keys, defaults and ranges are rows of
 * {@link EngineSettings} ({@code engine.inputBounds.*}); part of {@link EngineConfig}, read-only once concluded and
 * owned by the engine thread.
 */
public final class InputBounds
{
    private double maxPrice;
    private double maxFillPriceRatio;
    private double maxMovePercent;
    private double maxFillContracts;
    private double maxPositionContracts;
    private double maxVol;
    private long maxExchangeTimeAheadNs;
    private double maxControlValue;

    InputBounds()
    {
    }

    public InputBounds maxPrice(final double value)
    {
        maxPrice = value;
        return this;
    }

    /**
     * @return the largest price of any input, in the instrument's quote currency; 0: off.
     */
    public double maxPrice()
    {
        return maxPrice;
    }

    public InputBounds maxFillPriceRatio(final double value)
    {
        maxFillPriceRatio = value;
        return this;
    }

    /**
     * @return how many times above or below the instrument's mark (else mid) a fill's price may be; 0: off.
     */
    public double maxFillPriceRatio()
    {
        return maxFillPriceRatio;
    }

    public InputBounds maxMovePercent(final double value)
    {
        maxMovePercent = value;
        return this;
    }

    /**
     * @return the largest move, percent, of a non-option instrument's mark (else mid) from its last accepted tick
     * (when that is at most {@code engine.staleIndex.reduceOnlyAfterMs} old); 0: off.
     */
    public double maxMovePercent()
    {
        return maxMovePercent;
    }

    public InputBounds maxFillContracts(final double value)
    {
        maxFillContracts = value;
        return this;
    }

    /**
     * @return the largest quantity of one fill, contracts; 0: off.
     */
    public double maxFillContracts()
    {
        return maxFillContracts;
    }

    public InputBounds maxPositionContracts(final double value)
    {
        maxPositionContracts = value;
        return this;
    }

    /**
     * @return the largest |position| of one instrument, contracts, after a fill or as a position message; 0: off.
     */
    public double maxPositionContracts()
    {
        return maxPositionContracts;
    }

    public InputBounds maxVol(final double value)
    {
        maxVol = value;
        return this;
    }

    /**
     * @return the largest implied volatility (a fraction: 10 is 1,000%) of a tick's mark IV or of a smile at the
     * money; 0: off.
     */
    public double maxVol()
    {
        return maxVol;
    }

    public InputBounds maxExchangeTimeAheadNs(final long value)
    {
        maxExchangeTimeAheadNs = value;
        return this;
    }

    /**
     * @return how far a fill's or a tick's exchange time may be ahead of engine time, ns; 0: off.
     */
    public long maxExchangeTimeAheadNs()
    {
        return maxExchangeTimeAheadNs;
    }

    public InputBounds maxControlValue(final double value)
    {
        maxControlValue = value;
        return this;
    }

    /**
     * @return the largest |value| of a SET_LIMIT or SET_EQUITY command (a limit is cleared by CLEAR_LIMIT, not by
     * a huge value); 0: off.
     */
    public double maxControlValue()
    {
        return maxControlValue;
    }
}

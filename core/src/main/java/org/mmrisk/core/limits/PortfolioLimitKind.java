package org.mmrisk.core.limits;

import org.mmrisk.core.output.AlertCode;

/**
 * The limits of the whole portfolio, every underlying together, in USD; a breach moves every underlying along the
 * ladder. {@link #key()} names the limit in the config and in {@code risk control set-limit} (without an underlying).
 */
public enum PortfolioLimitKind implements NamedLimit
{
    /** |Σ delta × index|, USD. */
    TOTAL_DELTA_USD("totalDeltaUsd", AlertCode.LIMIT_TOTAL_DELTA_USD),
    /** |Σ vega|, USD per vol point. */
    TOTAL_VEGA("totalVega", AlertCode.LIMIT_TOTAL_VEGA),
    /** Σ gross notional, USD. */
    TOTAL_NOTIONAL("totalNotional", AlertCode.LIMIT_TOTAL_NOTIONAL),
    /** Loss of Σ P&L from its peak since the start of the trading day, USD. */
    TOTAL_LOSS("totalLoss", AlertCode.LIMIT_TOTAL_LOSS),
    /** The portfolio's delta-gamma VaR across correlated underlyings, USD (docs/var.md). */
    TOTAL_VAR("totalVar", AlertCode.LIMIT_TOTAL_VAR),
    /** The portfolio's delta-gamma VaR plus every underlying's cost of unwinding, USD. */
    TOTAL_LIQUIDITY_VAR("totalLiquidityAdjustedVar", AlertCode.LIMIT_TOTAL_LIQUIDITY_VAR);

    /** All constants, shared so that iterating them does not allocate. */
    public static final PortfolioLimitKind[] VALUES = values();

    private final String key;
    private final AlertCode alertCode;

    PortfolioLimitKind(final String key, final AlertCode alertCode)
    {
        this.key = key;
        this.alertCode = alertCode;
    }

    @Override
    public String key()
    {
        return key;
    }

    @Override
    public AlertCode alertCode()
    {
        return alertCode;
    }

    /**
     * @return the limit named {@code key} (ASCII bytes, as a control message carries it), or null.
     */
    public static PortfolioLimitKind fromKey(final byte[] key, final int length)
    {
        return NamedLimit.byKey(VALUES, key, length);
    }

    public static PortfolioLimitKind fromKey(final String key)
    {
        return NamedLimit.byKey(VALUES, key);
    }
}

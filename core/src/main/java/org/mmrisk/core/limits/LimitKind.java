package org.mmrisk.core.limits;

import org.mmrisk.core.output.AlertCode;

/**
 * The risk limits of an underlying. Each is a positive number in the unit of its measure; a breach moves the
 * underlying along the quoting ladder ({@link Ladder}). {@link #key()} names the limit in the config and in
 * {@code risk control set-limit}.
 */
public enum LimitKind implements NamedLimit
{
    /** |delta|, coins (the coin account included when equity counts as delta). */
    DELTA("delta", AlertCode.LIMIT_DELTA),
    /** |dollar gamma|, USD of delta change for a 1% index move. */
    DOLLAR_GAMMA("dollarGamma", AlertCode.LIMIT_DOLLAR_GAMMA),
    /** |vega|, USD per vol point. */
    VEGA("vega", AlertCode.LIMIT_VEGA),
    /** Gross notional of every position, USD. */
    NOTIONAL("notional", AlertCode.LIMIT_NOTIONAL),
    /** |position| of any one instrument, contracts. */
    POSITION("position", AlertCode.LIMIT_POSITION),
    /** Loss from the day's peak P&L (realized + unrealized), USD: the trailing kill switch. */
    LOSS("loss", AlertCode.LIMIT_LOSS),
    /** |vega| of any one expiry, USD per vol point. */
    EXPIRY_VEGA("expiryVega", AlertCode.LIMIT_EXPIRY_VEGA),
    /**
     * Maintenance margin / equity, a fraction, from the last margin refresh; equity at or below zero is a breach
     * (read as infinite utilization).
     */
    MARGIN_UTILIZATION("marginUtilization", AlertCode.LIMIT_MARGIN),
    /**
     * The minimum distance to liquidation, a fraction of the index: the utilization is this limit divided by the
     * nearest liquidation distance |move| (0 when none is in range), read against the ladder directly.
     */
    LIQUIDATION_PROXIMITY("liquidationProximity", AlertCode.LIMIT_LIQUIDATION),
    /** The underlying's own delta-gamma VaR, USD (docs/var.md); unknown with an index reads as a breach. */
    VAR("var", AlertCode.LIMIT_VAR),
    /** The delta-gamma VaR plus the cost of unwinding, USD. */
    LIQUIDITY_VAR("liquidityAdjustedVar", AlertCode.LIMIT_LIQUIDITY_VAR);

    /** All constants, shared so that iterating them does not allocate. */
    public static final LimitKind[] VALUES = values();

    private final String key;
    private final AlertCode alertCode;

    LimitKind(final String key, final AlertCode alertCode)
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
    public static LimitKind fromKey(final byte[] key, final int length)
    {
        return NamedLimit.byKey(VALUES, key, length);
    }

    public static LimitKind fromKey(final String key)
    {
        return NamedLimit.byKey(VALUES, key);
    }
}

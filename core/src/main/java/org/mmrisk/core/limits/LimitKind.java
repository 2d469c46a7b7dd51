package org.mmrisk.core.limits;

import org.mmrisk.core.output.AlertCode;

/**
 * The risk limits of an underlying. Each is a positive number in the unit of its measure; a breach moves the
 * underlying along the quoting ladder ({@link Ladder}). {@link #key()} names the limit in the config and in
 * {@code risk control set-limit}.
 */
public enum LimitKind
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
    EXPIRY_VEGA("expiryVega", AlertCode.LIMIT_EXPIRY_VEGA);

    /** All constants, shared so that iterating them does not allocate. */
    public static final LimitKind[] VALUES = values();

    private final String key;
    private final AlertCode alertCode;

    LimitKind(final String key, final AlertCode alertCode)
    {
        this.key = key;
        this.alertCode = alertCode;
    }

    public String key()
    {
        return key;
    }

    public AlertCode alertCode()
    {
        return alertCode;
    }

    /**
     * @return the limit named {@code key} (ASCII bytes, as a control message carries it), or null.
     */
    public static LimitKind fromKey(final byte[] key, final int length)
    {
        for (final LimitKind kind : VALUES)
        {
            if (matches(kind.key, key, length))
            {
                return kind;
            }
        }
        return null;
    }

    public static LimitKind fromKey(final String key)
    {
        for (final LimitKind kind : VALUES)
        {
            if (kind.key.equals(key))
            {
                return kind;
            }
        }
        return null;
    }

    static boolean matches(final String expected, final byte[] key, final int length)
    {
        if (expected.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (expected.charAt(i) != key[i])
            {
                return false;
            }
        }
        return true;
    }
}

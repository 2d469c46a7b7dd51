package org.mmrisk.core.event;

/**
 * How an instrument settles: LINEAR in the quote currency (USD, USDT, USDC), INVERSE in the coin (coin-margined).
 * The ordinals match the wire encoding.
 */
public enum Settlement
{
    LINEAR, INVERSE;

    public static final Settlement[] VALUES = values();

    /**
     * @return the constant with this ordinal, or null when out of range (no allocation).
     */
    public static Settlement fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}

package org.mmrisk.core.event;

/**
 * Side of the desk's own trade.
 * The ordinals match the wire encoding.
 */
public enum Side
{
    BUY, SELL;

    public static final Side[] VALUES = values();

    /**
     * @return the constant with this ordinal, or null when out of range (no allocation).
     */
    public static Side fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}

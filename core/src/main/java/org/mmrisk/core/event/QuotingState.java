package org.mmrisk.core.event;

/**
 * The quoting state of an underlying, from least to most restrictive.
 * The ordinals match the wire encoding.
 */
public enum QuotingState
{
    NORMAL, WIDEN, REDUCE_ONLY, HALT;

    public static final QuotingState[] VALUES = values();

    /**
     * @return the constant with this ordinal, or null when out of range (no allocation).
     */
    public static QuotingState fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}

package org.mmrisk.core.event;

/**
 * What an instrument is.
 * The ordinals match the wire encoding.
 */
public enum InstrumentKind
{
    INDEX, SPOT, PERPETUAL, FUTURE, OPTION;

    public static final InstrumentKind[] VALUES = values();

    /**
     * @return the constant with this ordinal, or null when out of range (no allocation).
     */
    public static InstrumentKind fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}

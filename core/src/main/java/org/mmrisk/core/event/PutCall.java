package org.mmrisk.core.event;

/**
 * Option right; NONE for everything that is not an option.
 * The ordinals match the wire encoding.
 */
public enum PutCall
{
    NONE, CALL, PUT;

    public static final PutCall[] VALUES = values();

    /**
     * @return the constant with this ordinal, or null when out of range (no allocation).
     */
    public static PutCall fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}

package org.mmrisk.core.event;

/**
 * The unit of an instrument's contract size.
 * The ordinals match the wire encoding.
 */
public enum ContractUnit
{
    COIN, USD;

    public static final ContractUnit[] VALUES = values();

    /**
     * @return the constant with this ordinal, or null when out of range (no allocation).
     */
    public static ContractUnit fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}

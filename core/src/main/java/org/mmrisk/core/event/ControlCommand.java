package org.mmrisk.core.event;

/**
 * Operator commands arriving on the control queue.
 * The ordinals match the wire encoding.
 */
public enum ControlCommand
{
    HALT, RESUME, SET_LIMIT, SET_EQUITY,
    /** Removes a limit (per underlying, of every underlying, or of the portfolio): no value. */
    CLEAR_LIMIT;

    public static final ControlCommand[] VALUES = values();

    /**
     * @return the constant with this ordinal, or null when out of range (no allocation).
     */
    public static ControlCommand fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}

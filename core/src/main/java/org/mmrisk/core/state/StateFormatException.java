package org.mmrisk.core.state;

/**
 * Recorded state that cannot be restored: a block out of step, a value out of range, the end reached early. Only
 * ever thrown while restoring (at start-up), never on the hot path.
 */
public final class StateFormatException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public StateFormatException(final String message)
    {
        super(message);
    }
}

package org.mmrisk.daemon.cli;

/**
 * The right of an option on the command line of {@code risk price} and {@code risk iv}.
 */
public enum OptionType
{
    CALL, PUT;

    public boolean isCall()
    {
        return this == CALL;
    }
}

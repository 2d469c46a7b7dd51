package org.mmrisk.daemon.config;

/**
 * A configuration file that cannot be used: the message names the file, the key and the reason.
 */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public ConfigException(final String message)
    {
        super(message);
    }

    public ConfigException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}

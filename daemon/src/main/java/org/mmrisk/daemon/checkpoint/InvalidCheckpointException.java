package org.mmrisk.daemon.checkpoint;

/**
 * A checkpoint file that cannot be used, with the reason (truncated, checksum mismatch, another layout or
 * configuration). Start-up logs it and tries the next older checkpoint.
 */
public final class InvalidCheckpointException extends Exception
{
    private static final long serialVersionUID = 1L;

    public InvalidCheckpointException(final String reason)
    {
        super(reason);
    }
}

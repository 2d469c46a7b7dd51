package org.mmrisk.daemon.snapshot;

/**
 * A snapshot file that cannot be used, with the reason (truncated, checksum mismatch, another layout or
 * configuration). Start-up logs it and tries the next older snapshot.
 */
public final class InvalidSnapshotException extends Exception
{
    private static final long serialVersionUID = 1L;

    public InvalidSnapshotException(final String reason)
    {
        super(reason);
    }
}

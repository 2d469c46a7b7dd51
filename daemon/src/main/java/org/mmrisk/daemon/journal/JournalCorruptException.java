package org.mmrisk.daemon.journal;

/**
 * A journal entry that cannot be trusted: not a journal entry, a checksum that does not match its bytes, or a
 * sequence out of order. Its message names the journal, the entry's index and cycle file, the last good sequence and
 * what is wrong. Thrown by the thread reading the journal.
 */
public final class JournalCorruptException extends IllegalStateException
{
    private final long lastGoodSequence;

    public JournalCorruptException(final String message, final long lastGoodSequence)
    {
        super(message);
        this.lastGoodSequence = lastGoodSequence;
    }

    /**
     * @return the sequence of the last entry read that checked out, -1 when none did.
     */
    public long lastGoodSequence()
    {
        return lastGoodSequence;
    }
}

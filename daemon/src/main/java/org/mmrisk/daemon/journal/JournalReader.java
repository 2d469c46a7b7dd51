package org.mmrisk.daemon.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.daemon.queue.SbeTailer;

/**
 * Reads the sequenced input journal from its start, entry by entry, as the engine saw it. Replay and recovery use
 * it. Owned by the reading thread.
 */
public final class JournalReader implements AutoCloseable
{
    private final SbeTailer tailer;
    private final JournalDecoder decoder = new JournalDecoder();

    public JournalReader(final ChronicleQueue journal)
    {
        this.tailer = new SbeTailer(journal);
    }

    /**
     * @return 1 when an entry was handed over, 0 at the end of the journal.
     * @throws IllegalStateException when an entry is not a valid journal entry (the journal is corrupt).
     */
    public int poll(final JournalDecoder.EntryHandler handler)
    {
        return tailer.poll(decoder.handler(handler));
    }

    @Override
    public void close()
    {
        tailer.close();
    }
}

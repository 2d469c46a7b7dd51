package org.mmrisk.daemon.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.daemon.queue.SbeTailer;

/**
 * Reads the sequenced input journal from its start, entry by entry, as the engine saw it, checking each entry
 * ({@link JournalDecoder}). Replay and recovery use it. Owned by the reading thread.
 */
public final class JournalReader implements AutoCloseable
{
    private final SbeTailer tailer;
    private final JournalDecoder decoder = new JournalDecoder();

    public JournalReader(final ChronicleQueue journal)
    {
        this.tailer = new SbeTailer(journal);
        decoder.journalName("journal " + journal.fileAbsolutePath());
    }

    /**
     * @param sequence entries up to this sequence (a checkpoint's) are read over unchecked; -1 (default): check all.
     */
    public JournalReader verifyAfter(final long sequence)
    {
        decoder.verifyAfter(sequence);
        return this;
    }

    /**
     * @return 1 when an entry was handed over, 0 at the end of the journal.
     * @throws JournalCorruptException when an entry is not sound (the journal is corrupt).
     */
    public int poll(final JournalDecoder.EntryHandler handler)
    {
        return tailer.poll(decoder.handler(handler));
    }

    /**
     * @return the sequence of the last entry handed over, -1 before the first.
     */
    public long lastGoodSequence()
    {
        return decoder.lastGoodSequence();
    }

    /**
     * @return the queue index of the last entry handed over, -1 before the first.
     */
    public long lastGoodIndex()
    {
        return decoder.lastGoodIndex();
    }

    /**
     * @return where the last entry read lies in its cycle file ({@link SbeTailer#lastHeaderPosition()}).
     */
    public long lastHeaderPosition()
    {
        return tailer.lastHeaderPosition();
    }

    /**
     * @return the queue index of the next entry to read.
     */
    public long nextIndex()
    {
        return tailer.index();
    }

    @Override
    public void close()
    {
        tailer.close();
    }
}

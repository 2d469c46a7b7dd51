package org.mmrisk.daemon.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.DirectBuffer;
import org.mmrisk.codecs.BooleanType;
import org.mmrisk.codecs.JournalEntryDecoder;
import org.mmrisk.codecs.JournalEntryKind;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.DecodeError;
import org.mmrisk.daemon.codec.InputDecoder;
import org.mmrisk.daemon.queue.SbeTailer;

/**
 * Reads the sequenced input journal back into {@link RiskEvent}s exactly as the engine saw them: same decoder,
 * same engine time, same batch ends. Replay and recovery use it. Owned by the reading thread.
 */
public final class JournalReader implements AutoCloseable, SbeTailer.MessageHandler
{
    /**
     * Receives each journaled event.
     */
    @FunctionalInterface
    public interface EntryHandler
    {
        void onEntry(RiskEvent event, int sourceId, long sourceIndex);
    }

    private final SbeTailer tailer;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final JournalEntryDecoder entry = new JournalEntryDecoder();
    private final InputDecoder inputDecoder = new InputDecoder();
    private final RiskEvent event = new RiskEvent();
    private EntryHandler handler;

    public JournalReader(final ChronicleQueue journal)
    {
        this.tailer = new SbeTailer(journal);
    }

    /**
     * @return 1 when an entry was handed over, 0 at the end of the journal.
     * @throws IllegalStateException when an entry is not a valid journal entry (the journal is corrupt).
     */
    public int poll(final EntryHandler handler)
    {
        this.handler = handler;
        return tailer.poll(this);
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        header.wrap(buffer, offset);
        if (length < MessageHeaderDecoder.ENCODED_LENGTH || header.templateId() != JournalEntryDecoder.TEMPLATE_ID ||
            header.schemaId() != JournalEntryDecoder.SCHEMA_ID)
        {
            throw new IllegalStateException("not a journal entry at index " + index);
        }
        entry.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final int payloadLength = entry.payloadLength();
        final int payloadOffset = entry.limit() + JournalEntryDecoder.payloadHeaderLength();
        if (entry.kind() == JournalEntryKind.TIMER)
        {
            event.reset();
            event.type = EventType.TIMER;
        }
        else
        {
            final DecodeError error = inputDecoder.decode(buffer, payloadOffset, payloadLength, event);
            if (error != null)
            {
                throw new IllegalStateException("journal entry " + entry.sequence() + " holds an undecodable input: " +
                    error);
            }
        }
        event.journalSequence = entry.sequence();
        event.timeNs = entry.timeNs();
        event.receiveTimeNs = entry.receiveTimeNs();
        event.batchEnd = entry.batchEnd() == BooleanType.TRUE;
        handler.onEntry(event, entry.sourceId(), entry.sourceIndex());
    }

    @Override
    public void close()
    {
        tailer.close();
    }
}

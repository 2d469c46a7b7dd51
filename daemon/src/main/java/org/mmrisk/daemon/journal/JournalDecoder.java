package org.mmrisk.daemon.journal;

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
 * Decodes one journal entry back into the {@link RiskEvent} the engine saw: same input decoder, same engine time,
 * same batch end. Owned by the reading thread.
 */
public final class JournalDecoder implements SbeTailer.MessageHandler
{
    /**
     * Receives each journaled event.
     */
    @FunctionalInterface
    public interface EntryHandler
    {
        void onEntry(RiskEvent event, int sourceId, long sourceIndex);
    }

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final JournalEntryDecoder entry = new JournalEntryDecoder();
    private final InputDecoder inputDecoder = new InputDecoder();
    private final RiskEvent event = new RiskEvent();
    private EntryHandler handler;

    public JournalDecoder handler(final EntryHandler handler)
    {
        this.handler = handler;
        return this;
    }

    /**
     * Wraps {@code entry} over one journal excerpt.
     *
     * @throws IllegalStateException when the message is not a journal entry (the journal is corrupt).
     */
    static void wrapEntry(final MessageHeaderDecoder header, final JournalEntryDecoder entry,
        final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        header.wrap(buffer, offset);
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + JournalEntryDecoder.BLOCK_LENGTH ||
            header.templateId() != JournalEntryDecoder.TEMPLATE_ID || header.schemaId() != JournalEntryDecoder.SCHEMA_ID)
        {
            throw new IllegalStateException("not a journal entry at index " + index);
        }
        entry.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
    }

    /**
     * @throws IllegalStateException when the message is not a valid journal entry (the journal is corrupt).
     */
    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        wrapEntry(header, entry, buffer, offset, length, index);
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
        event.sourceId = entry.kind() == JournalEntryKind.TIMER ? RiskEvent.NO_SOURCE : entry.sourceId();
        handler.onEntry(event, entry.sourceId(), entry.sourceIndex());
    }
}

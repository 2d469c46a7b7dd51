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
import org.mmrisk.daemon.codec.MessageChecksum;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;
import org.mmrisk.daemon.retention.CycleFiles;

/**
 * Decodes one journal entry back into the {@link RiskEvent} the engine saw: same input decoder, same engine time,
 * same batch end. Before it hands an entry over it checks it: a journal entry of a sound layout, its checksum (schema
 * version 4 on; older entries have none) and its sequence, the one after the previous entry's. An entry that fails is
 * a {@link JournalCorruptException}, never applied. Entries at or before {@link #verifyAfter(long)} (those a
 * checkpoint already holds) are passed over unchecked but for their layout. Owned by the reading thread.
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

    private static final long NONE = Long.MIN_VALUE;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final JournalEntryDecoder entry = new JournalEntryDecoder();
    private final InputDecoder inputDecoder = new InputDecoder();
    private final MessageChecksum checksum = new MessageChecksum();
    private final RiskEvent event = new RiskEvent();
    private EntryHandler handler;
    private String journalName = "the journal";
    private long verifyAfterSequence = -1;
    private long previousSequence = NONE;
    private long lastGoodSequence = -1;
    private long lastGoodIndex = -1;

    public JournalDecoder handler(final EntryHandler handler)
    {
        this.handler = handler;
        return this;
    }

    /**
     * @param journalName how errors name the journal (its directory).
     */
    public JournalDecoder journalName(final String journalName)
    {
        this.journalName = journalName;
        return this;
    }

    /**
     * @param sequence entries up to this sequence (a checkpoint's) are read over unchecked; -1: check every one.
     */
    public JournalDecoder verifyAfter(final long sequence)
    {
        this.verifyAfterSequence = sequence;
        return this;
    }

    /**
     * @return the sequence of the last entry handed over, -1 before the first.
     */
    public long lastGoodSequence()
    {
        return lastGoodSequence;
    }

    /**
     * @return the queue index of the last entry handed over, -1 before the first.
     */
    public long lastGoodIndex()
    {
        return lastGoodIndex;
    }

    /**
     * Wraps {@code entry} over one journal excerpt.
     *
     * @throws IllegalStateException when the message is not a journal entry of a sound layout (the journal is corrupt).
     */
    static void wrapEntry(final MessageHeaderDecoder header, final JournalEntryDecoder entry,
        final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        final String problem = layoutProblem(header, entry, buffer, offset, length);
        if (problem != null)
        {
            throw new IllegalStateException("not a journal entry at index " + Long.toHexString(index) + ": " + problem);
        }
    }

    /**
     * @return what is wrong with the entry's layout, or null when {@code entry} now wraps it and its payload lies
     * exactly within {@code length}.
     */
    private static String layoutProblem(final MessageHeaderDecoder header, final JournalEntryDecoder entry,
        final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return length + " bytes, shorter than a message header";
        }
        header.wrap(buffer, offset);
        if (header.templateId() != JournalEntryDecoder.TEMPLATE_ID || header.schemaId() != JournalEntryDecoder.SCHEMA_ID)
        {
            return "template " + header.templateId() + " of schema " + header.schemaId();
        }
        final int minBlock = header.version() < MessageChecksum.SINCE_VERSION ?
            JournalEntryDecoder.checksumEncodingOffset() : JournalEntryDecoder.BLOCK_LENGTH;
        final int fixed = MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength() +
            JournalEntryDecoder.payloadHeaderLength();
        if (header.blockLength() < minBlock || length < fixed)
        {
            return "root block of " + header.blockLength() + " bytes in " + length + " bytes (version " +
                header.version() + ")";
        }
        entry.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final long payloadLength = entry.payloadLength() & 0xFFFF_FFFFL;
        if (fixed + payloadLength != length)
        {
            return "payload of " + payloadLength + " bytes in an entry of " + length + " bytes";
        }
        return null;
    }

    /**
     * @throws JournalCorruptException when the entry is not sound (the journal is corrupt).
     */
    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        final String problem = layoutProblem(header, entry, buffer, offset, length);
        if (problem != null)
        {
            throw corrupt(index, "not a journal entry: " + problem);
        }
        final long sequence = entry.sequence();
        if (sequence > verifyAfterSequence)
        {
            verify(buffer, offset, length, index, sequence);
        }
        previousSequence = sequence;
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
                throw corrupt(index, "entry " + sequence + " holds an undecodable input: " + error);
            }
        }
        event.journalSequence = sequence;
        event.timeNs = entry.timeNs();
        event.receiveTimeNs = entry.receiveTimeNs();
        event.batchEnd = entry.batchEnd() == BooleanType.TRUE;
        event.sourceId = entry.kind() == JournalEntryKind.TIMER ? RiskEvent.NO_SOURCE : entry.sourceId();
        lastGoodSequence = sequence;
        lastGoodIndex = index;
        handler.onEntry(event, entry.sourceId(), entry.sourceIndex());
    }

    private void verify(final DirectBuffer buffer, final int offset, final int length, final long index,
        final long sequence)
    {
        if (header.version() >= MessageChecksum.SINCE_VERSION &&
            !checksum.verify(buffer, offset, length, MessageChecksum.journalFieldOffset()))
        {
            throw corrupt(index, "checksum mismatch (the entry's bytes changed after it was written; it reads as " +
                "sequence " + sequence + ")");
        }
        if (previousSequence != NONE && sequence != previousSequence + 1)
        {
            throw corrupt(index, "sequence " + sequence + " follows sequence " + previousSequence + " (" +
                (sequence > previousSequence ? "a gap: " + (sequence - previousSequence - 1) + " missing" :
                "out of order") + ")");
        }
    }

    private JournalCorruptException corrupt(final long index, final String what)
    {
        return new JournalCorruptException(journalName + ": entry at index " + Long.toHexString(index) + " (file " +
            CycleFiles.fileName(Queues.ROLL_CYCLE.toCycle(index)) + "), after sequence " + lastGoodSequence + ": " +
            what, lastGoodSequence);
    }
}

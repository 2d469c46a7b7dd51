package org.mmrisk.daemon.journal;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.MutableDirectBuffer;
import org.mmrisk.codecs.BooleanType;
import org.mmrisk.codecs.JournalEntryEncoder;
import org.mmrisk.codecs.JournalEntryKind;
import org.mmrisk.codecs.MessageHeaderEncoder;
import org.mmrisk.daemon.codec.MessageChecksum;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.fault.FaultInjection;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.ring.RingEvent;
import org.mmrisk.daemon.storage.FreeSpaceGuard;

/**
 * The second ring consumer (LMAX's journaller): writes every ring event — inputs and timers, with engine time and
 * the batch-end flag — in ring order to the sequenced input journal, then advances {@link #journaledSequence()},
 * which egress waits on before publishing a batch's outputs.
 * <p>
 * Runs on its own thread, off the engine's critical path; its Chronicle appender is created on that thread.
 */
public final class Journaller implements EventHandler<RingEvent>, AutoCloseable
{
    private final ChronicleQueue journal;
    private final DaemonCounters counters;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final JournalEntryEncoder entry = new JournalEntryEncoder();
    private final MessageChecksum checksum = new MessageChecksum();
    private final Sequence journaled = new Sequence(-1);
    private final FreeSpaceGuard space;
    private SbeAppender appender;

    /**
     * @param space checked before each write, so that a full file system makes the journaller wait (or stop the
     *              daemon), never fault mid-entry.
     */
    public Journaller(final ChronicleQueue journal, final DaemonCounters counters, final FreeSpaceGuard space)
    {
        this.journal = journal;
        this.counters = counters;
        this.space = space;
    }

    @Override
    public void onStart()
    {
        appender = new SbeAppender(journal);
    }

    @Override
    public void onEvent(final RingEvent event, final long ringSequence, final boolean endOfBatch)
    {
        final int length = encodedLength(event.payloadLength);
        space.beforeWrite(length);
        FaultInjection.reached(FaultInjection.JOURNAL_WRITE);
        final MutableDirectBuffer buffer = appender.claim(length);
        encode(event, buffer, header, entry, checksum);
        appender.commit();
        counters.journalEntries.incrementRelease();
        counters.journalSequence.setRelease(event.event.journalSequence);
        journaled.set(ringSequence);
    }

    public static int encodedLength(final int payloadLength)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + JournalEntryEncoder.BLOCK_LENGTH +
            JournalEntryEncoder.payloadHeaderLength() + payloadLength;
    }

    /**
     * Encodes one ring event as a journal entry at offset 0 of {@code buffer}, its checksum last.
     */
    public static void encode(final RingEvent event, final MutableDirectBuffer buffer,
        final MessageHeaderEncoder header, final JournalEntryEncoder entry, final MessageChecksum checksum)
    {
        entry.wrapAndApplyHeader(buffer, 0, header)
            .sequence(event.event.journalSequence)
            .timeNs(event.event.timeNs)
            .receiveTimeNs(event.event.receiveTimeNs)
            .sourceIndex(event.sourceIndex)
            .sourceId(event.timer ? 0xFFFF : event.sourceId)
            .kind(event.timer ? JournalEntryKind.TIMER : JournalEntryKind.INPUT)
            .batchEnd(event.event.batchEnd ? BooleanType.TRUE : BooleanType.FALSE)
            .putPayload(event.payload, 0, event.payloadLength);
        checksum.seal(buffer, 0, encodedLength(event.payloadLength), MessageChecksum.journalFieldOffset());
    }

    /**
     * @return the ring sequence of the last event written to the journal; readable from any thread.
     */
    public Sequence journaledSequence()
    {
        return journaled;
    }

    @Override
    public void onShutdown()
    {
        close();
    }

    @Override
    public void close()
    {
        if (appender != null)
        {
            appender.close();
            appender = null;
        }
    }
}

package org.mmrisk.daemon.egress;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.codecs.AlertDecoder;
import org.mmrisk.codecs.HeartbeatDecoder;
import org.mmrisk.codecs.HedgeSignalDecoder;
import org.mmrisk.codecs.MarginStatusDecoder;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.codecs.QuoteAdjustmentDecoder;
import org.mmrisk.codecs.RiskSnapshotDecoder;
import org.mmrisk.codecs.ScenarioGridDecoder;

/**
 * The last output sequence the output queue actually holds, found at start-up by reading the queue backwards from
 * its end until a message that names one: an output carries its own sequence, a heartbeat the last output sequence
 * written before it. A kill can leave the journal ahead of the output queue (a batch journaled, its outputs not yet
 * written); recovery writes the outputs after this sequence again, so consumers see no gap.
 * <p>
 * Used once by the starting thread, before any daemon thread runs.
 */
public final class OutputPosition
{
    /** The output queue holds no output yet. */
    public static final long NONE = -1;

    private OutputPosition()
    {
    }

    /**
     * @return the sequence of the last output message in {@code output}, or {@link #NONE}.
     */
    public static long lastOutputSequence(final ChronicleQueue output)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        try (ExcerptTailer tailer = output.createTailer().direction(TailerDirection.BACKWARD).toEnd())
        {
            while (true)
            {
                try (DocumentContext context = tailer.readingDocument())
                {
                    if (!context.isPresent())
                    {
                        return NONE;
                    }
                    final Bytes<?> bytes = context.wire().bytes();
                    final int length = (int)bytes.readRemaining();
                    if (length < MessageHeaderDecoder.ENCODED_LENGTH + Long.BYTES)
                    {
                        continue;
                    }
                    buffer.wrap(bytes.addressForRead(bytes.readPosition()), length);
                    final long sequence = sequenceOf(buffer, header);
                    if (sequence != NONE)
                    {
                        return sequence;
                    }
                }
            }
        }
    }

    private static long sequenceOf(final UnsafeBuffer buffer, final MessageHeaderDecoder header)
    {
        header.wrap(buffer, 0);
        final int body = MessageHeaderDecoder.ENCODED_LENGTH;
        final int block = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case QuoteAdjustmentDecoder.TEMPLATE_ID:
                return new QuoteAdjustmentDecoder().wrap(buffer, body, block, version).sequence();
            case RiskSnapshotDecoder.TEMPLATE_ID:
                return new RiskSnapshotDecoder().wrap(buffer, body, block, version).sequence();
            case AlertDecoder.TEMPLATE_ID:
                return new AlertDecoder().wrap(buffer, body, block, version).sequence();
            case HedgeSignalDecoder.TEMPLATE_ID:
                return new HedgeSignalDecoder().wrap(buffer, body, block, version).sequence();
            case ScenarioGridDecoder.TEMPLATE_ID:
                return new ScenarioGridDecoder().wrap(buffer, body, block, version).sequence();
            case MarginStatusDecoder.TEMPLATE_ID:
                return new MarginStatusDecoder().wrap(buffer, body, block, version).sequence();
            case HeartbeatDecoder.TEMPLATE_ID:
                return new HeartbeatDecoder().wrap(buffer, body, block, version).lastOutputSequence();
            default:
                return NONE;
        }
    }
}

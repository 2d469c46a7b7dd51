package org.mmrisk.bench.latency;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.mmrisk.codecs.InstrumentKind;
import org.mmrisk.codecs.MarketTickDecoder;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.codecs.MessageHeaderEncoder;
import org.mmrisk.codecs.QuoteAdjustmentEncoder;
import org.mmrisk.codecs.QuotingState;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.queue.SbeTailer;

/**
 * The relay's duty cycle: read the clock once (as the daemon's ingress does), drain up to a batch of ticks, and
 * write one {@code QuoteAdjustment} per tick straight into the output queue's mapped file, its cause fields taken
 * from the tick. Owned by the relay's thread; allocation-free.
 */
final class TickRelay implements SbeTailer.MessageHandler
{
    private static final int BATCH_LIMIT = 256;

    private final MessageHeaderDecoder inHeader = new MessageHeaderDecoder();
    private final MarketTickDecoder tick = new MarketTickDecoder();
    private final MessageHeaderEncoder outHeader = new MessageHeaderEncoder();
    private final QuoteAdjustmentEncoder quote = new QuoteAdjustmentEncoder();
    private final SbeAppender appender;
    private final EpochNanoClock clock;
    private long receiveTimeNs;
    private long relayed;

    TickRelay(final SbeAppender appender, final EpochNanoClock clock)
    {
        this.appender = appender;
        this.clock = clock;
    }

    int doWork(final SbeTailer tailer)
    {
        receiveTimeNs = clock.nanoTime();
        int work = 0;
        while (work < BATCH_LIMIT && tailer.poll(this) > 0)
        {
            work++;
        }
        return work;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return;
        }
        inHeader.wrap(buffer, offset);
        if (inHeader.templateId() != MarketTickDecoder.TEMPLATE_ID)
        {
            return;
        }
        tick.wrapAndApplyHeader(buffer, offset, inHeader);
        final MutableDirectBuffer out = appender.claim(MessageHeaderEncoder.ENCODED_LENGTH +
            QuoteAdjustmentEncoder.BLOCK_LENGTH);
        quote.wrapAndApplyHeader(out, 0, outHeader)
            .sequence(relayed)
            .timeNs(receiveTimeNs)
            .instrumentId(tick.instrumentId())
            .shift(0)
            .shiftVol(0)
            .bidSpreadMult(1)
            .askSpreadMult(1)
            .bidSizeMult(1)
            .askSizeMult(1)
            .causeJournalSequence(relayed)
            .causeReceiveTimeNs(receiveTimeNs)
            .causeSendTimeNs(tick.sendTimeNs())
            .state(QuotingState.NORMAL)
            .kind(InstrumentKind.INDEX);
        appender.commit();
        relayed++;
    }

    long relayed()
    {
        return relayed;
    }
}

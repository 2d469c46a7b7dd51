package org.mmrisk.bench.latency;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.mmrisk.codecs.MarketTickDecoder;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.codecs.QuoteAdjustmentDecoder;
import org.mmrisk.daemon.queue.SbeTailer;

/**
 * Decodes what the reader tails and hands latencies to a {@link LatencyRecorder}. Two sources:
 * <ul>
 *   <li>{@code QUOTES} (behind the daemon or the relay): {@code QuoteAdjustment}s; the cause is
 *   {@code causeJournalSequence}, its send time {@code causeSendTimeNs}; the first output of each cause is the
 *   headline figure, every output goes to the "all" histogram; internal = receive − {@code causeReceiveTimeNs}.</li>
 *   <li>{@code TICKS} (the raw hop): the writer's {@code MarketTick}s, each its own cause.</li>
 * </ul>
 * Other templates are skipped. The window is {@code [first send seen + warmup, + seconds)} by the cause's send time.
 * <p>
 * Owned by the reader's thread; allocation-free.
 */
public final class OutputLatencyAdapter implements SbeTailer.MessageHandler
{
    /** What the reader tails. */
    public enum Source
    {
        QUOTES, TICKS
    }

    private static final long NONE = Long.MIN_VALUE;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final QuoteAdjustmentDecoder quote = new QuoteAdjustmentDecoder();
    private final MarketTickDecoder tick = new MarketTickDecoder();
    private final Source source;
    private final EpochNanoClock clock;
    private final long warmupNs;
    private final int seconds;
    private final long expectedIntervalNs;
    private LatencyRecorder recorder;
    private long firstSendNs = NONE;
    private long lastCause = NONE;
    private boolean windowPassed;

    /**
     * @param expectedIntervalNs the writer's send interval: the expected interval of the coordinated-omission
     *                           correction.
     */
    public OutputLatencyAdapter(final Source source, final EpochNanoClock clock, final long warmupNs,
        final int seconds, final long expectedIntervalNs)
    {
        this.source = source;
        this.clock = clock;
        this.warmupNs = warmupNs;
        this.seconds = seconds;
        this.expectedIntervalNs = expectedIntervalNs;
    }

    /**
     * @return the recorder, created when the first message fixes the window; null before.
     */
    public LatencyRecorder recorder()
    {
        return recorder;
    }

    /** @return true once an output caused after the window's end has been read. */
    public boolean windowPassed()
    {
        return windowPassed;
    }

    public long windowStartNs()
    {
        return firstSendNs == NONE ? NONE : firstSendNs + warmupNs;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        final long receiveNs = clock.nanoTime();
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return;
        }
        header.wrap(buffer, offset);
        final int template = header.templateId();
        if (source == Source.QUOTES && template == QuoteAdjustmentDecoder.TEMPLATE_ID)
        {
            quote.wrapAndApplyHeader(buffer, offset, header);
            onCause(quote.causeJournalSequence(), quote.causeSendTimeNs(), quote.causeReceiveTimeNs(), receiveNs);
        }
        else if (source == Source.TICKS && template == MarketTickDecoder.TEMPLATE_ID)
        {
            tick.wrapAndApplyHeader(buffer, offset, header);
            onCause(index, tick.sendTimeNs(), NONE, receiveNs);
        }
    }

    private void onCause(final long cause, final long sendNs, final long consumerReadNs, final long receiveNs)
    {
        if (sendNs <= 0)
        {
            return; // an output whose cause carried no send stamp (e.g. a timer's): not a latency sample
        }
        if (firstSendNs == NONE)
        {
            firstSendNs = sendNs;
            recorder = new LatencyRecorder(expectedIntervalNs, new LagTrend(windowStartNs(), seconds, expectedIntervalNs));
        }
        final long sinceStartNs = sendNs - windowStartNs();
        if (sinceStartNs < 0)
        {
            return;
        }
        if (sinceStartNs >= seconds * 1_000_000_000L)
        {
            windowPassed = true;
            return;
        }
        final long latencyNs = receiveNs - sendNs;
        recorder.recordAny(latencyNs);
        if (cause != lastCause)
        {
            lastCause = cause;
            recorder.recordFirst(sendNs, latencyNs, consumerReadNs == NONE ? -1 : receiveNs - consumerReadNs);
        }
    }
}

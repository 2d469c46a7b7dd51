package org.mmrisk.daemon.ingress;

import com.lmax.disruptor.RingBuffer;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.core.event.EventType;
import org.mmrisk.daemon.codec.DecodeError;
import org.mmrisk.daemon.codec.InputDecoder;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.queue.SbeTailer;
import org.mmrisk.daemon.ring.RingEvent;

import java.io.PrintStream;

/**
 * Tails every input queue, merges them into the ring and injects timer events: the only place where wall-clock
 * time enters the engine.
 * <p>
 * Duty cycle: read the clock once and stamp the cycle's engine time max(last stamp, clock); poll the sources in
 * turn (rotating the first one, for fairness) up to the batch limit, decoding each message straight into a claimed
 * ring slot; inject a timer when one is due; then end the batch by publishing the last event with
 * {@code batchEnd} set. One event is held back until the next one decodes, so the last event of a batch is known
 * when it is published. A message that does not decode is counted under its reason and skipped; its slot is reused.
 * <p>
 * <b>Batches grow under load.</b> While the consumers still have events of the ring to process, ending the batch
 * would only queue another batch end behind them, so the batch stays open (its last event held back) and the
 * next cycle's events join it, up to the batch limit; it ends as soon as the consumers have caught up, or once it has
 * been open for {@code maxBatchHoldNs} of wall time: a consumer that parks between events (a backing-off wait) is
 * "behind" only because it sleeps, and without that bound its batches would wait for the batch limit. The engine's
 * per-batch work (exposure, quotes) is then spread over more events exactly when input outruns it. The boundaries
 * are journaled, so replay reproduces them whatever the timing was.
 * <p>
 * The ring must use a multi-producer sequencer although this is its only producer: a held-back or spare slot is
 * claimed but unpublished across the next claim, and only that sequencer keeps such slots hidden from consumers.
 * <p>
 * Owned by the ingress thread (a test or benchmark may instead call {@link #doWork()} on its own thread);
 * allocation-free in steady state.
 */
public final class IngressAgent implements Agent, SbeTailer.MessageHandler
{
    private static final long NO_SEQUENCE = -1;
    /** As {@code ingress.stallTimeoutMs}'s default. */
    private static final long DEFAULT_STALL_TIMEOUT_NS = 2_000_000_000L;

    private final ChronicleQueue[] queues;
    private final long[] resumeAfterIndex;
    private final SbeTailer[] sources;
    private final RingBuffer<RingEvent> ring;
    private final EpochNanoClock clock;
    private final DaemonCounters counters;
    private final InputDecoder decoder = new InputDecoder();
    private final int batchLimit;
    private final long maxBatchHoldNs;
    private final long timerIntervalNs;

    private long stampNs = Long.MIN_VALUE;
    private long receiveTimeNs;
    private long nextTimerNs = Long.MIN_VALUE;
    private long nextJournalSequence;
    private long pendingSequence = NO_SEQUENCE;
    private long spareSequence = NO_SEQUENCE;
    private int currentSource;
    private int firstSource;
    /** Events in the batch not yet ended, the held-back one included. */
    private int openBatchEvents;
    /** When the batch not yet ended received its first event (wall clock). */
    private long openBatchSinceNs;
    private long lastPublishedSequence = NO_SEQUENCE;
    /**
     * Per source and kind of rejection (a {@link DecodeError}'s ordinal; both checksum failures share one): whether one
     * was already logged. The first of each kind per queue is logged, later ones only counted.
     */
    private final boolean[][] logged;
    private PrintStream errorLog = System.err;
    private ErrorHandler errors = error -> { };
    /** Whether each published slot carries its publish time (stage stamps); off: no clock read at publish. */
    private boolean stampPublish;

    // Input faults (cold path but for one store per source and cycle): the types each source may carry, and stalls.
    /** Per source: the types it may carry ({@link SourceTypes}); every input type by default. */
    private int[] acceptedTypes;
    private InputStallWatch stallWatch;
    /**
     * Set once a source stalled: ingress reads and injects nothing more, so heartbeats stop whatever handles the error.
     */
    private boolean stopped;

    /**
     * @param queues           the input queues, in source-id order.
     * @param resumeAfterIndex per source, the last index already journaled (-1: read from the start).
     * @param maxBatchHoldNs   longest a batch stays open while the consumers are behind (0: never held open).
     */
    public IngressAgent(final ChronicleQueue[] queues, final long[] resumeAfterIndex, final RingBuffer<RingEvent> ring,
        final EpochNanoClock clock, final DaemonCounters counters, final int batchLimit, final long maxBatchHoldNs,
        final long timerIntervalNs, final long firstJournalSequence)
    {
        this.queues = queues;
        this.resumeAfterIndex = resumeAfterIndex;
        this.sources = new SbeTailer[queues.length];
        this.logged = new boolean[queues.length][DecodeError.values().length];
        this.acceptedTypes = new int[queues.length];
        java.util.Arrays.fill(acceptedTypes, SourceTypes.ANY_TYPE);
        this.stallWatch = new InputStallWatch(queues.length, DEFAULT_STALL_TIMEOUT_NS);
        this.ring = ring;
        this.clock = clock;
        this.counters = counters;
        this.batchLimit = batchLimit;
        this.maxBatchHoldNs = maxBatchHoldNs;
        this.timerIntervalNs = timerIntervalNs;
        this.nextJournalSequence = firstJournalSequence;
    }

    /**
     * Where the first message of another schema of each queue is logged (standard error by default).
     */
    public IngressAgent errorLog(final PrintStream errorLog)
    {
        this.errorLog = errorLog;
        return this;
    }

    /**
     * Whether each published ring slot is stamped with the time of its publication ({@link RingEvent#publishNs}),
     * for the engine thread's stage stamps. Off by default: publishing then reads no clock.
     */
    public IngressAgent stampPublish(final boolean stampPublish)
    {
        this.stampPublish = stampPublish;
        return this;
    }

    /**
     * Also told of each rejection {@link #errorLog} is told of (the daemon's distinct error log; nothing by default).
     */
    public IngressAgent errors(final ErrorHandler errors)
    {
        this.errors = errors;
        return this;
    }

    /**
     * Cold path: a line for the operator, on standard error and in the error log.
     */
    private void logRejection(final String message)
    {
        errorLog.println(message);
        errors.onError(new IllegalArgumentException(message));
    }

    /**
     * Whether a message without a checksum (schema version before 4) is refused ({@code ingress.requireChecksum}).
     */
    public IngressAgent requireChecksum(final boolean requireChecksum)
    {
        decoder.requireChecksum(requireChecksum);
        return this;
    }

    /**
     * Which message types each source may carry ({@link SourceTypes#of}); a message of another type is counted as
     * {@code WRONG_SOURCE} and skipped. Without it every source carries every input type.
     */
    public IngressAgent acceptedTypes(final int[] acceptedTypes)
    {
        if (acceptedTypes.length != queues.length)
        {
            throw new IllegalArgumentException("accepted types for " + acceptedTypes.length + " sources, but " +
                queues.length + " queues");
        }
        this.acceptedTypes = acceptedTypes.clone();
        return this;
    }

    /**
     * How long (wall time) a queue may hold excerpts its reader cannot read before ingress stops
     * ({@code ingress.stallTimeoutMs}).
     */
    public IngressAgent stallTimeoutNs(final long stallTimeoutNs)
    {
        this.stallWatch = new InputStallWatch(queues.length, stallTimeoutNs);
        return this;
    }

    /**
     * Creates the tailers on the agent's own thread (Chronicle tailers belong to their creating thread).
     */
    @Override
    public void onStart()
    {
        for (int i = 0; i < queues.length; i++)
        {
            sources[i] = new SbeTailer(queues[i]);
            if (resumeAfterIndex[i] >= 0 && !sources[i].resumeAfter(resumeAfterIndex[i]))
            {
                throw new IllegalStateException("input " + i + " no longer holds journaled index " +
                    Long.toHexString(resumeAfterIndex[i]));
            }
        }
    }

    /**
     * Publishes a held-back event so that nothing read is left out of the ring at shutdown.
     */
    @Override
    public void onClose()
    {
        if (pendingSequence != NO_SEQUENCE)
        {
            publishPending(true);
        }
        for (final SbeTailer source : sources)
        {
            if (source != null)
            {
                source.close();
            }
        }
    }

    @Override
    public String roleName()
    {
        return "ingress";
    }

    @Override
    public int doWork()
    {
        if (stopped)
        {
            return 0;
        }
        final long nowNs = clock.nanoTime();
        receiveTimeNs = nowNs;
        stampNs = Math.max(stampNs, nowNs);
        int work = 0;
        for (int i = 0; i < sources.length && work < batchLimit; i++)
        {
            currentSource = (firstSource + i) % sources.length;
            final SbeTailer source = sources[currentSource];
            final int before = work;
            while (work < batchLimit && source.poll(this) > 0)
            {
                work++;
            }
            stallWatch.polled(currentSource, work > before, work < batchLimit, nowNs);
        }
        firstSource = (firstSource + 1) % sources.length;
        if (stampNs >= nextTimerNs)
        {
            injectTimer();
            work++;
            checkStalls(nowNs);
        }
        if (lastPublishedSequence != NO_SEQUENCE)
        {
            // how far the slowest consumer (journaller or engine) is behind ingress: the input queue is the buffer
            counters.engineLagEvents.setRelease(lastPublishedSequence - ring.getMinimumGatingSequence());
        }
        if (pendingSequence != NO_SEQUENCE)
        {
            if (openBatchEvents >= batchLimit || !consumersBehind() || nowNs - openBatchSinceNs >= maxBatchHoldNs)
            {
                publishPending(true);
                openBatchEvents = 0;
                counters.ingressBatches.incrementRelease();
            }
            else
            {
                // a batch held open is work in progress: do not let the idle strategy park
                work++;
            }
        }
        return work;
    }

    /**
     * @return true when the journaller or the engine has not yet consumed everything published.
     */
    private boolean consumersBehind()
    {
        return ring.getMinimumGatingSequence() < lastPublishedSequence;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        final boolean firstRead = counters.firstRead(currentSource, index);
        if (firstRead)
        {
            counters.messagesRead(currentSource).incrementRelease();
        }
        final long sequence = claim();
        final RingEvent slot = ring.get(sequence);
        final DecodeError error = length > RingEvent.MAX_PAYLOAD_LENGTH ?
            DecodeError.OVERSIZED_FIELD : decodeCopy(buffer, offset, length, slot);
        if (error != null)
        {
            if (!firstRead)
            {
                // counted and logged by the run that first read it
                spareSequence = sequence;
                return;
            }
            counters.decodeError(error).incrementRelease();
            if (error == DecodeError.WRONG_SCHEMA && firstOfItsKind(error))
            {
                logWrongSchema(buffer, offset, index);
            }
            if ((error == DecodeError.BAD_CHECKSUM || error == DecodeError.MISSING_CHECKSUM) && firstOfItsKind(error))
            {
                logChecksum(error, index);
            }
            spareSequence = sequence;
            return;
        }
        if (!SourceTypes.accepts(acceptedTypes[currentSource], slot.event.type))
        {
            if (firstRead)
            {
                rejectWrongSource(slot.event.type, index);
            }
            spareSequence = sequence;
            return;
        }
        slot.payloadLength = length;
        slot.sourceId = currentSource;
        slot.event.sourceId = currentSource;
        slot.sourceIndex = index;
        slot.timer = false;
        stamp(slot);
        holdBack(sequence);
    }

    /**
     * Copies the message into the slot (its raw bytes go to the journal) and decodes that copy: a direct buffer, whose
     * checksum the CRC32C intrinsic reads in place, where the mapped file would have to be copied out for it.
     */
    private DecodeError decodeCopy(final DirectBuffer buffer, final int offset, final int length, final RingEvent slot)
    {
        slot.payload.putBytes(0, buffer, offset, length);
        return decoder.decode(slot.payload, 0, length, slot.event);
    }

    /**
     * Cold path, once per queue: a gateway writing something other than this schema's SBE is a deployment error
     * that a counter alone would hide.
     */
    private void logWrongSchema(final DirectBuffer buffer, final int offset, final long index)
    {
        logRejection(where(index) + "not an SBE message of schema " + MessageHeaderDecoder.SCHEMA_ID +
            " (header names schema " + (buffer.getShort(offset + MessageHeaderDecoder.schemaIdEncodingOffset(),
            java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF) +
            "); skipped and counted as WRONG_SCHEMA, further ones only counted");
    }

    /**
     * Cold path, once per queue: a corrupted message, or a gateway that writes no checksum where one is required.
     */
    private void logChecksum(final DecodeError error, final long index)
    {
        logRejection(where(index) + (error == DecodeError.BAD_CHECKSUM ?
            "its checksum does not match its bytes (corrupted)" : "no checksum (schema version before 4) while " +
            "ingress.requireChecksum is on") + "; skipped and counted as " + error +
            ", further checksum failures only counted");
    }

    /**
     * A gateway writing a type its queue may not carry (a command on the market queue, a fill on the control queue)
     * is either misconfigured or not who it should be: counted, and logged once per queue.
     */
    private void rejectWrongSource(final EventType type, final long index)
    {
        counters.decodeError(DecodeError.WRONG_SOURCE).incrementRelease();
        if (firstOfItsKind(DecodeError.WRONG_SOURCE))
        {
            logRejection(where(index) + "a message of type " + type.name().toLowerCase(java.util.Locale.ROOT) +
                ", which this queue may not carry (control only from the control queue; ingress.inputTypes); " +
                "skipped and counted as WRONG_SOURCE, further ones only counted");
        }
    }

    /**
     * @return true for the first rejection of this kind from the current source (and marks it logged), false after.
     */
    private boolean firstOfItsKind(final DecodeError error)
    {
        final int kind = error == DecodeError.MISSING_CHECKSUM ? DecodeError.BAD_CHECKSUM.ordinal() : error.ordinal();
        final boolean[] done = logged[currentSource];
        if (done[kind])
        {
            return false;
        }
        done[kind] = true;
        return true;
    }

    /**
     * @return the start of a log line about the current source's message at {@code index}.
     */
    private String where(final long index)
    {
        return "risk daemon: input " + queues[currentSource].fileAbsolutePath() + " index " + Long.toHexString(index) +
            ": ";
    }

    /**
     * Cold path, at each timer: a source whose queue holds excerpts beyond a record its reader cannot read (a corrupt
     * record header) would otherwise stop silently while heartbeats go on. The exception stops the daemon; ingress
     * itself stops too (no more reads or timers), so heartbeats, which ride on timers, stop even if the process
     * lingers: consumers treat that as HALT.
     */
    private void checkStalls(final long nowNs)
    {
        for (int i = 0; i < sources.length; i++)
        {
            if (stallWatch.drainedAt(i, nowNs))
            {
                final long nextIndex = sources[i].index();
                final long endIndex = sources[i].endIndex();
                if (stallWatch.stalled(i, nowNs, nextIndex, endIndex))
                {
                    stopped = true;
                    counters.inputStalls.incrementRelease();
                    final String message = InputStallWatch.describe(queues[i], nextIndex, endIndex);
                    errorLog.println(message);
                    throw new IllegalStateException(message);
                }
            }
        }
    }

    private void injectTimer()
    {
        final long sequence = claim();
        final RingEvent slot = ring.get(sequence);
        slot.event.reset();
        slot.event.type = EventType.TIMER;
        slot.payloadLength = 0;
        slot.sourceId = -1;
        slot.sourceIndex = -1;
        slot.timer = true;
        stamp(slot);
        holdBack(sequence);
        nextTimerNs = stampNs + timerIntervalNs;
        counters.timersInjected.incrementRelease();
    }

    private void stamp(final RingEvent slot)
    {
        slot.event.timeNs = stampNs;
        slot.event.receiveTimeNs = receiveTimeNs;
        slot.event.batchEnd = false;
    }

    /**
     * Publishes the previously held event (now known not to end the batch) and holds this one back.
     */
    private void holdBack(final long sequence)
    {
        if (pendingSequence != NO_SEQUENCE)
        {
            publishPending(false);
        }
        pendingSequence = sequence;
        if (openBatchEvents++ == 0)
        {
            openBatchSinceNs = receiveTimeNs;
        }
    }

    private void publishPending(final boolean batchEnd)
    {
        final RingEvent slot = ring.get(pendingSequence);
        slot.event.batchEnd = batchEnd;
        slot.event.journalSequence = nextJournalSequence++;
        if (stampPublish)
        {
            slot.publishNs = clock.nanoTime();
        }
        ring.publish(pendingSequence);
        lastPublishedSequence = pendingSequence;
        counters.ringEventsPublished.incrementRelease();
        pendingSequence = NO_SEQUENCE;
    }

    /**
     * A slot whose message failed to decode is reused; otherwise the next slot is claimed, waiting (with the ring as
     * back-pressure, the input queue as the buffer) when the ring is full.
     */
    private long claim()
    {
        if (spareSequence != NO_SEQUENCE)
        {
            final long sequence = spareSequence;
            spareSequence = NO_SEQUENCE;
            return sequence;
        }
        if (!ring.hasAvailableCapacity(2))
        {
            counters.ringFullWaits.incrementRelease();
        }
        return ring.next();
    }

    /**
     * @return the journal sequence the next published event will carry.
     */
    public long nextJournalSequence()
    {
        return nextJournalSequence;
    }
}

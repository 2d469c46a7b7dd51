package org.mmrisk.daemon.counters;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.mmrisk.core.engine.EngineCounter;
import org.mmrisk.core.engine.EngineCounters;
import org.mmrisk.core.engine.RejectReason;
import org.mmrisk.daemon.codec.DecodeError;

import java.util.List;

/**
 * Every counter the daemon publishes, allocated once at start-up in the {@link CountersFile}.
 * <p>
 * Ownership: ingress counters are written by the ingress thread, journal counters by the journaller, engine and
 * egress counters by the engine thread (each counter has exactly one writer, so the hot paths advance theirs with
 * {@code incrementRelease}: a plain add and an ordered store, no locked instruction). Engine counters are the engine's own
 * deterministic counts, mirrored here at the end of each batch.
 */
public final class DaemonCounters
{
    /** Type ids: which component owns a counter. */
    public static final int TYPE_INGRESS = 1;
    public static final int TYPE_JOURNAL = 2;
    public static final int TYPE_ENGINE = 3;
    public static final int TYPE_ENGINE_REJECT = 4;
    public static final int TYPE_EGRESS = 5;
    public static final int TYPE_DECODE_ERROR = 6;
    public static final int TYPE_INPUT = 7;
    public static final int TYPE_CHECKPOINT = 8;

    public final AtomicCounter ringEventsPublished;
    public final AtomicCounter ingressBatches;
    public final AtomicCounter timersInjected;
    public final AtomicCounter ringFullWaits;
    public final AtomicCounter inputStalls;
    public final AtomicCounter journalEntries;
    public final AtomicCounter journalSequence;
    public final AtomicCounter outputMessages;
    public final AtomicCounter heartbeats;
    public final AtomicCounter lastOutputSequence;
    public final AtomicCounter engineLagEvents;
    public final AtomicCounter engineTimeNs;
    public final AtomicCounter recoveredEvents;
    public final AtomicCounter recoveryOutputsRewritten;
    public final AtomicCounter checkpointsTaken;
    public final AtomicCounter checkpointsSkipped;
    public final AtomicCounter checkpointsWritten;
    public final AtomicCounter checkpointsFailed;
    public final AtomicCounter checkpointMaxStallNs;
    public final AtomicCounter checkpointLastBytes;
    public final AtomicCounter queueFilesDeleted;
    private final AtomicCounter[] messagesRead;
    private final AtomicCounter[] lastIndexRead;
    private final AtomicCounter[] decodeErrors = new AtomicCounter[DecodeError.values().length];
    private final AtomicCounter[] engine = new AtomicCounter[EngineCounter.values().length];
    private final AtomicCounter[] rejects = new AtomicCounter[RejectReason.values().length];

    /**
     * Counters of a daemon on a data directory: each input's last index read carries over from the previous run's
     * counters file.
     */
    public DaemonCounters(final CountersFile file, final List<String> inputNames)
    {
        this(file.manager(), inputNames, file::previousValue);
    }

    /**
     * Counters with no previous run.
     */
    public DaemonCounters(final CountersManager manager, final List<String> inputNames)
    {
        this(manager, inputNames, (label, absent) -> absent);
    }

    /**
     * The value a counter had in the previous run.
     */
    @FunctionalInterface
    private interface PreviousValues
    {
        long get(String label, long absent);
    }

    private DaemonCounters(final CountersManager manager, final List<String> inputNames, final PreviousValues previous)
    {
        ringEventsPublished = manager.newCounter("ingress: ring events published", TYPE_INGRESS);
        ingressBatches = manager.newCounter("ingress: batches", TYPE_INGRESS);
        timersInjected = manager.newCounter("ingress: timers injected", TYPE_INGRESS);
        ringFullWaits = manager.newCounter("ingress: waits on a full ring", TYPE_INGRESS);
        inputStalls = manager.newCounter("ingress: inputs stopped at an unreadable record", TYPE_INGRESS);
        journalEntries = manager.newCounter("journal: entries written", TYPE_JOURNAL);
        journalSequence = manager.newCounter("journal: last sequence written", TYPE_JOURNAL);
        outputMessages = manager.newCounter("egress: messages written", TYPE_EGRESS);
        heartbeats = manager.newCounter("egress: heartbeats", TYPE_EGRESS);
        lastOutputSequence = manager.newCounter("egress: last output sequence", TYPE_EGRESS);
        engineLagEvents = manager.newCounter("engine: lag behind ingress (events)", TYPE_ENGINE);
        engineTimeNs = manager.newCounter("engine: time (ns since epoch)", TYPE_ENGINE);
        recoveredEvents = manager.newCounter("recovery: journal events replayed at start-up", TYPE_ENGINE);
        recoveryOutputsRewritten = manager.newCounter("recovery: outputs written again (lost by the previous run)",
            TYPE_EGRESS);
        checkpointsTaken = manager.newCounter("checkpoint: states taken (engine thread)", TYPE_CHECKPOINT);
        checkpointsSkipped = manager.newCounter("checkpoint: skipped, writer still busy", TYPE_CHECKPOINT);
        checkpointsWritten = manager.newCounter("checkpoint: files written", TYPE_CHECKPOINT);
        checkpointsFailed = manager.newCounter("checkpoint: files failed", TYPE_CHECKPOINT);
        checkpointMaxStallNs = manager.newCounter("checkpoint: longest engine stall (ns)", TYPE_CHECKPOINT);
        checkpointLastBytes = manager.newCounter("checkpoint: bytes of the last state", TYPE_CHECKPOINT);
        queueFilesDeleted = manager.newCounter("retention: queue files deleted", TYPE_CHECKPOINT);
        messagesRead = new AtomicCounter[inputNames.size()];
        for (int i = 0; i < messagesRead.length; i++)
        {
            messagesRead[i] = manager.newCounter("input " + inputNames.get(i) + ": messages read", TYPE_INPUT);
        }
        lastIndexRead = new AtomicCounter[inputNames.size()];
        for (int i = 0; i < lastIndexRead.length; i++)
        {
            final String label = "input " + inputNames.get(i) + ": last index read";
            lastIndexRead[i] = manager.newCounter(label, TYPE_INPUT);
            lastIndexRead[i].setRelease(previous.get(label, -1));
        }
        for (final DecodeError error : DecodeError.values())
        {
            decodeErrors[error.ordinal()] = manager.newCounter("ingress: rejected " + error.name(), TYPE_DECODE_ERROR);
        }
        for (final EngineCounter counter : EngineCounter.values())
        {
            engine[counter.ordinal()] = manager.newCounter("engine: " + counter.key(), TYPE_ENGINE);
        }
        for (final RejectReason reason : RejectReason.values())
        {
            rejects[reason.ordinal()] = manager.newCounter("engine: rejected " + reason.name(), TYPE_ENGINE_REJECT);
        }
    }

    public AtomicCounter messagesRead(final int sourceId)
    {
        return messagesRead[sourceId];
    }

    /**
     * Records that ingress read {@code index} of a source; ingress thread only.
     *
     * @return false when this or a previous run on the data directory read it already: ingress resumes after the
     * last index journaled, so after a restart it reads again the rejected messages that follow it (rejects are not
     * journaled), which the run that first read them counted.
     */
    public boolean firstRead(final int sourceId, final long index)
    {
        final AtomicCounter last = lastIndexRead[sourceId];
        if (index <= last.getWeak())
        {
            return false;
        }
        last.setRelease(index);
        return true;
    }

    public AtomicCounter decodeError(final DecodeError error)
    {
        return decodeErrors[error.ordinal()];
    }

    public AtomicCounter engine(final EngineCounter counter)
    {
        return engine[counter.ordinal()];
    }

    public AtomicCounter rejected(final RejectReason reason)
    {
        return rejects[reason.ordinal()];
    }

    /**
     * Mirrors the engine's counts; engine thread only.
     */
    public void publish(final EngineCounters counters)
    {
        for (final EngineCounter counter : EngineCounter.VALUES)
        {
            engine[counter.ordinal()].setRelease(counters.get(counter));
        }
        for (final RejectReason reason : RejectReason.VALUES)
        {
            rejects[reason.ordinal()].setRelease(counters.rejected(reason));
        }
    }
}

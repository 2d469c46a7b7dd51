package org.mmrisk.daemon.engine;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.mmrisk.core.engine.EngineConfig;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.egress.EgressPublisher;
import org.mmrisk.daemon.journal.JournalReplayer;
import org.mmrisk.daemon.ring.RingEvent;

/**
 * The engine thread's ring consumer: hands each event to the {@link RiskEngine}; at the end of an ingress batch
 * (the event's {@code batchEnd}, never the Disruptor's own batch boundary) waits until the journaller has written
 * that event — LMAX's gating — and only then lets the engine emit through egress.
 * <p>
 * At start-up, on the engine thread, the journal as it was before this run is replayed with outputs muted, so a restarted daemon
 * continues from the exact state (and output sequence) its journal implies; ingress resumes each input after the
 * last index the journal holds. Timer events also drive egress's heartbeat. The engine, egress and this handler are owned by the engine thread;
 * egress's Chronicle appender is created on it in {@link #onStart()}.
 */
public final class EngineHandler implements EventHandler<RingEvent>
{
    private final EngineConfig engineConfig;
    private final ChronicleQueue outputQueue;
    private final Sequence journaled;
    private final IdleStrategy journalWait;
    private final DaemonCounters counters;
    private final EpochNanoClock clock;
    private final long heartbeatIntervalNs;
    private final ChronicleQueue journal;
    private final long recoverUntilSequence;
    private EgressPublisher egress;
    private RiskEngine engine;
    private long nextHeartbeatNs = Long.MIN_VALUE;
    private long lastJournalSequence = -1;
    private long recovered;

    public EngineHandler(final EngineConfig engineConfig, final ChronicleQueue outputQueue, final Sequence journaled,
        final IdleStrategy journalWait, final DaemonCounters counters, final EpochNanoClock clock,
        final long heartbeatIntervalNs, final ChronicleQueue journal, final long recoverUntilSequence)
    {
        this.engineConfig = engineConfig;
        this.outputQueue = outputQueue;
        this.journaled = journaled;
        this.journalWait = journalWait;
        this.counters = counters;
        this.clock = clock;
        this.heartbeatIntervalNs = heartbeatIntervalNs;
        this.journal = journal;
        this.recoverUntilSequence = recoverUntilSequence;
    }

    @Override
    public void onStart()
    {
        egress = new EgressPublisher(outputQueue, counters);
        final SwitchableOutput output = new SwitchableOutput();
        engine = new RiskEngine(engineConfig, output);
        recovered = JournalReplayer.replay(journal, engine, recoverUntilSequence);
        counters.publish(engine.counters());
        output.delegate(egress);
    }

    @Override
    public void onEvent(final RingEvent slot, final long ringSequence, final boolean endOfBatch)
    {
        engine.onEvent(slot.event);
        lastJournalSequence = slot.event.journalSequence;
        if (slot.event.batchEnd)
        {
            awaitJournaled(ringSequence);
            engine.onBatchEnd();
            counters.publish(engine.counters());
            counters.engineTimeNs.setRelease(engine.timeNs());
        }
        if (slot.timer && slot.event.timeNs >= nextHeartbeatNs)
        {
            egress.heartbeat(clock.nanoTime(), engine.timeNs(), lastJournalSequence);
            nextHeartbeatNs = slot.event.timeNs + heartbeatIntervalNs;
        }
    }

    private void awaitJournaled(final long ringSequence)
    {
        journalWait.reset();
        while (journaled.get() < ringSequence)
        {
            journalWait.idle();
        }
    }

    @Override
    public void onShutdown()
    {
        if (egress != null)
        {
            egress.close();
        }
    }

    /**
     * @return how many journaled events were replayed at start-up to rebuild the engine's state.
     */
    public long recoveredEvents()
    {
        return recovered;
    }

    /**
     * @return the engine, for inspection after the ring has stopped.
     */
    public RiskEngine engine()
    {
        return engine;
    }
}

package org.mmrisk.daemon.stamps;

import org.agrona.concurrent.EpochNanoClock;
import org.mmrisk.daemon.ring.RingEvent;

/**
 * The engine thread's stamps of one batch, recorded into {@link StageHistograms} when the batch ends. The cause of a
 * batch is its last input that carries a send time (the feed's {@code sendTimeNs}); its send, ingress read
 * ({@code receiveTimeNs}) and ring publish ({@link RingEvent#publishNs}) stamps were taken by the feed and the
 * ingress thread and travel in the ring slot. The engine thread adds its own: when it takes the batch's last event
 * (engine start), when the batch's first output reaches the journal gate and when the gate lets it through, when
 * egress has appended that output, and when the batch is done. A batch without an output is only counted, so that
 * every stage has the same population: the batches whose first output a reader of the output queue sees.
 * <p>
 * The engine itself reads no clock: these stamps are taken around it, by the daemon's code on the engine thread.
 * Disabled ({@link #DISABLED}), every method returns after one branch, without reading the clock.
 * <p>
 * Owned by the engine thread; allocation-free, lock-free.
 */
public final class StageStamps
{
    /** Stamps nothing, reads no clock. */
    public static final StageStamps DISABLED = new StageStamps(null, null);

    private static final long NONE = Long.MIN_VALUE;

    private final EpochNanoClock clock;
    private final StageHistograms histograms;
    private final boolean enabled;
    private long causeSendNs = NONE;
    private long causeReadNs;
    private long causePublishNs;
    private long startNs = NONE;
    private long gateReachedNs;
    private long gateReleasedNs;
    private long appendedNs;
    private boolean awaitingGate;
    private boolean awaitingOutput;

    /**
     * @param clock the clock of the feed's send times and ingress's read stamps (epoch nanoseconds).
     */
    public StageStamps(final EpochNanoClock clock, final StageHistograms histograms)
    {
        this.clock = clock;
        this.histograms = histograms;
        this.enabled = clock != null && histograms != null;
    }

    public boolean enabled()
    {
        return enabled;
    }

    /** @return the histograms; null when disabled. */
    public StageHistograms histograms()
    {
        return histograms;
    }

    /**
     * The engine thread took {@code slot} from the ring, before handing it to the engine: remembers it as the batch's
     * cause when it carries a send time, and stamps the engine's start when it ends the batch.
     */
    public void taken(final RingEvent slot)
    {
        if (!enabled)
        {
            return;
        }
        if (slot.event.sendTimeNs > 0 && !slot.timer)
        {
            causeSendNs = slot.event.sendTimeNs;
            causeReadNs = slot.event.receiveTimeNs;
            causePublishNs = slot.publishNs;
        }
        if (slot.event.batchEnd)
        {
            startNs = clock.nanoTime();
            awaitingGate = true;
            awaitingOutput = true;
        }
    }

    /** The batch's first output (or its end, without one) reached the journal gate. */
    public void gateReached()
    {
        if (awaitingGate)
        {
            gateReachedNs = clock.nanoTime();
        }
    }

    /** The journal gate let the batch through: the journaller has written it. */
    public void gateReleased()
    {
        if (awaitingGate)
        {
            gateReleasedNs = clock.nanoTime();
            awaitingGate = false;
        }
    }

    /** Egress committed an output to the output queue; the batch's first one is stamped. */
    public void outputAppended()
    {
        if (awaitingOutput)
        {
            appendedNs = clock.nanoTime();
            awaitingOutput = false;
        }
    }

    /** The engine thread finished the batch: its stamps are recorded and cleared. */
    public void batchEnded()
    {
        if (!enabled || startNs == NONE)
        {
            return;
        }
        final long endNs = clock.nanoTime();
        final boolean withOutput = !awaitingOutput;
        histograms.countBatch(withOutput);
        if (withOutput && causeSendNs != NONE && histograms.inWindow(causeSendNs))
        {
            histograms.record(Stage.INGRESS_READ, causeReadNs - causeSendNs);
            histograms.record(Stage.RING_PUBLISH, causePublishNs - causeReadNs);
            histograms.record(Stage.ENGINE_START, startNs - causePublishNs);
            histograms.record(Stage.ENGINE_COMPUTE, gateReachedNs - startNs);
            histograms.record(Stage.GATE_RELEASE, gateReleasedNs - gateReachedNs);
            histograms.record(Stage.EGRESS_APPEND, appendedNs - gateReleasedNs);
            histograms.record(Stage.DAEMON, appendedNs - causeSendNs);
            histograms.record(Stage.ENGINE_BATCH, endNs - startNs);
        }
        causeSendNs = NONE;
        startNs = NONE;
        awaitingGate = false;
        awaitingOutput = false;
    }
}

package org.mmrisk.daemon.egress;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.MutableDirectBuffer;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.fault.FaultInjection;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.stamps.StageStamps;
import org.mmrisk.daemon.storage.FreeSpaceGuard;

/**
 * Encodes the engine's outputs as SBE ({@link OutputEncoder}) straight into the output queue's mapped file, and
 * writes egress's own heartbeats (on their own counter, outside the output sequence).
 * <p>
 * Owned by the engine thread, which also creates its Chronicle appender; allocation-free. The engine calls it only
 * at the end of a batch, once the journaller has written that batch ({@code JournalGate}), so no output exists whose
 * cause is not journaled.
 */
public final class EgressPublisher implements RiskOutput, AutoCloseable
{
    private final SbeAppender appender;
    private final DaemonCounters counters;
    private final OutputEncoder encoder = new OutputEncoder();
    private final FreeSpaceGuard space;
    private final StageStamps stamps;
    private long heartbeatSequence;
    private long lastOutputSequence;

    /**
     * @param lastOutputSequence the last output sequence the output queue already holds (-1: none), which
     *                           heartbeats report until this run writes an output.
     * @param space              checked before each write: a full file system makes egress wait (or stop the
     *                           daemon), never fault mid-message.
     */
    public EgressPublisher(final ChronicleQueue output, final DaemonCounters counters, final long lastOutputSequence,
        final FreeSpaceGuard space)
    {
        this(output, counters, lastOutputSequence, space, StageStamps.DISABLED);
    }

    /**
     * @param stamps told when each output is committed (the engine thread's stage stamps take a batch's first).
     */
    public EgressPublisher(final ChronicleQueue output, final DaemonCounters counters, final long lastOutputSequence,
        final FreeSpaceGuard space, final StageStamps stamps)
    {
        this.space = space;
        this.stamps = stamps;
        this.appender = new SbeAppender(output);
        this.counters = counters;
        this.lastOutputSequence = lastOutputSequence;
        counters.lastOutputSequence.setRelease(lastOutputSequence);
    }

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment q)
    {
        encoder.encode(q, claimOutput(OutputEncoder.QUOTE_LENGTH));
        committed(q.sequence);
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot s)
    {
        encoder.encode(s, claimOutput(OutputEncoder.snapshotLength(s)));
        committed(s.sequence);
    }

    @Override
    public void onAlert(final Alert a)
    {
        encoder.encode(a, claimOutput(OutputEncoder.ALERT_LENGTH));
        committed(a.sequence);
    }

    @Override
    public void onHedgeSignal(final HedgeSignal h)
    {
        encoder.encode(h, claimOutput(OutputEncoder.HEDGE_LENGTH));
        committed(h.sequence);
    }

    @Override
    public void onScenarioGrid(final ScenarioGridMessage g)
    {
        encoder.encode(g, claimOutput(OutputEncoder.gridLength(g)));
        committed(g.sequence);
    }

    @Override
    public void onMarginStatus(final MarginStatus m)
    {
        encoder.encode(m, claimOutput(OutputEncoder.MARGIN_LENGTH));
        committed(m.sequence);
    }

    /**
     * Writes a heartbeat: wall time, engine time, the last output and journal sequences.
     */
    public void heartbeat(final long wallTimeNs, final long engineTimeNs, final long lastJournalSequence)
    {
        encoder.encodeHeartbeat(heartbeatSequence++, wallTimeNs, engineTimeNs, lastOutputSequence, lastJournalSequence,
            claim(OutputEncoder.HEARTBEAT_LENGTH));
        appender.commit();
        counters.heartbeats.incrementRelease();
    }

    private MutableDirectBuffer claimOutput(final int length)
    {
        FaultInjection.reached(FaultInjection.EGRESS_WRITE);
        return claim(length);
    }

    private MutableDirectBuffer claim(final int length)
    {
        space.beforeWrite(length);
        return appender.claim(length);
    }

    private void committed(final long sequence)
    {
        appender.commit();
        stamps.outputAppended();
        lastOutputSequence = sequence;
        counters.outputMessages.incrementRelease();
        counters.lastOutputSequence.setRelease(sequence);
    }

    @Override
    public void close()
    {
        appender.close();
    }
}

package org.mmrisk.daemon.egress;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.MutableDirectBuffer;
import org.mmrisk.codecs.AlertEncoder;
import org.mmrisk.codecs.HedgeSignalEncoder;
import org.mmrisk.codecs.HeartbeatEncoder;
import org.mmrisk.codecs.InstrumentKind;
import org.mmrisk.codecs.MessageHeaderEncoder;
import org.mmrisk.codecs.QuoteAdjustmentEncoder;
import org.mmrisk.codecs.QuotingState;
import org.mmrisk.codecs.RiskSnapshotEncoder;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.queue.SbeAppender;

import java.nio.ByteOrder;

/**
 * Encodes the engine's outputs as SBE straight into the output queue's mapped file, and writes egress's own
 * heartbeats (on their own counter, outside the output sequence).
 * <p>
 * Owned by the engine thread, which also creates its Chronicle appender; allocation-free. The engine calls it only
 * at the end of a batch, after the journaller has written that batch, so no output exists whose cause is not
 * journaled.
 */
public final class EgressPublisher implements RiskOutput, AutoCloseable
{
    private static final int SNAPSHOT_POSITION_LENGTH = RiskSnapshotEncoder.PositionsEncoder.sbeBlockLength();

    private final SbeAppender appender;
    private final DaemonCounters counters;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final QuoteAdjustmentEncoder quote = new QuoteAdjustmentEncoder();
    private final RiskSnapshotEncoder snapshot = new RiskSnapshotEncoder();
    private final AlertEncoder alert = new AlertEncoder();
    private final HedgeSignalEncoder hedge = new HedgeSignalEncoder();
    private final HeartbeatEncoder heartbeat = new HeartbeatEncoder();
    private long heartbeatSequence;
    private long lastOutputSequence;

    /**
     * @param lastOutputSequence the last output sequence the output queue already holds (-1: none), which
     *                           heartbeats report until this run writes an output.
     */
    public EgressPublisher(final ChronicleQueue output, final DaemonCounters counters, final long lastOutputSequence)
    {
        this.appender = new SbeAppender(output);
        this.counters = counters;
        this.lastOutputSequence = lastOutputSequence;
        counters.lastOutputSequence.setRelease(lastOutputSequence);
    }

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment q)
    {
        final MutableDirectBuffer buffer = appender.claim(MessageHeaderEncoder.ENCODED_LENGTH +
            QuoteAdjustmentEncoder.BLOCK_LENGTH);
        quote.wrapAndApplyHeader(buffer, 0, header)
            .sequence(q.sequence)
            .timeNs(q.timeNs)
            .instrumentId(q.instrumentId)
            .shift(q.shift)
            .shiftVol(q.shiftVol)
            .bidSpreadMult(q.bidSpreadMult)
            .askSpreadMult(q.askSpreadMult)
            .bidSizeMult(q.bidSizeMult)
            .askSizeMult(q.askSizeMult)
            .causeJournalSequence(q.causeJournalSequence)
            .causeReceiveTimeNs(q.causeReceiveTimeNs)
            .causeSendTimeNs(q.causeSendTimeNs)
            .state(QuotingState.get((short)q.state.ordinal()))
            .kind(InstrumentKind.get((short)q.kind.ordinal()));
        buffer.putLong(MessageHeaderEncoder.ENCODED_LENGTH + QuoteAdjustmentEncoder.underlyingEncodingOffset(),
            q.underlying, ByteOrder.LITTLE_ENDIAN);
        committed(q.sequence);
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot s)
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + RiskSnapshotEncoder.BLOCK_LENGTH +
            RiskSnapshotEncoder.PositionsEncoder.sbeHeaderSize() + s.positionCount * SNAPSHOT_POSITION_LENGTH;
        final MutableDirectBuffer buffer = appender.claim(length);
        snapshot.wrapAndApplyHeader(buffer, 0, header)
            .sequence(s.sequence)
            .timeNs(s.timeNs)
            .index(s.indexUsd)
            .delta(s.delta)
            .deltaUsd(s.deltaUsd)
            .gamma(s.gamma)
            .vega(s.vega)
            .theta(s.theta)
            .realizedPnlUsd(s.realizedPnlUsd)
            .unrealizedPnlUsd(s.unrealizedPnlUsd)
            .maxApproxError(s.maxApproxError)
            .eventsProcessed(s.eventsProcessed)
            .state(QuotingState.get((short)s.state.ordinal()));
        buffer.putLong(MessageHeaderEncoder.ENCODED_LENGTH + RiskSnapshotEncoder.underlyingEncodingOffset(),
            s.underlying, ByteOrder.LITTLE_ENDIAN);
        final RiskSnapshotEncoder.PositionsEncoder positions = snapshot.positionsCount(s.positionCount);
        for (int i = 0; i < s.positionCount; i++)
        {
            positions.next()
                .instrumentId(s.instrumentId[i])
                .quantity(s.quantity[i])
                .avgPrice(s.avgPrice[i])
                .realizedPnlUsd(s.positionRealizedPnlUsd[i])
                .unrealizedPnlUsd(s.positionUnrealizedPnlUsd[i]);
        }
        committed(s.sequence);
    }

    @Override
    public void onAlert(final Alert a)
    {
        final MutableDirectBuffer buffer = appender.claim(MessageHeaderEncoder.ENCODED_LENGTH +
            AlertEncoder.BLOCK_LENGTH);
        alert.wrapAndApplyHeader(buffer, 0, header)
            .sequence(a.sequence)
            .timeNs(a.timeNs)
            .code(a.code.code())
            .instrumentId(a.instrumentId)
            .value(a.value)
            .threshold(a.threshold)
            .state(QuotingState.get((short)a.state.ordinal()));
        buffer.putLong(MessageHeaderEncoder.ENCODED_LENGTH + AlertEncoder.underlyingEncodingOffset(),
            a.underlying, ByteOrder.LITTLE_ENDIAN);
        committed(a.sequence);
    }

    @Override
    public void onHedgeSignal(final HedgeSignal h)
    {
        final MutableDirectBuffer buffer = appender.claim(MessageHeaderEncoder.ENCODED_LENGTH +
            HedgeSignalEncoder.BLOCK_LENGTH);
        hedge.wrapAndApplyHeader(buffer, 0, header)
            .sequence(h.sequence)
            .timeNs(h.timeNs)
            .hedgeInstrumentId(h.hedgeInstrumentId)
            .side(org.mmrisk.codecs.Side.get((short)h.side.ordinal()))
            .quantity(h.quantity)
            .deltaBefore(h.deltaBefore)
            .deltaTarget(h.deltaTarget);
        buffer.putLong(MessageHeaderEncoder.ENCODED_LENGTH + HedgeSignalEncoder.underlyingEncodingOffset(),
            h.underlying, ByteOrder.LITTLE_ENDIAN);
        committed(h.sequence);
    }

    /**
     * Writes a heartbeat: wall time, engine time, the last output and journal sequences.
     */
    public void heartbeat(final long wallTimeNs, final long engineTimeNs, final long lastJournalSequence)
    {
        final MutableDirectBuffer buffer = appender.claim(MessageHeaderEncoder.ENCODED_LENGTH +
            HeartbeatEncoder.BLOCK_LENGTH);
        heartbeat.wrapAndApplyHeader(buffer, 0, header)
            .heartbeatSequence(heartbeatSequence++)
            .wallTimeNs(wallTimeNs)
            .engineTimeNs(engineTimeNs)
            .lastOutputSequence(lastOutputSequence)
            .lastJournalSequence(lastJournalSequence);
        appender.commit();
        counters.heartbeats.incrementRelease();
    }

    private void committed(final long sequence)
    {
        appender.commit();
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

package org.mmrisk.daemon.egress;

import org.agrona.MutableDirectBuffer;
import org.mmrisk.codecs.AlertEncoder;
import org.mmrisk.codecs.ControlCommand;
import org.mmrisk.codecs.HedgeSignalEncoder;
import org.mmrisk.codecs.HeartbeatEncoder;
import org.mmrisk.codecs.BooleanType;
import org.mmrisk.codecs.InstrumentKind;
import org.mmrisk.codecs.MarginCurrency;
import org.mmrisk.codecs.MarginStatusEncoder;
import org.mmrisk.codecs.MessageHeaderEncoder;
import org.mmrisk.codecs.QuoteAdjustmentEncoder;
import org.mmrisk.codecs.QuotingState;
import org.mmrisk.codecs.RejectReason;
import org.mmrisk.codecs.RiskSnapshotEncoder;
import org.mmrisk.codecs.ScenarioGridEncoder;
import org.mmrisk.codecs.Side;
import org.mmrisk.codecs.VolShock;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.codec.Codes;

/**
 * Encodes the engine's outputs and egress's heartbeats as SBE messages (header included) at the start of a buffer:
 * the daemon's egress encodes straight into the output queue's mapped file, the benchmarks into plain buffers. Each
 * {@code …Length} method says how many bytes the message takes, so the caller can claim exactly that. Owned by one
 * thread (the flyweights are fields); allocation-free.
 */
public final class OutputEncoder
{
    public static final int QUOTE_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + QuoteAdjustmentEncoder.BLOCK_LENGTH;
    public static final int ALERT_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + AlertEncoder.BLOCK_LENGTH;
    public static final int HEDGE_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + HedgeSignalEncoder.BLOCK_LENGTH;
    public static final int HEARTBEAT_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + HeartbeatEncoder.BLOCK_LENGTH;
    public static final int MARGIN_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + MarginStatusEncoder.BLOCK_LENGTH;
    private static final int SNAPSHOT_POSITION_LENGTH = RiskSnapshotEncoder.PositionsEncoder.sbeBlockLength();
    private static final int SNAPSHOT_EXPIRY_LENGTH = RiskSnapshotEncoder.ExpiriesEncoder.sbeBlockLength();
    private static final int GRID_POINT_LENGTH = ScenarioGridEncoder.PointsEncoder.sbeBlockLength();

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final QuoteAdjustmentEncoder quote = new QuoteAdjustmentEncoder();
    private final RiskSnapshotEncoder snapshot = new RiskSnapshotEncoder();
    private final AlertEncoder alert = new AlertEncoder();
    private final HedgeSignalEncoder hedge = new HedgeSignalEncoder();
    private final HeartbeatEncoder heartbeat = new HeartbeatEncoder();
    private final ScenarioGridEncoder grid = new ScenarioGridEncoder();
    private final MarginStatusEncoder margin = new MarginStatusEncoder();

    public static int snapshotLength(final RiskSnapshot s)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + RiskSnapshotEncoder.BLOCK_LENGTH +
            RiskSnapshotEncoder.PositionsEncoder.sbeHeaderSize() + s.positionCount * SNAPSHOT_POSITION_LENGTH +
            RiskSnapshotEncoder.ExpiriesEncoder.sbeHeaderSize() + s.expiryCount * SNAPSHOT_EXPIRY_LENGTH;
    }

    public static int gridLength(final ScenarioGridMessage g)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + ScenarioGridEncoder.BLOCK_LENGTH +
            ScenarioGridEncoder.PointsEncoder.sbeHeaderSize() + g.pointCount * GRID_POINT_LENGTH;
    }

    public void encode(final QuoteAdjustment q, final MutableDirectBuffer buffer)
    {
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
            .kind(InstrumentKind.get((short)q.kind.ordinal()))
            .bidMaxQty(q.bidMaxQty)
            .askMaxQty(q.askMaxQty);
        Codes.putCode(buffer, MessageHeaderEncoder.ENCODED_LENGTH + QuoteAdjustmentEncoder.underlyingEncodingOffset(),
            q.underlying);
    }

    public void encode(final RiskSnapshot s, final MutableDirectBuffer buffer)
    {
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
            .state(QuotingState.get((short)s.state.ordinal()))
            .initialUtilization(s.initialUtilization)
            .maintenanceUtilization(s.maintenanceUtilization)
            .liquidationDownMove(s.liquidationDownMove)
            .liquidationUpMove(s.liquidationUpMove)
            .tradingPnlUsd(s.tradingPnlUsd)
            .edgeUsd(s.edgeUsd)
            .inventoryUsd(s.inventoryUsd);
        Codes.putCode(buffer, MessageHeaderEncoder.ENCODED_LENGTH + RiskSnapshotEncoder.underlyingEncodingOffset(),
            s.underlying);
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
        final RiskSnapshotEncoder.ExpiriesEncoder expiries = snapshot.expiriesCount(s.expiryCount);
        for (int i = 0; i < s.expiryCount; i++)
        {
            expiries.next()
                .expiryNs(s.expiryNs[i])
                .vega(s.expiryVega[i])
                .timeWeightedVega(s.expiryTimeWeightedVega[i])
                .riskReversal25(s.expiryRiskReversal25[i])
                .butterfly25(s.expiryButterfly25[i])
                .rho(s.expiryRho[i])
                .basisDelta(s.expiryBasisDelta[i]);
        }
    }

    public void encode(final Alert a, final MutableDirectBuffer buffer)
    {
        alert.wrapAndApplyHeader(buffer, 0, header)
            .sequence(a.sequence)
            .timeNs(a.timeNs)
            .code(org.mmrisk.codecs.AlertCode.get(a.code.code()))
            .instrumentId(a.instrumentId)
            .value(a.value)
            .threshold(a.threshold)
            .state(QuotingState.get((short)a.state.ordinal()))
            .correlationId(a.correlationId)
            .command(a.command == null ? ControlCommand.NULL_VAL : ControlCommand.get((short)a.command.ordinal()))
            .sourceId(a.sourceId < 0 ? AlertEncoder.sourceIdNullValue() : a.sourceId)
            .rejectReason(a.rejectReason < 0 ? RejectReason.NULL_VAL : RejectReason.get((short)a.rejectReason));
        Codes.putCode(buffer, MessageHeaderEncoder.ENCODED_LENGTH + AlertEncoder.underlyingEncodingOffset(),
            a.underlying);
        Codes.putChars(buffer, MessageHeaderEncoder.ENCODED_LENGTH + AlertEncoder.limitNameEncodingOffset(),
            AlertEncoder.limitNameLength(), a.limitName, a.limitNameLength);
    }

    public void encode(final HedgeSignal h, final MutableDirectBuffer buffer)
    {
        hedge.wrapAndApplyHeader(buffer, 0, header)
            .sequence(h.sequence)
            .timeNs(h.timeNs)
            .hedgeInstrumentId(h.hedgeInstrumentId)
            .side(Side.get((short)h.side.ordinal()))
            .quantity(h.quantity)
            .deltaBefore(h.deltaBefore)
            .deltaTarget(h.deltaTarget);
        Codes.putCode(buffer, MessageHeaderEncoder.ENCODED_LENGTH + HedgeSignalEncoder.underlyingEncodingOffset(),
            h.underlying);
    }

    /**
     * A scenario grid: the points in order, regular ones first ({@code regularCount} says where extended ones start).
     */
    public void encode(final ScenarioGridMessage g, final MutableDirectBuffer buffer)
    {
        grid.wrapAndApplyHeader(buffer, 0, header)
            .sequence(g.sequence)
            .timeNs(g.timeNs)
            .currency(MarginCurrency.get((short)g.currency.ordinal()))
            .index(g.indexUsd)
            .regularCount(g.regularCount)
            .worstLoss(g.worstLoss)
            .worstPoint(g.worstPoint)
            .maxTaylorGap(g.maxTaylorGap)
            .maxTaylorGapPoint(g.maxTaylorGapPoint);
        Codes.putCode(buffer, MessageHeaderEncoder.ENCODED_LENGTH + ScenarioGridEncoder.underlyingEncodingOffset(),
            g.underlying);
        final ScenarioGridEncoder.PointsEncoder points = grid.pointsCount(g.pointCount);
        for (int p = 0; p < g.pointCount; p++)
        {
            points.next()
                .move(g.move[p])
                .volShock(VolShock.get((short)g.shock[p].ordinal()))
                .weight(g.weight[p])
                .pnl(g.pnl[p])
                .taylorPnl(g.taylorPnl[p]);
        }
    }

    /**
     * A margin status; its figures go out as they are, NaN where absent.
     */
    public void encode(final MarginStatus m, final MutableDirectBuffer buffer)
    {
        margin.wrapAndApplyHeader(buffer, 0, header)
            .sequence(m.sequence)
            .timeNs(m.timeNs)
            .currency(MarginCurrency.get((short)m.currency.ordinal()))
            .known(m.known ? BooleanType.TRUE : BooleanType.FALSE)
            .index(m.indexUsd)
            .worstLoss(m.worstLoss)
            .contingency(m.contingency)
            .initial(m.initial)
            .maintenance(m.maintenance)
            .equity(m.equity)
            .initialUtilization(m.initialUtilization)
            .maintenanceUtilization(m.maintenanceUtilization)
            .downMove(m.downMove)
            .upMove(m.upMove)
            .downIndex(m.downIndexUsd)
            .upIndex(m.upIndexUsd);
        Codes.putCode(buffer, MessageHeaderEncoder.ENCODED_LENGTH + MarginStatusEncoder.underlyingEncodingOffset(),
            m.underlying);
    }

    /**
     * A heartbeat: its own sequence, wall time, engine time, the last output and journal sequences.
     */
    public void encodeHeartbeat(final long heartbeatSequence, final long wallTimeNs, final long engineTimeNs,
        final long lastOutputSequence, final long lastJournalSequence, final MutableDirectBuffer buffer)
    {
        heartbeat.wrapAndApplyHeader(buffer, 0, header)
            .heartbeatSequence(heartbeatSequence)
            .wallTimeNs(wallTimeNs)
            .engineTimeNs(engineTimeNs)
            .lastOutputSequence(lastOutputSequence)
            .lastJournalSequence(lastJournalSequence);
    }
}

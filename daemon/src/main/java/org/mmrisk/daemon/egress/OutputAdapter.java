package org.mmrisk.daemon.egress;

import org.agrona.DirectBuffer;
import org.mmrisk.codecs.AlertDecoder;
import org.mmrisk.codecs.HedgeSignalDecoder;
import org.mmrisk.codecs.HeartbeatDecoder;
import org.mmrisk.codecs.MarginStatusDecoder;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.codecs.QuoteAdjustmentDecoder;
import org.mmrisk.codecs.RejectReason;
import org.mmrisk.codecs.RiskSnapshotDecoder;
import org.mmrisk.codecs.ScenarioGridDecoder;
import org.mmrisk.codecs.BooleanType;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.VolShock;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.codec.Codes;
import org.mmrisk.daemon.queue.SbeTailer;

/**
 * Decodes the daemon's output queue back into the engine's output objects and hands them to a {@link RiskOutput}
 * (and heartbeats to a {@link HeartbeatListener}): what a consumer of the output queue, the monitor, the tail tool
 * and the tests use. Owned by the reading thread.
 */
public final class OutputAdapter implements SbeTailer.MessageHandler
{
    /**
     * Receives egress heartbeats.
     */
    @FunctionalInterface
    public interface HeartbeatListener
    {
        void onHeartbeat(long heartbeatSequence, long wallTimeNs, long engineTimeNs, long lastOutputSequence,
            long lastJournalSequence);
    }

    private final RiskOutput output;
    private final HeartbeatListener heartbeats;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final QuoteAdjustmentDecoder quoteDecoder = new QuoteAdjustmentDecoder();
    private final RiskSnapshotDecoder snapshotDecoder = new RiskSnapshotDecoder();
    private final AlertDecoder alertDecoder = new AlertDecoder();
    private final HedgeSignalDecoder hedgeDecoder = new HedgeSignalDecoder();
    private final HedgeSignal hedge = new HedgeSignal();
    private final HeartbeatDecoder heartbeatDecoder = new HeartbeatDecoder();
    private final QuoteAdjustment quote = new QuoteAdjustment();
    private final RiskSnapshot snapshot = new RiskSnapshot();
    private final Alert alert = new Alert();
    private final ScenarioGridDecoder gridDecoder = new ScenarioGridDecoder();
    private final MarginStatusDecoder marginDecoder = new MarginStatusDecoder();
    private final MarginStatus margin = new MarginStatus();
    /** Grown to the largest grid seen (a group holds at most 65535 points), so steady state does not allocate. */
    private ScenarioGridMessage grid = new ScenarioGridMessage(0);

    public OutputAdapter(final RiskOutput output, final HeartbeatListener heartbeats)
    {
        this.output = output;
        this.heartbeats = heartbeats;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        header.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        switch (header.templateId())
        {
            case QuoteAdjustmentDecoder.TEMPLATE_ID:
                onQuote(quoteDecoder.wrap(buffer, body, header.blockLength(), header.version()), buffer, body);
                break;
            case RiskSnapshotDecoder.TEMPLATE_ID:
                onSnapshot(snapshotDecoder.wrap(buffer, body, header.blockLength(), header.version()), buffer, body);
                break;
            case AlertDecoder.TEMPLATE_ID:
                onAlert(alertDecoder.wrap(buffer, body, header.blockLength(), header.version()), buffer, body);
                break;
            case HedgeSignalDecoder.TEMPLATE_ID:
                onHedge(hedgeDecoder.wrap(buffer, body, header.blockLength(), header.version()), buffer, body);
                break;
            case ScenarioGridDecoder.TEMPLATE_ID:
                onGrid(gridDecoder.wrap(buffer, body, header.blockLength(), header.version()), buffer, body);
                break;
            case MarginStatusDecoder.TEMPLATE_ID:
                onMargin(marginDecoder.wrap(buffer, body, header.blockLength(), header.version()), buffer, body);
                break;
            case HeartbeatDecoder.TEMPLATE_ID:
                final HeartbeatDecoder h = heartbeatDecoder.wrap(buffer, body, header.blockLength(), header.version());
                heartbeats.onHeartbeat(h.heartbeatSequence(), h.wallTimeNs(), h.engineTimeNs(),
                    h.lastOutputSequence(), h.lastJournalSequence());
                break;
            default:
                throw new IllegalStateException("not an output message: template " + header.templateId());
        }
    }

    private void onQuote(final QuoteAdjustmentDecoder d, final DirectBuffer buffer, final int body)
    {
        quote.sequence = d.sequence();
        quote.timeNs = d.timeNs();
        quote.instrumentId = d.instrumentId();
        quote.shift = d.shift();
        quote.shiftVol = d.shiftVol();
        quote.bidSpreadMult = d.bidSpreadMult();
        quote.askSpreadMult = d.askSpreadMult();
        quote.bidSizeMult = d.bidSizeMult();
        quote.askSizeMult = d.askSizeMult();
        quote.causeJournalSequence = d.causeJournalSequence();
        quote.causeReceiveTimeNs = d.causeReceiveTimeNs();
        quote.causeSendTimeNs = d.causeSendTimeNs();
        quote.state = QuotingState.fromOrdinal(d.stateRaw());
        quote.kind = InstrumentKind.fromOrdinal(d.kindRaw());
        quote.underlying = Codes.getCode(buffer, body + QuoteAdjustmentDecoder.underlyingEncodingOffset());
        // NaN (absent) in a quote adjustment written before schema version 5
        quote.bidMaxQty = d.bidMaxQty();
        quote.askMaxQty = d.askMaxQty();
        output.onQuoteAdjustment(quote);
    }

    private void onSnapshot(final RiskSnapshotDecoder d, final DirectBuffer buffer, final int body)
    {
        final RiskSnapshot s = snapshot;
        s.sequence = d.sequence();
        s.timeNs = d.timeNs();
        s.indexUsd = d.index();
        s.delta = d.delta();
        s.deltaUsd = d.deltaUsd();
        s.gamma = d.gamma();
        s.vega = d.vega();
        s.theta = d.theta();
        s.realizedPnlUsd = d.realizedPnlUsd();
        s.unrealizedPnlUsd = d.unrealizedPnlUsd();
        s.maxApproxError = d.maxApproxError();
        s.eventsProcessed = d.eventsProcessed();
        s.state = QuotingState.fromOrdinal(d.stateRaw());
        s.underlying = Codes.getCode(buffer, body + RiskSnapshotDecoder.underlyingEncodingOffset());
        // NaN (absent) in a snapshot written before schema version 5
        s.initialUtilization = d.initialUtilization();
        s.maintenanceUtilization = d.maintenanceUtilization();
        s.liquidationDownMove = d.liquidationDownMove();
        s.liquidationUpMove = d.liquidationUpMove();
        // NaN (absent) in a snapshot written before schema version 6
        s.tradingPnlUsd = d.tradingPnlUsd();
        s.edgeUsd = d.edgeUsd();
        s.inventoryUsd = d.inventoryUsd();
        final RiskSnapshotDecoder.PositionsDecoder positions = d.positions();
        s.ensureCapacity(positions.count());
        s.positionCount = 0;
        for (final RiskSnapshotDecoder.PositionsDecoder p : positions)
        {
            final int i = s.positionCount++;
            s.instrumentId[i] = p.instrumentId();
            s.quantity[i] = p.quantity();
            s.avgPrice[i] = p.avgPrice();
            s.positionRealizedPnlUsd[i] = p.realizedPnlUsd();
            s.positionUnrealizedPnlUsd[i] = p.unrealizedPnlUsd();
        }
        // empty in a snapshot written before schema version 3
        final RiskSnapshotDecoder.ExpiriesDecoder expiries = d.expiries();
        s.ensureExpiryCapacity(expiries.count());
        s.expiryCount = 0;
        for (final RiskSnapshotDecoder.ExpiriesDecoder e : expiries)
        {
            final int i = s.expiryCount++;
            s.expiryNs[i] = e.expiryNs();
            s.expiryVega[i] = e.vega();
            s.expiryTimeWeightedVega[i] = e.timeWeightedVega();
            s.expiryRiskReversal25[i] = e.riskReversal25();
            s.expiryButterfly25[i] = e.butterfly25();
            s.expiryRho[i] = e.rho();
            s.expiryBasisDelta[i] = e.basisDelta();
        }
        output.onRiskSnapshot(s);
    }

    private void onGrid(final ScenarioGridDecoder d, final DirectBuffer buffer, final int body)
    {
        final ScenarioGridDecoder.PointsDecoder points = d.points();
        if (grid.move.length < points.count())
        {
            grid = new ScenarioGridMessage(points.count());
        }
        final ScenarioGridMessage g = grid;
        g.sequence = d.sequence();
        g.timeNs = d.timeNs();
        g.underlying = Codes.getCode(buffer, body + ScenarioGridDecoder.underlyingEncodingOffset());
        g.currency = marginCurrency(d.currencyRaw());
        g.indexUsd = d.index();
        g.regularCount = d.regularCount();
        g.worstLoss = d.worstLoss();
        g.worstPoint = d.worstPoint();
        g.maxTaylorGap = d.maxTaylorGap();
        g.maxTaylorGapPoint = d.maxTaylorGapPoint();
        g.pointCount = 0;
        for (final ScenarioGridDecoder.PointsDecoder p : points)
        {
            final int i = g.pointCount++;
            g.move[i] = p.move();
            final short shock = p.volShockRaw();
            g.shock[i] = shock < VolShock.VALUES.length ? VolShock.VALUES[shock] : null;
            g.weight[i] = p.weight();
            g.pnl[i] = p.pnl();
            g.taylorPnl[i] = p.taylorPnl();
        }
        output.onScenarioGrid(g);
    }

    private void onMargin(final MarginStatusDecoder d, final DirectBuffer buffer, final int body)
    {
        final MarginStatus m = margin;
        m.sequence = d.sequence();
        m.timeNs = d.timeNs();
        m.underlying = Codes.getCode(buffer, body + MarginStatusDecoder.underlyingEncodingOffset());
        m.currency = marginCurrency(d.currencyRaw());
        m.known = d.knownRaw() == BooleanType.TRUE.value();
        m.indexUsd = d.index();
        m.worstLoss = d.worstLoss();
        m.contingency = d.contingency();
        m.initial = d.initial();
        m.maintenance = d.maintenance();
        m.equity = d.equity();
        m.initialUtilization = d.initialUtilization();
        m.maintenanceUtilization = d.maintenanceUtilization();
        m.downMove = d.downMove();
        m.upMove = d.upMove();
        m.downIndexUsd = d.downIndex();
        m.upIndexUsd = d.upIndex();
        output.onMarginStatus(m);
    }

    /**
     * @return the currency, or null for a value this reader does not know.
     */
    private static MarginCurrency marginCurrency(final short raw)
    {
        return raw == MarginCurrency.COIN.ordinal() ? MarginCurrency.COIN :
            raw == MarginCurrency.USD.ordinal() ? MarginCurrency.USD : null;
    }

    private void onHedge(final HedgeSignalDecoder d, final DirectBuffer buffer, final int body)
    {
        hedge.sequence = d.sequence();
        hedge.timeNs = d.timeNs();
        hedge.underlying = Codes.getCode(buffer, body + HedgeSignalDecoder.underlyingEncodingOffset());
        hedge.hedgeInstrumentId = d.hedgeInstrumentId();
        hedge.side = org.mmrisk.core.event.Side.fromOrdinal(d.sideRaw());
        hedge.quantity = d.quantity();
        hedge.deltaBefore = d.deltaBefore();
        hedge.deltaTarget = d.deltaTarget();
        output.onHedgeSignal(hedge);
    }

    private void onAlert(final AlertDecoder d, final DirectBuffer buffer, final int body)
    {
        alert.sequence = d.sequence();
        alert.set(d.timeNs(), AlertCode.fromCode(d.codeRaw()),
            Codes.getCode(buffer, body + AlertDecoder.underlyingEncodingOffset()),
            d.instrumentId(), d.value(), d.threshold(), QuotingState.fromOrdinal(d.stateRaw()));
        final int sourceId = d.sourceId();
        final short reason = d.rejectReasonRaw();
        alert.limitNameLength = d.actingVersion() < AlertDecoder.limitNameSinceVersion() ? 0 :
            Codes.getChars(buffer, body + AlertDecoder.limitNameEncodingOffset(), AlertDecoder.limitNameLength(),
            alert.limitName);
        alert.command(ControlCommand.fromOrdinal(d.commandRaw()), alert.limitName, alert.limitNameLength,
            d.correlationId(), sourceId == AlertDecoder.sourceIdNullValue() ? RiskEvent.NO_SOURCE : sourceId,
            reason == RejectReason.NULL_VAL.value() ? Alert.NO_REASON : reason);
        output.onAlert(alert);
    }
}

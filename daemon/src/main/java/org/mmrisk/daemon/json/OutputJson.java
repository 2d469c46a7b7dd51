package org.mmrisk.daemon.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.engine.RejectReason;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;

/**
 * The engine's outputs as JSON objects: one format for the tail of the output queue, replay's output log and the
 * replay state's {@code quotes[]}. Stateless apart from its mapper; allocates (tools only).
 */
public final class OutputJson
{
    private final ObjectMapper mapper = new ObjectMapper();

    public ObjectNode quote(final QuoteAdjustment q, final String symbol)
    {
        final ObjectNode n = mapper.createObjectNode();
        n.put("type", "quoteAdjustment");
        n.put("sequence", q.sequence);
        n.put("time", JsonTime.format(q.timeNs));
        n.put("instrumentId", q.instrumentId);
        if (symbol != null)
        {
            n.put("symbol", symbol);
        }
        n.put("kind", String.valueOf(q.kind));
        n.put("underlying", AsciiCode.toString(q.underlying));
        number(n, "shift", q.shift);
        number(n, "shiftVol", q.shiftVol);
        n.put("bidSpreadMult", q.bidSpreadMult);
        n.put("askSpreadMult", q.askSpreadMult);
        n.put("bidSizeMult", q.bidSizeMult);
        n.put("askSizeMult", q.askSizeMult);
        number(n, "bidMaxQty", q.bidMaxQty);
        number(n, "askMaxQty", q.askMaxQty);
        n.put("state", String.valueOf(q.state));
        n.put("causeJournalSequence", q.causeJournalSequence);
        return n;
    }

    public ObjectNode snapshot(final RiskSnapshot s)
    {
        final ObjectNode n = mapper.createObjectNode();
        n.put("type", "riskSnapshot");
        n.put("sequence", s.sequence);
        n.put("time", JsonTime.format(s.timeNs));
        n.put("underlying", AsciiCode.toString(s.underlying));
        number(n, "index", s.indexUsd);
        number(n, "delta", s.delta);
        number(n, "deltaUsd", s.deltaUsd);
        number(n, "gamma", s.gamma);
        number(n, "vega", s.vega);
        number(n, "theta", s.theta);
        number(n, "realizedPnlUsd", s.realizedPnlUsd);
        number(n, "unrealizedPnlUsd", s.unrealizedPnlUsd);
        n.put("eventsProcessed", s.eventsProcessed);
        n.put("state", String.valueOf(s.state));
        number(n, "initialUtilization", s.initialUtilization);
        number(n, "maintenanceUtilization", s.maintenanceUtilization);
        number(n, "liquidationDownMove", s.liquidationDownMove);
        number(n, "liquidationUpMove", s.liquidationUpMove);
        number(n, "tradingPnlUsd", s.tradingPnlUsd);
        number(n, "edgeUsd", s.edgeUsd);
        number(n, "inventoryUsd", s.inventoryUsd);
        final ArrayNode positions = n.putArray("positions");
        for (int i = 0; i < s.positionCount; i++)
        {
            final ObjectNode p = positions.addObject();
            p.put("instrumentId", s.instrumentId[i]);
            number(p, "quantity", s.quantity[i]);
            number(p, "avgPrice", s.avgPrice[i]);
            number(p, "realizedPnlUsd", s.positionRealizedPnlUsd[i]);
            number(p, "unrealizedPnlUsd", s.positionUnrealizedPnlUsd[i]);
        }
        final ArrayNode expiries = n.putArray("expiries");
        for (int i = 0; i < s.expiryCount; i++)
        {
            final ObjectNode e = expiries.addObject();
            e.put("expiry", s.expiryNs[i] == 0 ? null : JsonTime.format(s.expiryNs[i]));
            number(e, "vega", s.expiryVega[i]);
            number(e, "timeWeightedVega", s.expiryTimeWeightedVega[i]);
            number(e, "riskReversal25", s.expiryRiskReversal25[i]);
            number(e, "butterfly25", s.expiryButterfly25[i]);
            number(e, "rho", s.expiryRho[i]);
            number(e, "basisDelta", s.expiryBasisDelta[i]);
        }
        return n;
    }

    public ObjectNode hedge(final HedgeSignal h, final String symbol)
    {
        final ObjectNode n = mapper.createObjectNode();
        n.put("type", "hedge");
        n.put("sequence", h.sequence);
        n.put("time", JsonTime.format(h.timeNs));
        n.put("underlying", AsciiCode.toString(h.underlying));
        n.put("instrumentId", h.hedgeInstrumentId);
        if (symbol != null)
        {
            n.put("symbol", symbol);
        }
        n.put("side", String.valueOf(h.side));
        number(n, "quantity", h.quantity);
        number(n, "deltaBefore", h.deltaBefore);
        number(n, "deltaTarget", h.deltaTarget);
        return n;
    }

    public ObjectNode alert(final Alert a)
    {
        final ObjectNode n = mapper.createObjectNode();
        n.put("type", "alert");
        n.put("sequence", a.sequence);
        n.put("time", JsonTime.format(a.timeNs));
        n.put("code", String.valueOf(a.code));
        if (a.underlying != AsciiCode.NONE)
        {
            n.put("underlying", AsciiCode.toString(a.underlying));
        }
        n.put("instrumentId", a.instrumentId);
        number(n, "value", a.value);
        number(n, "threshold", a.threshold);
        n.put("state", String.valueOf(a.state));
        if (a.command != null)
        {
            n.put("command", a.command.name());
            if (a.limitNameLength > 0)
            {
                n.put("limit", a.limitNameText());
            }
            if (a.correlationId != 0)
            {
                n.put("correlationId", a.correlationId);
            }
            if (a.sourceId >= 0)
            {
                n.put("sourceId", a.sourceId);
            }
        }
        // a rejected command's, and a rejected input's (FILL_REJECTED, INPUT_OUT_OF_BOUNDS, EXCHANGE_TIME_AHEAD)
        final RejectReason reason = RejectReason.fromOrdinal(a.rejectReason);
        if (reason != null)
        {
            n.put("reason", reason.name());
        }
        return n;
    }

    /**
     * A scenario grid, its points named as the replay state's {@code scenarios[]} names them.
     */
    public ObjectNode scenarioGrid(final ScenarioGridMessage g)
    {
        final ObjectNode n = mapper.createObjectNode();
        n.put("type", "scenarioGrid");
        n.put("sequence", g.sequence);
        n.put("time", JsonTime.format(g.timeNs));
        n.put("underlying", AsciiCode.toString(g.underlying));
        n.put("currency", currency(g.currency, g.underlying));
        number(n, "index", g.indexUsd);
        final ArrayNode points = n.putArray("points");
        for (int p = 0; p < g.pointCount; p++)
        {
            final ObjectNode point = points.addObject();
            number(point, "move", g.move[p]);
            point.put("vol", String.valueOf(g.shock[p]));
            point.put("extended", p >= g.regularCount);
            number(point, "weight", g.weight[p]);
            number(point, "pnl", g.pnl[p]);
            number(point, "taylorPnl", g.taylorPnl[p]);
        }
        number(n, "worstLoss", g.worstLoss);
        n.put("worstPoint", g.worstPoint);
        number(n, "maxTaylorGap", g.maxTaylorGap);
        n.put("maxTaylorGapPoint", g.maxTaylorGapPoint);
        return n;
    }

    public ObjectNode marginStatus(final MarginStatus m)
    {
        final ObjectNode n = mapper.createObjectNode();
        n.put("type", "marginStatus");
        n.put("sequence", m.sequence);
        n.put("time", JsonTime.format(m.timeNs));
        n.put("underlying", AsciiCode.toString(m.underlying));
        n.put("currency", currency(m.currency, m.underlying));
        n.put("known", m.known);
        number(n, "index", m.indexUsd);
        number(n, "worstLoss", m.worstLoss);
        number(n, "contingency", m.contingency);
        number(n, "initial", m.initial);
        number(n, "maintenance", m.maintenance);
        number(n, "equity", m.equity);
        number(n, "initialUtilization", m.initialUtilization);
        number(n, "maintenanceUtilization", m.maintenanceUtilization);
        number(n, "downMove", m.downMove);
        number(n, "upMove", m.upMove);
        number(n, "downIndex", m.downIndexUsd);
        number(n, "upIndex", m.upIndexUsd);
        return n;
    }

    /**
     * @return the currency as the replay state reports it: the coin's code for COIN, else USD.
     */
    /**
     * @return a margin currency as the outputs and reports name it: the coin's code for COIN, else USD.
     */
    public static String currency(final MarginCurrency currency, final long underlying)
    {
        return currency == MarginCurrency.COIN ? AsciiCode.toString(underlying) : String.valueOf(currency);
    }

    public ObjectNode heartbeat(final long heartbeatSequence, final long wallTimeNs, final long engineTimeNs,
        final long lastOutputSequence, final long lastJournalSequence)
    {
        final ObjectNode n = mapper.createObjectNode();
        n.put("type", "heartbeat");
        n.put("heartbeatSequence", heartbeatSequence);
        n.put("wallTime", JsonTime.format(wallTimeNs));
        n.put("engineTime", JsonTime.format(engineTimeNs));
        n.put("lastOutputSequence", lastOutputSequence);
        n.put("lastJournalSequence", lastJournalSequence);
        return n;
    }

    /**
     * Numbers that are not finite are written as null (JSON has no NaN).
     */
    public static void number(final ObjectNode n, final String field, final double value)
    {
        if (Double.isFinite(value))
        {
            n.put(field, value);
        }
        else
        {
            n.putNull(field);
        }
    }

    public ObjectMapper mapper()
    {
        return mapper;
    }
}

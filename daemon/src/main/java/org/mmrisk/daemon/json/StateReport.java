package org.mmrisk.daemon.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mmrisk.core.engine.EdgeTotals;
import org.mmrisk.core.engine.EngineCounter;
import org.mmrisk.core.engine.ExplainTotals;
import org.mmrisk.core.engine.InstrumentState;
import org.mmrisk.core.engine.RejectReason;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.engine.ScenarioReport;
import org.mmrisk.core.engine.UnderlyingRisk;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.exposure.ExposureBuckets;
import org.mmrisk.core.exposure.PnlExplain;
import org.mmrisk.core.fill.HeldFills;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.position.Position;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.mmrisk.daemon.json.OutputJson.number;

/**
 * The replay state document: positions, instruments, underlyings, last quotes, rejects and counters, every array
 * sorted by {@code instrumentId} or {@code underlying} so the same engine state always prints the same bytes.
 * Built between events, on the engine's owning thread.
 */
public final class StateReport
{
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param alerts every alert emitted, in emission (sequence) order.
     * @param hedges every hedge signal emitted, in emission order.
     */
    public ObjectNode build(final RiskEngine engine, final Collection<ObjectNode> lastQuotes, final ArrayNode rejects,
        final Collection<ObjectNode> alerts, final Collection<ObjectNode> hedges, final Map<String, Long> extraCounters)
    {
        final TreeMap<Integer, InstrumentState> byId = new TreeMap<>(engine.instruments());
        final ObjectNode state = mapper.createObjectNode();
        state.put("time", engine.timeNs() == Long.MIN_VALUE ? null : JsonTime.format(engine.timeNs()));
        final ArrayNode positions = state.putArray("positions");
        final ArrayNode instruments = state.putArray("instruments");
        for (final InstrumentState s : byId.values())
        {
            if (hasPosition(s.position()))
            {
                position(s, positions.addObject());
            }
            if (s.isDefined())
            {
                instrument(s, instruments.addObject());
            }
        }
        final ArrayNode underlyings = state.putArray("underlyings");
        final ArrayNode buckets = state.putArray("buckets");
        final ArrayNode explain = state.putArray("pnlExplain");
        double tradingPnlUsd = 0;
        double edgeUsd = 0;
        for (final UnderlyingRisk u : engine.underlyings())
        {
            underlying(u, underlyings.addObject());
            buckets(u, buckets);
            pnlExplain(u, explain.addObject());
            tradingPnlUsd += u.tradingPnlUsd();
            edgeUsd += u.edgeUsd();
        }
        edgeAndInventory(tradingPnlUsd, edgeUsd, state.putObject("pnlExplainTotal"));
        ScenarioJson.write(ScenarioReport.compute(engine), state);
        state.putArray("quotes").addAll(lastQuotes);
        state.set("rejects", rejects);
        state.putArray("alerts").addAll(alerts);
        state.putArray("hedges").addAll(hedges);
        heldFills(engine.heldFills(), state.putArray("heldFills"));
        counters(engine, extraCounters, state.putObject("counters"));
        return state;
    }

    /**
     * Fills held beyond the fill-id horizon, by instrument id, then in arrival order.
     */
    private static void heldFills(final HeldFills held, final ArrayNode out)
    {
        final List<HeldFills.Held> sorted = new ArrayList<>();
        for (int i = 0; i < held.size(); i++)
        {
            sorted.add(held.get(i));
        }
        sorted.sort(Comparator.comparingInt(h -> h.instrumentId));
        for (final HeldFills.Held h : sorted)
        {
            final ObjectNode n = out.addObject();
            n.put("instrumentId", h.instrumentId);
            n.put("venue", AsciiCode.toString(h.venue));
            n.put("fillId", new String(h.fillId, 0, h.fillIdLength, StandardCharsets.US_ASCII));
            n.put("side", h.side.name());
            number(n, "quantity", h.quantity);
            number(n, "price", h.price);
            n.put("exchangeTime", JsonTime.format(h.exchangeTimeNs));
            n.put("time", JsonTime.format(h.timeNs));
        }
    }

    private static boolean hasPosition(final Position p)
    {
        return p.quantity() != 0 || p.realizedPnlUsd() != 0 || p.realizedPnlCoin() != 0;
    }

    private static void position(final InstrumentState s, final ObjectNode n)
    {
        final Position p = s.position();
        final Instrument instrument = s.instrument();
        n.put("instrumentId", s.instrumentId());
        n.put("symbol", instrument == null ? null : instrument.symbol());
        number(n, "quantity", p.quantity());
        number(n, "avgPrice", p.avgPrice());
        number(n, "realizedPnlUsd", p.realizedPnlUsd());
        final double indexUsd = s.underlying() == null ? Double.NaN : s.underlying().indexUsd();
        number(n, "unrealizedPnlUsd", s.unrealizedUsd(indexUsd));
        if (instrument != null && instrument.isInverse())
        {
            number(n, "realizedPnlCoin", p.realizedPnlCoin());
            final double mark = s.markOrMid();
            number(n, "unrealizedPnlCoin", mark > 0 ? p.unrealizedInSettlement(instrument, mark) : 0);
        }
        if (instrument == null)
        {
            n.put("parked", true);
        }
    }

    private static void instrument(final InstrumentState s, final ObjectNode n)
    {
        final Instrument instrument = s.instrument();
        final ContractRisk r = s.risk();
        n.put("instrumentId", s.instrumentId());
        n.put("symbol", instrument.symbol());
        number(n, "price", r.priceUsd);
        number(n, "iv", r.iv);
        number(n, "forward", r.forward);
        number(n, "anchorIndex", r.anchorIndexUsd);
        number(n, "forwardDelta", r.forwardDelta);
        number(n, "delta", r.delta);
        number(n, "gamma", r.gamma);
        number(n, "vega", r.vega);
        number(n, "theta", r.theta);
        number(n, "vanna", r.vanna);
        number(n, "volga", r.volga);
        number(n, "rho", r.rho);
        number(n, "basisDelta", r.basisDelta);
        number(n, "riskReversal25", r.riskReversal25);
        number(n, "butterfly25", r.butterfly25);
        if (instrument.isOption() && instrument.isInverse())
        {
            number(n, "premiumAdjustedDelta", r.premiumAdjustedDelta);
        }
    }

    private static void underlying(final UnderlyingRisk u, final ObjectNode n)
    {
        n.put("underlying", u.name());
        number(n, "index", u.indexUsd());
        number(n, "delta", u.delta());
        number(n, "deltaUsd", u.deltaUsd());
        number(n, "gamma", u.gamma());
        number(n, "vega", u.vega());
        number(n, "theta", u.theta());
        number(n, "vanna", u.vanna());
        number(n, "volga", u.volga());
        number(n, "dollarGamma", u.dollarGammaUsd());
        number(n, "equityCoins", u.equityCoins());
        number(n, "realizedPnlUsd", u.realizedPnlUsd());
        number(n, "unrealizedPnlUsd", u.unrealizedPnlUsd());
        n.put("unpricedPositions", u.unpricedPositions());
        number(n, "maxApproxError", u.maxApproxError());
        n.put("state", String.valueOf(u.state()));
    }

    /**
     * Per underlying: one bucket per expiry (instruments without one under {@code "expiry": null}), with its surface
     * and carry risk, then the option moneyness buckets in k = ln(K/F), each with its position-weighted Greeks.
     */
    private static void buckets(final UnderlyingRisk u, final ArrayNode out)
    {
        final double[] greeks = new double[6];
        for (final long expiryNs : u.sums().buckets().expiries())
        {
            final ObjectNode n = out.addObject();
            n.put("underlying", u.name());
            n.put("bucket", "EXPIRY");
            n.put("expiry", expiryNs == ExposureBuckets.NO_EXPIRY ? null : JsonTime.format(expiryNs));
            u.sums().buckets().readExpiry(expiryNs, u.indexUsd(), u.sums().evaluatedNs(), greeks);
            bucketGreeks(greeks, n);
            u.sums().buckets().readExpirySurface(expiryNs, u.indexUsd(), u.sums().evaluatedNs(), greeks);
            number(n, "timeWeightedVega", greeks[1]);
            number(n, "rho", greeks[2]);
            number(n, "basisDelta", greeks[3]);
            number(n, "riskReversal25", greeks[4]);
            number(n, "butterfly25", greeks[5]);
        }
        final double[] edges = u.sums().buckets().moneynessEdges();
        for (int i = 0; i <= edges.length; i++)
        {
            final ObjectNode n = out.addObject();
            n.put("underlying", u.name());
            n.put("bucket", "MONEYNESS");
            number(n, "kFrom", i == 0 ? Double.NaN : edges[i - 1]);
            number(n, "kTo", i == edges.length ? Double.NaN : edges[i]);
            u.sums().buckets().readMoneyness(i, u.indexUsd(), u.sums().evaluatedNs(), greeks);
            bucketGreeks(greeks, n);
        }
    }

    private static void bucketGreeks(final double[] greeks, final ObjectNode n)
    {
        number(n, "delta", greeks[0]);
        number(n, "gamma", greeks[1]);
        number(n, "vega", greeks[2]);
        number(n, "theta", greeks[3]);
        number(n, "vanna", greeks[4]);
        number(n, "volga", greeks[5]);
    }

    /**
     * Per underlying: the P&L explain since the first valuation ({@code total}) and since the last snapshot, in USD
     * and, while the underlying has an index, in its coin ({@code totalCoin}, {@code sinceSnapshotCoin}).
     */
    private static void pnlExplain(final UnderlyingRisk u, final ObjectNode n)
    {
        n.put("underlying", u.name());
        n.put("coin", u.name());
        final ExplainTotals totals = u.explain();
        final double valueNowUsd = u.sums().valueAtLastEvaluationUsd();
        final EdgeTotals edge = totals.edge();
        final double tradingPnlUsd = u.tradingPnlUsd();
        final ObjectNode total = n.putObject("total");
        explainTerms(totals.total(), valueNowUsd, total);
        edgeAndInventory(tradingPnlUsd, edge.edgeUsd(), total);
        final PnlExplain interval = new PnlExplain();
        interval.difference(totals.total(), totals.atSnapshot());
        final ObjectNode sinceSnapshot = n.putObject("sinceSnapshot");
        explainTerms(interval, valueNowUsd, sinceSnapshot);
        edgeAndInventory(tradingPnlUsd - edge.tradingPnlUsdAtSnapshot(), edge.edgeUsd() - edge.edgeUsdAtSnapshot(),
            sinceSnapshot);
        // in coins the book's worth needs the coin P&L of inverse contracts in it, as equity: without equity counted
        // there is no coin view to report
        if (u.indexUsd() > 0 && u.account().equityDelta())
        {
            final double valueNowCoin = u.sums().valueAtLastEvaluationCoins();
            final double tradingPnlCoin = tradingPnlUsd / u.indexUsd();
            final ObjectNode totalCoin = n.putObject("totalCoin");
            explainTermsCoin(totals.totalCoin(), valueNowCoin, totalCoin);
            edgeAndInventoryCoin(tradingPnlCoin, edge.edgeCoin(), totalCoin);
            interval.difference(totals.totalCoin(), totals.atSnapshotCoin());
            final ObjectNode sinceSnapshotCoin = n.putObject("sinceSnapshotCoin");
            explainTermsCoin(interval, valueNowCoin, sinceSnapshotCoin);
            edgeAndInventoryCoin(tradingPnlCoin - edge.tradingPnlCoinAtSnapshot(),
                edge.edgeCoin() - edge.edgeCoinAtSnapshot(), sinceSnapshotCoin);
        }
        else
        {
            n.putNull("totalCoin");
            n.putNull("sinceSnapshotCoin");
        }
    }

    /**
     * The trading P&L (realized + unrealized, fees and funding included), the fills' edge, and the rest, inventory.
     */
    private static void edgeAndInventory(final double tradingPnlUsd, final double edgeUsd, final ObjectNode n)
    {
        number(n, "tradingPnlUsd", tradingPnlUsd);
        number(n, "edgeUsd", edgeUsd);
        number(n, "inventoryUsd", tradingPnlUsd - edgeUsd);
    }

    /**
     * In coins: the trading P&L at the index now, each fill's edge at its own fill-time index.
     */
    private static void edgeAndInventoryCoin(final double tradingPnlCoin, final double edgeCoin, final ObjectNode n)
    {
        number(n, "edgeCoin", edgeCoin);
        number(n, "inventoryCoin", tradingPnlCoin - edgeCoin);
    }

    private static void explainTerms(final PnlExplain e, final double valueNowUsd, final ObjectNode n)
    {
        n.put("since", e.startNs() == Long.MIN_VALUE ? null : JsonTime.format(e.startNs()));
        number(n, "actualUsd", e.actual(valueNowUsd));
        number(n, "deltaUsd", e.delta());
        number(n, "gammaUsd", e.gamma());
        number(n, "vegaUsd", e.vega());
        number(n, "thetaUsd", e.theta());
        number(n, "vannaVolgaUsd", e.vannaVolga());
        number(n, "unexplainedUsd", e.unexplained(valueNowUsd));
    }

    /**
     * The coin explain, in coins of the underlying; its start time is that of the USD explain beside it.
     */
    private static void explainTermsCoin(final PnlExplain e, final double valueNowCoin, final ObjectNode n)
    {
        number(n, "deltaCoin", e.delta());
        number(n, "gammaCoin", e.gamma());
        number(n, "thetaCoin", e.theta());
        number(n, "vegaCoin", e.vega());
        number(n, "vannaVolgaCoin", e.vannaVolga());
        number(n, "actualCoin", e.actual(valueNowCoin));
        number(n, "unexplainedCoin", e.unexplained(valueNowCoin));
    }

    private static void counters(final RiskEngine engine, final Map<String, Long> extra, final ObjectNode n)
    {
        for (final EngineCounter counter : EngineCounter.VALUES)
        {
            n.put(counter.key(), engine.counters().get(counter));
        }
        n.put("fillIdsRemembered", engine.seenFills().size());
        final ObjectNode byReason = n.putObject("rejectedByReason");
        for (final RejectReason reason : RejectReason.VALUES)
        {
            final long count = engine.counters().rejected(reason);
            if (count > 0)
            {
                byReason.put(reason.name(), count);
            }
        }
        extra.forEach(n::put);
    }
}

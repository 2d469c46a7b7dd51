package org.mmrisk.daemon.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mmrisk.core.limits.LadderConfig;
import org.mmrisk.daemon.json.OutputJson;
import org.mmrisk.daemon.metrics.LiveView;
import org.mmrisk.daemon.metrics.LiveView.CounterValue;
import org.mmrisk.daemon.metrics.LiveView.LatencyView;

import java.util.Iterator;
import java.util.Map;

/**
 * The page's data ({@code GET /api/state}, documented in docs/dashboard.md): the counters file and the output
 * figures of a {@link LiveView}, and the detail of {@link DashboardOutputs}, merged per underlying. Stateless; called
 * on the HTTP server's threads.
 */
final class DashboardState
{
    /** Bumped when a key changes meaning; keys are only ever added otherwise. */
    static final int VERSION = 1;

    private DashboardState()
    {
    }

    /**
     * @param ladder the configuration's quoting ladder: the utilizations at which a limit moves quoting a rung up
     * @param terms  the options' expiries and strikes, for the snapshot's positions by expiry and strike
     */
    static ObjectNode json(final LiveView view, final ObjectNode detail, final LadderConfig ladder,
        final InstrumentTerms terms)
    {
        final ObjectNode n = detail.objectNode();
        n.put("version", VERSION);
        n.putObject("ladder").put("widenAt", ladder.widenAt()).put("reduceOnlyAt", ladder.reduceOnlyAt())
            .put("haltAt", ladder.haltAt()).put("hysteresis", ladder.hysteresis());
        n.put("countersPresent", view.countersPresent());
        final ArrayNode counters = n.putArray("counters");
        for (final CounterValue c : view.counters())
        {
            counters.addObject().put("id", c.id()).put("label", c.label()).put("value", c.value());
        }
        final ObjectNode outputs = n.putObject("outputs");
        view.outputsByType().forEach((type, count) -> outputs.put(type.key(), count));
        final ObjectNode alertCodes = n.putObject("alertsByCode");
        view.alertsByCode().forEach(alertCodes::put);
        final ObjectNode latency = n.putObject("latency");
        latency(latency.putObject("tickToQuote"), view.tickToQuote());
        latency(latency.putObject("tickToIngress"), view.tickToIngress());
        latency.put("samplesNegative", view.latencySamplesNegative());
        n.put("detailMessagesRead", detail.path("messagesRead").asLong());
        final ObjectNode underlyings = n.putObject("underlyings");
        final ObjectNode detailed = (ObjectNode)detail.get("underlyings");
        for (final Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = detailed.fields();
            it.hasNext(); )
        {
            final Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
            final ObjectNode one = underlyings.putObject(e.getKey());
            one.setAll((ObjectNode)e.getValue());
            one.set("strikeGrid", terms.strikeGrid(one.get("snapshot"), one));
            final ObjectNode limits = one.putObject("limitUtilization");
            final LiveView.UnderlyingView u = view.underlyings().get(e.getKey());
            if (u != null)
            {
                u.limitUtilization().forEach((kind, ratio) -> OutputJson.number(limits, kind.key(), ratio));
            }
        }
        n.set("alerts", detail.get("alerts"));
        n.set("hedges", detail.get("hedges"));
        return n;
    }

    private static void latency(final ObjectNode n, final LatencyView v)
    {
        n.put("count", v.count());
        OutputJson.number(n, "sumSeconds", v.sumSeconds());
        final ArrayNode quantiles = n.putArray("quantiles");
        for (int i = 0; i < v.quantiles().length; i++)
        {
            final ObjectNode q = quantiles.addObject();
            q.put("quantile", v.quantiles()[i]);
            OutputJson.number(q, "seconds", v.quantileSeconds()[i]);
        }
    }
}

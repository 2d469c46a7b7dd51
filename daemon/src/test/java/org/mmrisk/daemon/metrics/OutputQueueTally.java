package org.mmrisk.daemon.metrics;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a daemon's output queue holds, read directly for the tests: the newest snapshot per underlying, counts by
 * type and alert code, and the ingress latency of each stamped cause, from the quote stamps.
 */
final class OutputQueueTally
{
    final Map<Long, RiskSnapshot> lastSnapshots = new TreeMap<>();
    final Map<String, Long> outputsByType = new TreeMap<>();
    final Map<String, Long> alertsByCode = new TreeMap<>();
    /** Each (underlying, cause journal sequence) with a send stamp. */
    final Set<List<Long>> stampedCauses = new HashSet<>();
    final List<Long> tickToIngressNs = new ArrayList<>();

    /**
     * Reads the whole queue.
     *
     * @return the number of messages.
     */
    long read(final LoadedConfig config)
    {
        final RiskOutput output = new RiskOutput()
        {
            public void onQuoteAdjustment(final QuoteAdjustment q)
            {
                count("quote_adjustment");
                if (q.causeSendTimeNs > 0 && stampedCauses.add(List.of(q.underlying, q.causeJournalSequence)))
                {
                    // ingress stamps a duty cycle with its start: a message written during it reads as received earlier,
                    // which the reader records as 0
                    tickToIngressNs.add(Math.max(0, q.causeReceiveTimeNs - q.causeSendTimeNs));
                }
            }

            public void onRiskSnapshot(final RiskSnapshot s)
            {
                count("risk_snapshot");
                final RiskSnapshot copy = new RiskSnapshot();
                copy.underlying = s.underlying;
                copy.delta = s.delta;
                copy.deltaUsd = s.deltaUsd;
                copy.gamma = s.gamma;
                copy.vega = s.vega;
                copy.theta = s.theta;
                copy.maxApproxError = s.maxApproxError;
                copy.state = s.state;
                copy.maintenanceUtilization = s.maintenanceUtilization;
                copy.liquidationDownMove = s.liquidationDownMove;
                lastSnapshots.put(s.underlying, copy);
            }

            public void onAlert(final Alert a)
            {
                count("alert");
                alertsByCode.merge(a.code.name(), 1L, Long::sum);
            }

            public void onHedgeSignal(final HedgeSignal h)
            {
                count("hedge_signal");
            }

            public void onScenarioGrid(final ScenarioGridMessage g)
            {
                count("scenario_grid");
            }

            public void onMarginStatus(final MarginStatus m)
            {
                count("margin_status");
            }
        };
        final OutputAdapter adapter = new OutputAdapter(output,
            (seq, wall, engine, lastOut, lastJournal) -> count("heartbeat"));
        long total = 0;
        try (ChronicleQueue queue = Queues.openExisting(config.outputDir()); SbeTailer tailer = new SbeTailer(queue))
        {
            int n;
            while ((n = tailer.poll(adapter)) > 0)
            {
                total += n;
            }
        }
        return total;
    }

    private void count(final String type)
    {
        outputsByType.merge(type, 1L, Long::sum);
    }

    /**
     * @return whether the queue holds a risk snapshot of this underlying with a known maintenance utilization.
     */
    static boolean knownMaintenanceUtilization(final LoadedConfig config, final long underlying)
    {
        final OutputQueueTally tally = new OutputQueueTally();
        tally.read(config);
        final RiskSnapshot last = tally.lastSnapshots.get(underlying);
        return last != null && !Double.isNaN(last.maintenanceUtilization);
    }
}

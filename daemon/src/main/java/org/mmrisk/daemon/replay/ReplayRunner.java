package org.mmrisk.daemon.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.engine.InstrumentState;
import org.mmrisk.core.engine.RejectReason;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.journal.JournalReplayer;
import org.mmrisk.daemon.json.EventJsonReader;
import org.mmrisk.daemon.json.StateReport;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the engine offline, single-threaded and deterministically, over replay-format lines or a daemon's journal,
 * and reports its final state. The {@code risk replay} verb and tests use it; owned by the calling thread.
 * <p>
 * A line that fails to parse is reported under {@code rejects} and does not end a batch; a line the engine rejects
 * still ends its batch when {@code batchEnd} says so. The last batch is closed at the end of the input.
 */
public final class ReplayRunner
{
    private final RiskEngine engine;
    private final RecordingOutput output;
    private final ArrayNode rejects = new ObjectMapper().createArrayNode();
    private final RiskEvent event = new RiskEvent();
    private final EventJsonReader reader = new EventJsonReader();
    private final EventJsonReader.Result result = new EventJsonReader.Result();
    private long lines;
    private long parseRejects;

    public ReplayRunner(final EngineConfig config, final boolean keepOutputLog)
    {
        final RiskEngine[] self = new RiskEngine[1];
        output = new RecordingOutput(keepOutputLog, id -> symbolOf(self[0], id));
        engine = new RiskEngine(config, output);
        self[0] = engine;
    }

    private static String symbolOf(final RiskEngine engine, final int instrumentId)
    {
        final InstrumentState state = engine.instruments().get(instrumentId);
        return state != null && state.isDefined() ? state.instrument().symbol() : null;
    }

    public ReplayRunner runLines(final BufferedReader in) throws IOException
    {
        boolean batchOpen = false;
        String line;
        while ((line = in.readLine()) != null)
        {
            lines++;
            if (line.isBlank())
            {
                continue;
            }
            reader.parse(line, event, result);
            if (result.reason != null)
            {
                parseRejects++;
                reject(result.reason, result.detail);
                continue;
            }
            final RejectReason reason = engine.onEvent(event);
            if (reason != null)
            {
                reject(reason, reason == RejectReason.INVALID_SMILE ? engine.lastSmileReject().name() : null);
            }
            batchOpen = !event.batchEnd;
            if (event.batchEnd)
            {
                engine.onBatchEnd();
            }
        }
        if (batchOpen)
        {
            engine.onBatchEnd();
        }
        return this;
    }

    public ReplayRunner runJournal(final ChronicleQueue journal)
    {
        lines = JournalReplayer.replay(journal, engine);
        return this;
    }

    private void reject(final RejectReason reason, final String detail)
    {
        final ObjectNode n = rejects.addObject();
        n.put("line", lines);
        n.put("reason", reason.name());
        if (detail != null)
        {
            n.put("detail", detail);
        }
    }

    public ObjectNode state()
    {
        final Map<String, Long> extra = new LinkedHashMap<>();
        extra.put("linesRead", lines);
        extra.put("linesRejectedAtParse", parseRejects);
        return new StateReport().build(engine, output.lastQuotes(), rejects.deepCopy(), output.alerts(),
            output.hedges(), extra);
    }

    public RecordingOutput output()
    {
        return output;
    }

    public RiskEngine engine()
    {
        return engine;
    }
}

package org.mmrisk.daemon.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.engine.EngineCounter;
import org.mmrisk.core.engine.InstrumentState;
import org.mmrisk.core.engine.RejectReason;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.checkpoint.Checkpoint;
import org.mmrisk.daemon.checkpoint.CheckpointRestore;
import org.mmrisk.daemon.journal.JournalReplayer;
import org.mmrisk.daemon.json.EventJsonReader;
import org.mmrisk.daemon.json.StateReport;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
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
    /** Lines between two progress reports: often enough for a display, rare enough to cost nothing. */
    public static final long PROGRESS_EVERY_LINES = 4096;

    /**
     * Told how far a long replay has come; called on the replaying thread.
     */
    @FunctionalInterface
    public interface Progress
    {
        Progress NONE = (count, chars) -> { };

        /**
         * @param count lines or journal entries read so far.
         * @param chars characters of input read so far (a line's end counted as one), or −1 for a journal.
         */
        void onProgress(long count, long chars);
    }

    private final RiskEngine engine;
    private final RecordingOutput output;
    private final ArrayNode rejects = new ObjectMapper().createArrayNode();
    private final RiskEvent event = new RiskEvent();
    private final EventJsonReader reader = new EventJsonReader();
    private final EventJsonReader.Result result = new EventJsonReader.Result();
    private final long[] parseRejectsByReason = new long[RejectReason.VALUES.length];
    private long lines;
    private long blankLines;
    private long parseRejects;
    private boolean fromJournal;
    private long afterJournalSequence = -1;
    private long rejectedBefore;
    private final long[] rejectedBeforeByReason = new long[RejectReason.VALUES.length];

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

    /**
     * Starts from a checkpoint's engine state instead of an empty engine (an incident dump's); before any event. A
     * journal replay then begins after the checkpoint's journal sequence.
     *
     * @throws org.mmrisk.core.state.StateFormatException when the state does not restore.
     */
    public ReplayRunner restore(final Checkpoint checkpoint)
    {
        if (lines > 0 || fromJournal)
        {
            throw new IllegalStateException("a checkpoint is restored before any event");
        }
        CheckpointRestore.restore(engine, checkpoint);
        afterJournalSequence = checkpoint.journalSequence();
        // the engine's counters continue from the checkpoint's; this run's summary counts its own rejects only
        rejectedBefore = engine.counters().get(EngineCounter.REJECTED);
        for (final RejectReason reason : RejectReason.VALUES)
        {
            rejectedBeforeByReason[reason.ordinal()] = engine.counters().rejected(reason);
        }
        return this;
    }

    public ReplayRunner runLines(final BufferedReader in) throws IOException
    {
        return runLines(in, Progress.NONE);
    }

    /**
     * @param progress told the lines and characters read so far every {@link #PROGRESS_EVERY_LINES} lines.
     */
    public ReplayRunner runLines(final BufferedReader in, final Progress progress) throws IOException
    {
        boolean batchOpen = false;
        long chars = 0;
        String line;
        while ((line = in.readLine()) != null)
        {
            lines++;
            chars += line.length() + 1;
            if (lines % PROGRESS_EVERY_LINES == 0)
            {
                progress.onProgress(lines, chars);
            }
            if (line.isBlank())
            {
                blankLines++;
                continue;
            }
            reader.parse(line, event, result);
            if (result.reason != null)
            {
                parseRejects++;
                parseRejectsByReason[result.reason.ordinal()]++;
                reject(result.reason, result.detail);
                continue;
            }
            final RejectReason reason = engine.onEvent(event);
            if (reason != null)
            {
                reject(reason, detail(reason));
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
        return runJournal(journal, Progress.NONE);
    }

    /**
     * @param progress told the entries replayed so far every {@link JournalReplayer#PROGRESS_EVERY} entries.
     */
    public ReplayRunner runJournal(final ChronicleQueue journal, final Progress progress)
    {
        fromJournal = true;
        lines = JournalReplayer.replay(journal, engine, afterJournalSequence, Long.MAX_VALUE, count -> progress.onProgress(count, -1),
            (entry, event, reason) -> reject(entry, reason, detail(reason)).put("journalSequence",
            event.journalSequence));
        return this;
    }

    /**
     * @return lines (or journal entries) rejected, at parse or by the engine.
     */
    public long rejected()
    {
        return parseRejects + engine.counters().get(EngineCounter.REJECTED) - rejectedBefore;
    }

    /**
     * One line for a human: what was read, applied and rejected, with the count of each reason, e.g.
     * {@code 5,000 lines read, 186 applied, 4,814 rejected (MISSING_FIELD 4,814)}.
     */
    public String summary()
    {
        final long rejected = rejected();
        final StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
            "%,d %s read, %,d applied, %,d rejected", lines, fromJournal ? "journal entries" : "lines",
            lines - blankLines - rejected, rejected));
        String separator = " (";
        for (final RejectReason reason : RejectReason.VALUES)
        {
            final long count = parseRejectsByReason[reason.ordinal()] + engine.counters().rejected(reason) -
                rejectedBeforeByReason[reason.ordinal()];
            if (count > 0)
            {
                line.append(separator).append(reason.name()).append(String.format(Locale.ROOT, " %,d", count));
                separator = ", ";
            }
        }
        return rejected > 0 ? line.append(')').toString() : line.toString();
    }

    private String detail(final RejectReason reason)
    {
        return reason == RejectReason.INVALID_SMILE ? engine.lastSmileReject().name() : null;
    }

    private void reject(final RejectReason reason, final String detail)
    {
        reject(lines, reason, detail);
    }

    /**
     * @param line the line's number, or a journal entry's among those replayed.
     */
    private ObjectNode reject(final long line, final RejectReason reason, final String detail)
    {
        final ObjectNode n = rejects.addObject();
        n.put("line", line);
        n.put("reason", reason.name());
        if (detail != null)
        {
            n.put("detail", detail);
        }
        return n;
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

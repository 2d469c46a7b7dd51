package org.mmrisk.daemon.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.output.CountingOutput;
import org.mmrisk.core.state.StateWriter;
import org.mmrisk.daemon.checkpoint.Checkpoint;
import org.mmrisk.daemon.checkpoint.CheckpointFile;
import org.mmrisk.daemon.checkpoint.CheckpointRestore;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.journal.JournalReader;
import org.mmrisk.daemon.json.EventJsonWriter;
import org.mmrisk.daemon.json.JsonTime;
import org.mmrisk.daemon.queue.Queues;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Cuts an incident out of a daemon's data ({@code risk dump}): the journal's batches of a time range as replay lines,
 * the engine state the range starts from as a checkpoint file, and the configuration it ran under, so that
 * {@code risk replay --checkpoint} reproduces the range's live outputs. The state is the newest kept checkpoint taken
 * before the range (or one the operator names), else a fresh engine at the journal's start, rolled forward through
 * the journal to the range's first entry. Reads the daemon's files only; writes only into the output directory.
 * Owned by the calling thread; allocates (a tool, not the hot path).
 */
public final class IncidentDump
{
    public static final String EVENTS_FILE = "events.jsonl";
    public static final String CHECKPOINT_FILE = "checkpoint.snap";
    public static final String CONFIG_FILE = "config.yaml";
    public static final String MANIFEST_FILE = "dump.json";

    private final LoadedConfig config;
    private final EngineConfig engineConfig;
    private final long fingerprint;
    private final PrintWriter log;

    /**
     * @param config the configuration the daemon ran under; null for the built-in one.
     * @param log    told of each checkpoint passed over.
     */
    public IncidentDump(final LoadedConfig config, final PrintWriter log)
    {
        this.config = config;
        this.engineConfig = config == null ? new EngineConfig().conclude() : config.engineConfig();
        this.fingerprint = config == null ? ConfigLoader.builtInFingerprint() : config.configFingerprint();
        this.log = log;
    }

    /**
     * @param checkpointFile a checkpoint to start from instead of the newest kept one; null to choose.
     * @param checkpointDir  where the kept checkpoints are (when none is given).
     * @return the manifest written as {@link #MANIFEST_FILE}.
     * @throws IllegalArgumentException one line saying what is wrong; nothing is written then.
     */
    public ObjectNode dump(final Path journalDir, final long fromNs, final long toNs, final Path outDir,
        final Path checkpointFile, final Path checkpointDir) throws IOException
    {
        if (fromNs >= toNs)
        {
            throw new IllegalArgumentException("--from " + JsonTime.format(fromNs) + " is not before --to " +
                JsonTime.format(toNs));
        }
        checkEmptyOrAbsent(outDir);
        final Checkpoint given = checkpointFile == null ? null :
            IncidentCheckpoint.read(checkpointFile, fingerprint, configName());
        try (ChronicleQueue journal = Queues.openExisting(journalDir))
        {
            final JournalRange range = JournalRange.find(journal, journalDir, fromNs, toNs);
            final Checkpoint base = given != null ? checkBefore(given, range) :
                CheckpointChoice.newestBefore(checkpointDir, range, fingerprint, log);
            checkCovered(base, range, journalDir);
            final RiskEngine engine = new RiskEngine(engineConfig, new CountingOutput());
            restore(engine, base);
            Queues.createOwnerOnly(outDir);
            final long[] lastSourceIndex = base != null ? base.lastSourceIndex().clone() : noSources();
            final long rolled = rollForwardAndWrite(journal, engine, base, range, lastSourceIndex,
                outDir.resolve(EVENTS_FILE));
            writeCheckpoint(engine, range.firstSequence() - 1, lastSourceIndex, outDir);
            if (config != null)
            {
                Files.copy(config.file(), outDir.resolve(CONFIG_FILE));
            }
            final ObjectNode manifest = manifest(journalDir, fromNs, toNs, range, base, rolled, engine);
            Files.writeString(outDir.resolve(MANIFEST_FILE), new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest) + "\n", StandardCharsets.UTF_8);
            return manifest;
        }
    }

    private String configName()
    {
        return config == null ? "the built-in configuration" : config.file().toString();
    }

    private static void checkEmptyOrAbsent(final Path outDir) throws IOException
    {
        if (!Files.exists(outDir))
        {
            return;
        }
        if (!Files.isDirectory(outDir))
        {
            throw new IllegalArgumentException("--out " + outDir + " is a file, not a directory");
        }
        try (Stream<Path> entries = Files.list(outDir))
        {
            if (entries.findAny().isPresent())
            {
                throw new IllegalArgumentException("--out " + outDir + " is not empty: give a new or empty directory " +
                    "(a dump never overwrites)");
            }
        }
    }

    private static Checkpoint checkBefore(final Checkpoint given, final JournalRange range)
    {
        if (given.journalSequence() >= range.firstSequence())
        {
            throw new IllegalArgumentException("the checkpoint " + given.path() + " holds journal sequences up to " +
                given.journalSequence() + ", but the range starts at sequence " + range.firstSequence() +
                ": give one taken before the range");
        }
        return given;
    }

    private static void checkCovered(final Checkpoint base, final JournalRange range, final Path journalDir)
    {
        final long holdsUpTo = base == null ? -1 : base.journalSequence();
        if (range.journalFirstSequence() > holdsUpTo + 1)
        {
            throw new IllegalArgumentException("cannot rebuild the state at the range's start (sequence " +
                range.firstSequence() + "): the journal " + journalDir + " starts at sequence " +
                range.journalFirstSequence() + " and " + (base == null ? "no usable checkpoint before the range " +
                "exists" : "the checkpoint " + base.path() + " holds sequences up to " + holdsUpTo) +
                "; give --checkpoint, or --config for the daemon's checkpoint directory");
        }
    }

    private static void restore(final RiskEngine engine, final Checkpoint base)
    {
        if (base == null)
        {
            return;
        }
        try
        {
            CheckpointRestore.restore(engine, base);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException("the checkpoint " + base.path() + " does not restore: " +
                ex.getMessage(), ex);
        }
    }

    private long[] noSources()
    {
        final long[] none = new long[config == null ? 0 : config.config().inputs.size()];
        Arrays.fill(none, -1);
        return none;
    }

    /**
     * One read of the journal: the entries after the base state and before the range go into the engine, as recovery
     * applies them; the range's entries go out as replay lines, each with its journal sequence.
     *
     * @return the entries the engine was rolled forward by.
     */
    private static long rollForwardAndWrite(final ChronicleQueue journal, final RiskEngine engine,
        final Checkpoint base, final JournalRange range, final long[] lastSourceIndex, final Path eventsFile)
        throws IOException
    {
        final long after = base == null ? -1 : base.journalSequence();
        final EventJsonWriter writer = new EventJsonWriter().journalSequence(true);
        final long[] rolled = new long[1];
        final boolean[] done = new boolean[1];
        try (JournalReader reader = new JournalReader(journal).verifyAfter(after);
            BufferedWriter out = Files.newBufferedWriter(eventsFile, StandardCharsets.UTF_8))
        {
            final IOException[] failed = new IOException[1];
            while (!done[0] && failed[0] == null && reader.poll((event, sourceId, sourceIndex) ->
            {
                final long sequence = event.journalSequence;
                if (sequence > range.lastSequence())
                {
                    done[0] = true;
                }
                else if (sequence >= range.firstSequence())
                {
                    try
                    {
                        out.write(writer.write(event));
                        out.newLine();
                    }
                    catch (final IOException ex)
                    {
                        failed[0] = ex;
                    }
                }
                else if (sequence > after)
                {
                    engine.onEvent(event);
                    if (event.batchEnd)
                    {
                        engine.onBatchEnd();
                    }
                    if (sourceId >= 0 && sourceId < lastSourceIndex.length)
                    {
                        lastSourceIndex[sourceId] = sourceIndex;
                    }
                    rolled[0]++;
                }
            }) > 0)
            {
                // each poll reads one entry
            }
            if (failed[0] != null)
            {
                throw failed[0];
            }
        }
        return rolled[0];
    }

    private void writeCheckpoint(final RiskEngine engine, final long journalSequence, final long[] lastSourceIndex,
        final Path outDir) throws IOException
    {
        final StateWriter state = new StateWriter(1 << 20);
        engine.saveState(state);
        final Instant now = Instant.now();
        final long writtenEpochNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        final Path written = new CheckpointFile().write(outDir, RiskEngine.stateVersion(), journalSequence,
            engine.timeNs(), writtenEpochNs, fingerprint, lastSourceIndex, state.buffer().byteBuffer(), state.length());
        Files.move(written, outDir.resolve(CHECKPOINT_FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    private ObjectNode manifest(final Path journalDir, final long fromNs, final long toNs, final JournalRange range,
        final Checkpoint base, final long rolled, final RiskEngine engine)
    {
        final ObjectNode m = new ObjectMapper().createObjectNode();
        m.put("journal", journalDir.toAbsolutePath().toString());
        m.put("from", JsonTime.format(fromNs));
        m.put("to", JsonTime.format(toNs));
        m.put("events", EVENTS_FILE);
        m.put("eventCount", range.events());
        m.put("firstJournalSequence", range.firstSequence());
        m.put("lastJournalSequence", range.lastSequence());
        m.put("firstEventTime", JsonTime.format(range.firstTimeNs()));
        m.put("lastEventTime", JsonTime.format(range.lastTimeNs()));
        final ObjectNode checkpoint = m.putObject("checkpoint");
        checkpoint.put("file", CHECKPOINT_FILE);
        checkpoint.put("journalSequence", range.firstSequence() - 1);
        // a fresh engine that has seen no event has no time yet
        checkpoint.put("engineTime", engine.timeNs() == Long.MIN_VALUE ? null : JsonTime.format(engine.timeNs()));
        checkpoint.put("base", base == null ? "journal start" : base.path().toAbsolutePath().toString());
        checkpoint.put("baseJournalSequence", base == null ? -1 : base.journalSequence());
        checkpoint.put("rolledForwardEvents", rolled);
        final ObjectNode configuration = m.putObject("config");
        configuration.put("file", config == null ? null : CONFIG_FILE);
        configuration.put("source", config == null ? "built-in" : config.file().toAbsolutePath().toString());
        configuration.put("fingerprint", IncidentCheckpoint.hex(fingerprint));
        m.put("replay", "risk replay --checkpoint " + CHECKPOINT_FILE + " --events " + EVENTS_FILE +
            (config == null ? "" : " --config " + CONFIG_FILE) + " --state-out STATE.json --outputs-out OUTPUTS.jsonl");
        return m;
    }
}

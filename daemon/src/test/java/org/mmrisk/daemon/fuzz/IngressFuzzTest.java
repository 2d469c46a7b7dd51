package org.mmrisk.daemon.fuzz;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.engine.EngineCounter;
import org.mmrisk.core.engine.EngineCounters;
import org.mmrisk.core.engine.RejectReason;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.daemon.RiskDaemon;
import org.mmrisk.daemon.codec.DecodeError;
import org.mmrisk.daemon.codec.InputDecoder;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.replay.ReplayRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input through a real daemon on real queues: seeded random and mutated SBE messages ({@link FuzzMessages})
 * into every input queue, the control queue included. The daemon must never stop, and nothing may be lost: every
 * message read is either a decode error under its reason or an engine event, applied or rejected under a reason,
 * and the counts match what was written exactly. Its journal then replays to the same engine counters.
 * <p>
 * {@code -Dfuzz.messages=N} (default 30,000) and {@code -Dfuzz.seed=S} set the run; the long run is
 * {@code mvn -B -o -pl daemon -am verify -Dtest=IngressFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfuzz.messages=1000000}.
 */
class IngressFuzzTest
{
    private static final int MESSAGES = Integer.getInteger("fuzz.messages", 30_000);
    private static final long SEED = Long.getLong("fuzz.seed", 7201);
    /** The control queue follows the two inputs. */
    private static final int CONTROL_SOURCE = 2;
    private static final int PROBE_INSTRUMENT = 2_000_000;

    @TempDir
    Path dir;

    private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    private final Map<DecodeError, Long> expectedErrors = new EnumMap<>(DecodeError.class);
    private final Map<EngineCounter, Long> engineAtShutdown = new EnumMap<>(EngineCounter.class);
    private final Map<RejectReason, Long> rejectsAtShutdown = new EnumMap<>(RejectReason.class);
    private final long[] writtenPerSource = new long[3];
    private long expectedEngineInputs;

    @Test
    void shouldCountEveryHostileMessageAsDecodeErrorOrEngineEventAndKeepRunning() throws Exception
    {
        final LoadedConfig config = ConfigLoader.load(writeConfig());
        try (RiskDaemon daemon = RiskDaemon.launch(config, errors::add, this::recordEngineCounters))
        {
            final DaemonCounters counters = daemon.counters();
            writeFuzz(config);
            await(() -> messagesRead(counters) == MESSAGES && engineInputs(counters) == expectedEngineInputs,
                "every fuzz message read and every decoded one through the engine");

            for (int source = 0; source < writtenPerSource.length; source++)
            {
                assertThat(counters.messagesRead(source).get()).as("messages read from source %d", source)
                    .isEqualTo(writtenPerSource[source]);
            }
            long decodeErrors = 0;
            for (final DecodeError error : DecodeError.values())
            {
                assertThat(counters.decodeError(error).get()).as("decode errors %s", error)
                    .isEqualTo(expectedErrors.getOrDefault(error, 0L));
                decodeErrors += counters.decodeError(error).get();
            }
            assertThat(decodeErrors + engineInputs(counters)).as("decode errors + engine input events")
                .isEqualTo(MESSAGES);

            final long fillsBefore = counters.engine(EngineCounter.FILLS).get();
            writeProbeFill(config);
            await(() -> counters.engine(EngineCounter.FILLS).get() == fillsBefore + 1,
                "the daemon still applies a good fill after the fuzz");
            final long heartbeats = counters.heartbeats.get();
            await(() -> counters.heartbeats.get() > heartbeats, "heartbeats go on");
        }
        assertThat(errors).as("errors reported by the daemon").isEmpty();

        long rejected = 0;
        for (final RejectReason reason : RejectReason.values())
        {
            rejected += rejectsAtShutdown.get(reason);
        }
        final long events = engineAtShutdown.get(EngineCounter.EVENTS);
        final long timers = engineAtShutdown.get(EngineCounter.TIMERS);
        assertThat(engineAtShutdown.get(EngineCounter.REJECTED)).isEqualTo(rejected);
        assertThat(events - timers).as("engine input events: the decoded fuzz messages and the probe")
            .isEqualTo(expectedEngineInputs + 1);
        assertThat(rejected).as("engine rejects").isPositive().isLessThan(events - timers);

        System.out.printf("fuzz: %,d messages (seed %d): %,d decode errors %s; %,d engine input events, %,d of them " +
            "rejected (%s), %,d applied%n", MESSAGES, SEED, MESSAGES - expectedEngineInputs, expectedErrors,
            events - timers, rejected, nonZeroRejects(), events - timers - rejected);

        final EngineCounters replayed;
        try (ChronicleQueue journal = Queues.openExisting(config.journalDir()))
        {
            final long[] entries = new long[2];
            try (org.mmrisk.daemon.journal.JournalReader reader = new org.mmrisk.daemon.journal.JournalReader(journal))
            {
                while (reader.poll((event, sourceId, sourceIndex) ->
                {
                    entries[0]++;
                    entries[1] += event.batchEnd ? 1 : 0;
                }) > 0)
                {
                    // count every entry
                }
            }
            assertThat(entries[0]).as("journal entries").isEqualTo(events);
            assertThat(entries[1]).as("journal batch ends").isEqualTo(engineAtShutdown.get(EngineCounter.BATCHES));

            replayed = new ReplayRunner(config.engineConfig(), false).runJournal(journal).engine().counters();
        }
        for (final EngineCounter counter : EngineCounter.VALUES)
        {
            assertThat(replayed.get(counter)).as("replayed %s", counter.key()).isEqualTo(engineAtShutdown.get(counter));
        }
        for (final RejectReason reason : RejectReason.VALUES)
        {
            assertThat(replayed.rejected(reason)).as("replayed rejects %s", reason)
                .isEqualTo(rejectsAtShutdown.get(reason));
        }
    }

    private void writeFuzz(final LoadedConfig config)
    {
        final FuzzMessages fuzz = new FuzzMessages(SEED, System.currentTimeMillis() * 1_000_000L);
        final InputDecoder decoder = new InputDecoder();
        final RiskEvent decoded = new RiskEvent();
        final SplittableRandom pick = new SplittableRandom(SEED + 1);
        try (ChronicleQueue market = Queues.open(config.inputDir("market"), config.queueBlockSizeBytes());
            ChronicleQueue fills = Queues.open(config.inputDir("fills"), config.queueBlockSizeBytes());
            ChronicleQueue control = Queues.open(config.controlDir(), config.queueBlockSizeBytes());
            SbeAppender marketAppender = new SbeAppender(market);
            SbeAppender fillAppender = new SbeAppender(fills);
            SbeAppender controlAppender = new SbeAppender(control))
        {
            final SbeAppender[] sources = {marketAppender, fillAppender, controlAppender};
            for (int i = 0; i < MESSAGES; i++)
            {
                final int length = fuzz.next();
                final UnsafeBuffer buffer = fuzz.buffer();
                final DecodeError error = length > org.mmrisk.daemon.ring.RingEvent.MAX_PAYLOAD_LENGTH ?
                    DecodeError.OVERSIZED_FIELD : decoder.decode(buffer, 0, length, decoded);
                if (fuzz.expected() != null)
                {
                    assertThat(error).as("decoding message %d made from %s", i, fuzz.lastType())
                        .isEqualTo(fuzz.expected());
                }
                final int source;
                if (error == null)
                {
                    // a decoded message goes to a queue that may carry it, or now and then to one that may not
                    final boolean command = decoded.type == EventType.CONTROL;
                    final boolean misrouted = pick.nextInt(20) == 0;
                    source = command != misrouted ? CONTROL_SOURCE : pick.nextInt(CONTROL_SOURCE);
                    if (misrouted)
                    {
                        expectedErrors.merge(DecodeError.WRONG_SOURCE, 1L, Long::sum);
                    }
                    else
                    {
                        expectedEngineInputs++;
                    }
                }
                else
                {
                    expectedErrors.merge(error, 1L, Long::sum);
                    source = pick.nextInt(sources.length);
                }
                sources[source].append(buffer, 0, length);
                writtenPerSource[source]++;
            }
        }
    }

    private void writeProbeFill(final LoadedConfig config)
    {
        final RiskEvent fill = new RiskEvent().reset();
        fill.type = EventType.FILL;
        fill.instrumentId = PROBE_INSTRUMENT;
        fill.sendTimeNs = System.currentTimeMillis() * 1_000_000L;
        fill.exchangeTimeNs = fill.sendTimeNs;
        fill.venue = AsciiCode.pack("PROBE");
        fill.fillId("probe-1");
        fill.side = Side.BUY;
        fill.quantity = 1;
        fill.price = 100;
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        final int length = new InputEncoder().encode(fill, buffer, 0);
        try (ChronicleQueue fills = Queues.open(config.inputDir("fills"), config.queueBlockSizeBytes());
            SbeAppender appender = new SbeAppender(fills))
        {
            appender.append(buffer, 0, length);
        }
    }

    /**
     * On the engine thread at shutdown: the engine's own counts, for the comparison with a replay.
     */
    private void recordEngineCounters(final org.mmrisk.core.engine.RiskEngine engine)
    {
        for (final EngineCounter counter : EngineCounter.VALUES)
        {
            engineAtShutdown.put(counter, engine.counters().get(counter));
        }
        for (final RejectReason reason : RejectReason.VALUES)
        {
            rejectsAtShutdown.put(reason, engine.counters().rejected(reason));
        }
    }

    private Map<RejectReason, Long> nonZeroRejects()
    {
        final Map<RejectReason, Long> nonZero = new EnumMap<>(RejectReason.class);
        rejectsAtShutdown.forEach((reason, count) ->
        {
            if (count > 0)
            {
                nonZero.put(reason, count);
            }
        });
        return nonZero;
    }

    private static long messagesRead(final DaemonCounters counters)
    {
        return counters.messagesRead(0).get() + counters.messagesRead(1).get() + counters.messagesRead(2).get();
    }

    private static long engineInputs(final DaemonCounters counters)
    {
        return counters.engine(EngineCounter.EVENTS).get() - counters.engine(EngineCounter.TIMERS).get();
    }

    private void await(final BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 60_000 + MESSAGES / 10;
        while (!condition.getAsBoolean())
        {
            assertThat(errors).as("errors reported by the daemon while waiting for: " + what).isEmpty();
            assertThat(System.currentTimeMillis()).as("timed out waiting for: " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private Path writeConfig() throws Exception
    {
        final Path file = dir.resolve("daemon.yaml");
        Files.writeString(file, String.join("\n",
            "dataDir: data",
            "inputs: [market, fills]",
            "queueBlockSizeMb: 4",
            "ring: {size: 1024, waitStrategy: sleeping}",
            "ingress: {idleStrategy: backoff, batchLimit: 64, timerIntervalMs: 20}",
            "egress: {heartbeatIntervalMs: 50}",
            "engine: {snapshotIntervalMs: 100}",
            ""));
        return file;
    }
}

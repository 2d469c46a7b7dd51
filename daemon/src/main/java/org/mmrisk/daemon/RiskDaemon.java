package org.mmrisk.daemon;

import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.daemon.checkpoint.CheckpointStore;
import org.mmrisk.daemon.checkpoint.CheckpointTaker;
import org.mmrisk.daemon.checkpoint.CheckpointWriter;
import org.mmrisk.daemon.checkpoint.RecoveryPlan;
import org.mmrisk.daemon.config.DaemonConfig;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.config.Strategies;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.errors.ErrorLogFile;
import org.mmrisk.daemon.egress.OutputPosition;
import org.mmrisk.daemon.engine.EngineHandler;
import org.mmrisk.daemon.ingress.IngressAgent;
import org.mmrisk.daemon.ingress.SourceTypes;
import org.mmrisk.daemon.journal.JournalPosition;
import org.mmrisk.daemon.journal.Journaller;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.retention.QueueRetention;
import org.mmrisk.daemon.ring.RingEvent;
import org.mmrisk.daemon.stamps.StageHistograms;
import org.mmrisk.daemon.stamps.StageStamps;
import org.mmrisk.daemon.storage.FreeSpaceGuard;
import org.mmrisk.daemon.storage.WritableDirectory;
import org.mmrisk.daemon.threads.ThreadAffinity;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The risk daemon process: opens the queues, the counters file and the error log ({@link ErrorLogFile}, which every
 * error handler of the daemon records into), starts the ring with its two consumers
 * (journaller and engine) and the ingress agent, and closes everything in reverse order.
 * <p>
 * Threads: {@code ingress} (the agent), {@code journaller} and {@code engine} (ring consumers). {@link #launch} and
 * {@link #close} are called by the owning (main) thread.
 */
public final class RiskDaemon implements AutoCloseable
{
    /** The operator's control queue, the last of the input sources, as the counters name it. */
    public static final String CONTROL_SOURCE = "control";

    private final LoadedConfig config;
    private final List<ChronicleQueue> queues = new ArrayList<>();
    private final CountersFile countersFile;
    private final ErrorLogFile errorLog;
    private final DaemonCounters counters;
    private final Disruptor<RingEvent> disruptor;
    private final EngineHandler engineHandler;
    private final AgentRunner ingressRunner;
    private final AgentRunner checkpointRunner;
    private final JournalPosition journalPosition;
    private final ThreadFactory threads;
    private final long lastOutputSequence;
    private static final long DRAIN_TIMEOUT_MS = 10_000;
    private static final long DRAIN_POLL_MS = 50;

    private final DaemonFailure failure;
    /** Set by the closing thread (close is idempotent). */
    private volatile boolean stopping;

    private RiskDaemon(final LoadedConfig config, final ErrorHandler errorHandler, final boolean acceptConfigChange)
    {
        this.config = config;
        final DaemonConfig c = config.config();
        requireAllowedCpus(c);
        requireWritableDirectories(config);
        errorLog = ErrorLogFile.create(config.errorLogFile().toFile(), new SystemEpochClock());
        failure = new DaemonFailure(logThenReport(errorLog, errorHandler));
        threads = namedThreads(c.affinity);
        CountersFile created = null;
        try
        {
            final long blockSize = config.queueBlockSizeBytes();
            final List<String> sourceNames = new ArrayList<>(c.inputs);
            sourceNames.add(CONTROL_SOURCE);
            final ChronicleQueue[] inputs = new ChronicleQueue[sourceNames.size()];
            for (int i = 0; i < c.inputs.size(); i++)
            {
                inputs[i] = open(config.inputDir(c.inputs.get(i)), blockSize);
            }
            inputs[inputs.length - 1] = open(config.controlDir(), blockSize);
            final ChronicleQueue journal = open(config.journalDir(), blockSize);
            final ChronicleQueue output = open(config.outputDir(), blockSize);

            created = CountersFile.create(config.countersFile().toFile());
            countersFile = created;
            counters = new DaemonCounters(countersFile, sourceNames);
            final long fingerprint = config.configFingerprint();
            final CheckpointStore checkpoints =
                new CheckpointStore(config.checkpointDir(), c.recovery.checkpointsKept());
            final RecoveryPlan plan = RecoveryPlan.choose(checkpoints, journal, config.journalDir(), inputs.length,
                config.engineConfig(), fingerprint, acceptConfigChange, System.out);
            journalPosition = plan.journal();
            lastOutputSequence = OutputPosition.lastOutputSequence(output);
            final CheckpointTaker taker = new CheckpointTaker(inputs.length, journalPosition.lastSourceIndex(),
                (long)(c.recovery.checkpointIntervalSeconds() * 1e9), counters);
            final QueueRetention retention = new QueueRetention(c.recovery.queueRetentionDays, inputs, journal, output,
                QueueRetention.wallClockCycle(), System.out);
            final CheckpointWriter checkpointWriter = new CheckpointWriter(taker, checkpoints, fingerprint, counters,
                retention,
                System.err,
                failure::failed, errorLog);
            checkpointRunner = new AgentRunner(new SleepingMillisIdleStrategy(5), failure, null, checkpointWriter);

            // One thread publishes, but ingress keeps a claimed slot back (the batch's last event, or a slot whose
            // message failed to decode) across the next claim; the single-producer sequencer moves its cursor over
            // claimed slots when the ring is nearly full, which would show them to the consumers half-written. The
            // multi-producer sequencer only shows what was published.
            disruptor = new Disruptor<>(RingEvent::new, c.ring.size, threads, ProducerType.MULTI,
                Strategies.waitStrategy(c.ring.waitStrategy));
            final Journaller journaller = new Journaller(journal, counters, spaceGuard(config.journalDir(), "journal"));
            engineHandler = new EngineHandler(config.engineConfig(), output, journaller.journaledSequence(),
                Strategies.journalWait(c.ring.waitStrategy), counters, new SystemEpochNanoClock(),
                TimeUnit.MILLISECONDS.toNanos(c.egress.heartbeatIntervalMs), journal, lastOutputSequence, plan, taker,
                checkpointWriter, failure, spaceGuard(config.outputDir(), "output"));
            final boolean stamped = c.stamps.enabled();
            if (stamped)
            {
                engineHandler.stageStamps(new StageStamps(new SystemEpochNanoClock(), new StageHistograms(
                    (long)(c.stamps.warmupSeconds * 1e9), (long)(c.stamps.windowSeconds * 1e9))), config.stampsDir());
            }
            disruptor.handleEventsWith(journaller, engineHandler);
            disruptor.setDefaultExceptionHandler(new FatalExceptionHandler(failure));

            final IngressAgent ingress = new IngressAgent(inputs, journalPosition.lastSourceIndex(),
                disruptor.getRingBuffer(), new SystemEpochNanoClock(), counters, c.ingress.batchLimit,
                TimeUnit.MICROSECONDS.toNanos(c.ingress.maxBatchHoldMicros),
                TimeUnit.MILLISECONDS.toNanos(c.ingress.timerIntervalMs), journalPosition.nextJournalSequence())
                .requireChecksum(c.ingress.requireChecksum)
                .acceptedTypes(SourceTypes.of(c.inputs, c.ingress.inputTypes))
                .stallTimeoutNs(TimeUnit.MILLISECONDS.toNanos(c.ingress.stallTimeoutMs))
                .errors(errorLog)
                .stampPublish(stamped);
            ingressRunner = new AgentRunner(Strategies.idle(c.ingress.idleStrategy), failure, null, ingress);
        }
        catch (final RuntimeException ex)
        {
            // a refused start (a damaged journal, a queue that will not open) leaves nothing mapped or open
            CloseHelper.quietCloseAll(queues);
            CloseHelper.quietClose(created);
            errorLog.onError(ex);
            CloseHelper.quietClose(errorLog);
            throw ex;
        }
    }

    /**
     * @return the daemon's error handler chain: each error goes into the mapped error log first, since the report may
     * wake a main thread that halts the process at once, then to the report (standard error, the caller's handler).
     */
    static ErrorHandler logThenReport(final ErrorLogFile errorLog, final ErrorHandler report)
    {
        return error ->
        {
            errorLog.onError(error);
            report.onError(error);
        };
    }

    /**
     * Every directory the daemon writes into takes a new file, before any queue is opened: a read-only or full file
     * system stops start-up here, named, instead of failing a thread later.
     */
    private static void requireWritableDirectories(final LoadedConfig config)
    {
        WritableDirectory.require("data", config.dataDir());
        for (final String input : config.config().inputs)
        {
            // Chronicle writes its table store even into a queue it only reads
            WritableDirectory.require("input " + input, config.inputDir(input));
        }
        WritableDirectory.require("control", config.controlDir());
        WritableDirectory.require("journal", config.journalDir());
        WritableDirectory.require("output", config.outputDir());
        WritableDirectory.require("checkpoint", config.checkpointDir());
    }

    private FreeSpaceGuard spaceGuard(final java.nio.file.Path dir, final String role)
    {
        final DaemonConfig.Storage storage = config.config().storage;
        return new FreeSpaceGuard(dir.toFile(), role, (long)storage.minFreeMb << 20,
            TimeUnit.MILLISECONDS.toNanos(storage.spaceWaitMs), java.io.File::getUsableSpace, new SystemNanoClock(),
            new SleepingMillisIdleStrategy(10), failure::failed, System.err);
    }

    /**
     * The checks of a loaded config that need this process: every configured CPU is one it may use.
     *
     * @throws IllegalArgumentException naming the key.
     */
    public static void requireAllowedCpus(final DaemonConfig c)
    {
        ThreadAffinity.requireAllowed("affinity.ingress", c.affinity.ingress);
        ThreadAffinity.requireAllowed("affinity.journaller", c.affinity.journaller);
        ThreadAffinity.requireAllowed("affinity.engine", c.affinity.engine);
    }

    /**
     * Starts a daemon; the caller closes it.
     */
    public static RiskDaemon launch(final LoadedConfig config, final ErrorHandler errorHandler)
    {
        return launch(config, errorHandler, engine -> { });
    }

    /**
     * Starts a daemon; the caller closes it.
     *
     * @param onShutdown called on the engine thread with the engine's final state once the ring has stopped (a clean
     *                   shutdown only: a killed daemon calls nothing).
     */
    public static RiskDaemon launch(final LoadedConfig config, final ErrorHandler errorHandler,
        final Consumer<RiskEngine> onShutdown)
    {
        return launch(config, errorHandler, onShutdown, false);
    }

    /**
     * Starts a daemon; the caller closes it.
     *
     * @param onShutdown         as in {@link #launch(LoadedConfig, ErrorHandler, Consumer)}.
     * @param acceptConfigChange continue from the newest checkpoint even if it was taken under another engine
     *                           configuration (the operator's explicit choice; see {@code RecoveryPlan}).
     */
    public static RiskDaemon launch(final LoadedConfig config, final ErrorHandler errorHandler,
        final Consumer<RiskEngine> onShutdown, final boolean acceptConfigChange)
    {
        final RiskDaemon daemon = new RiskDaemon(config, errorHandler, acceptConfigChange);
        daemon.engineHandler.shutdownListener(onShutdown);
        AgentRunner.startOnThread(daemon.checkpointRunner, daemon.threads);
        daemon.disruptor.start();
        AgentRunner.startOnThread(daemon.ingressRunner, daemon.threads);
        return daemon;
    }

    private ChronicleQueue open(final java.nio.file.Path dir, final long blockSize)
    {
        final ChronicleQueue queue = Queues.open(dir, blockSize);
        queues.add(queue);
        return queue;
    }

    /**
     * Names each daemon thread by its role and pins it to its configured CPU as it starts.
     */
    private static ThreadFactory namedThreads(final DaemonConfig.Affinity affinity)
    {
        return new ThreadFactory()
        {
            private int count;

            @Override
            public Thread newThread(final Runnable runnable)
            {
                final String name = runnable instanceof AgentRunner ? ((AgentRunner)runnable).agent().roleName() :
                    count++ == 0 ? "journaller" : "engine";
                final int cpu = affinity.cpuOf(name);
                final Thread thread = new Thread(() ->
                {
                    ThreadAffinity.pinCurrentThread(name, cpu, System.out);
                    runnable.run();
                }, name);
                thread.setDaemon(false);
                return thread;
            }
        };
    }

    public void printStartup(final PrintStream out)
    {
        out.println("risk daemon: data " + config.dataDir() + ", inputs " + config.config().inputs +
            ", " + journalPosition.entries() + " journal events to replay, output queue ends at " +
            "sequence " + lastOutputSequence);
    }

    /**
     * Waits until the engine thread has rebuilt its state from the journal and the daemon is live.
     *
     * @return false when recovery did not finish within the timeout (the error handler has the reason, if any).
     */
    public boolean awaitRecovery(final long timeoutMs) throws InterruptedException
    {
        return engineHandler.awaitRecovery(timeoutMs);
    }

    /**
     * One line on how start-up recovery went; after {@link #awaitRecovery}.
     */
    public void printRecovered(final PrintStream out)
    {
        out.printf("risk daemon: live: replayed %d journal events in %.1f ms, wrote %d outputs again; JVM up %d ms%n",
            engineHandler.recoveredEvents(), engineHandler.recoveryNs() / 1e6, engineHandler.outputsRewritten(),
            java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }

    public DaemonCounters counters()
    {
        return counters;
    }

    /**
     * @return the first error of any daemon thread, if any: once there is one the daemon must stop.
     */
    public DaemonFailure failure()
    {
        return failure;
    }

    /**
     * Lets journaller and engine finish what ingress published, for at most {@link #DRAIN_TIMEOUT_MS}; at once when
     * a thread has failed, since a failed consumer never drains the ring.
     */
    private void drainRing()
    {
        final long deadlineMs = System.currentTimeMillis() + DRAIN_TIMEOUT_MS;
        while (!failure.failed() && System.currentTimeMillis() < deadlineMs)
        {
            try
            {
                disruptor.shutdown(DRAIN_POLL_MS, TimeUnit.MILLISECONDS);
                return;
            }
            catch (final com.lmax.disruptor.TimeoutException ex)
            {
                // not drained yet: look again whether a thread failed meanwhile
            }
        }
        if (!failure.failed())
        {
            failure.onError(new IllegalStateException("the journaller and the engine did not finish the ring within " +
                DRAIN_TIMEOUT_MS + " ms of the stop"));
        }
        disruptor.halt();
    }

    private void awaitEngineStopped()
    {
        try
        {
            if (!engineHandler.awaitStopped(10_000))
            {
                failure.onError(new IllegalStateException("the engine thread did not stop within 10 s"));
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Idempotent. Stops ingress first (publishing what it read), lets the ring drain through journaller and engine,
     * waits for the engine thread's shutdown (egress closed, final state handed to the shutdown listener), then closes
     * the queues and the counters file. A ring that does not drain, or an engine thread that does not stop, in time is
     * a failure ({@link #failure()}): no final checkpoint, and {@code risk daemon} exits 2.
     */
    @Override
    public void close()
    {
        if (stopping)
        {
            return;
        }
        stopping = true;
        CloseHelper.quietClose(ingressRunner);
        drainRing();
        awaitEngineStopped();
        CloseHelper.quietClose(checkpointRunner);
        CloseHelper.quietCloseAll(queues);
        CloseHelper.quietClose(countersFile);
        CloseHelper.quietClose(errorLog);
    }
}

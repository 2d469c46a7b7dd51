package org.mmrisk.daemon.config;

import org.mmrisk.core.config.Setting;
import org.mmrisk.core.event.EventType;
import org.mmrisk.daemon.ingress.SourceTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.ToDoubleFunction;

/**
 * Every setting of the daemon outside the {@code engine} section: key, default, range and meaning, in one table.
 * {@link DaemonConfig} takes its defaults from here and checks its values against it; the engine's own settings
 * are in {@link org.mmrisk.core.config.EngineSettings}.
 */
public final class DaemonSettings
{
    /** Linux's default CPU limit (CONFIG_NR_CPUS); whether a CPU may be used is checked when the daemon starts. */
    private static final int MAX_CPUS = 8192;
    private static final String CPU = "must be -1 (not pinned) or a CPU number, 0 to " + (MAX_CPUS - 1);

    /** The daemon's settings. */
    public static final List<Setting<DaemonConfig>> ALL = List.of(
        text("dataDir", "../data", (c, v) -> c.dataDir = v, c -> c.dataDir).reason("must be a directory path")
            .doc("Root of every queue and file of the daemon; relative to the config file's directory."),
        Setting.<DaemonConfig>texts("inputs", List.of("market", "fills"), (c, v) -> c.inputs = v, c -> c.inputs)
            .doc("Input queues under dataDir/input/, one per source (gateway); source ids follow this order."),
        integer("queueBlockSizeMb", 16, (c, v) -> c.queueBlockSizeMb = (int)v, c -> c.queueBlockSizeMb)
            .range(1, 1024).doc("Chronicle block size of every queue, MiB."),
        integer("ring.size", 16384, (c, v) -> c.ring.size = (int)v, c -> c.ring.size).range(64, 1 << 30).powerOfTwo()
            .doc("Disruptor slots between ingress and the engine."),
        choice("ring.waitStrategy", "sleeping", List.of("busy-spin", "yielding", "sleeping", "blocking"),
            (c, v) -> c.ring.waitStrategy = v, c -> c.ring.waitStrategy)
            .doc("How the journaller and engine threads wait for events."),
        choice("ingress.idleStrategy", "backoff", List.of("busy-spin", "yielding", "backoff", "sleeping"),
            (c, v) -> c.ingress.idleStrategy = v, c -> c.ingress.idleStrategy)
            .doc("What ingress does when no input is waiting."),
        integer("ingress.batchLimit", 256, (c, v) -> c.ingress.batchLimit = (int)v, c -> c.ingress.batchLimit)
            .range(1, Integer.MAX_VALUE).doc("Most messages in one batch; at most half the ring size."),
        integer("ingress.maxBatchHoldMicros", 100, (c, v) -> c.ingress.maxBatchHoldMicros = (int)v,
            c -> c.ingress.maxBatchHoldMicros).range(0, 1_000_000).reason("must be 0 (never held open) to 1000000")
            .doc("Longest a batch is held open while the journaller or the engine is behind, us of wall time."),
        integer("ingress.timerIntervalMs", 100, (c, v) -> c.ingress.timerIntervalMs = (int)v,
            c -> c.ingress.timerIntervalMs).range(1, 60_000).doc("Engine time between injected timer events, ms."),
        Setting.<DaemonConfig>flag("ingress.requireChecksum", false, (c, v) -> c.ingress.requireChecksum = v,
            c -> c.ingress.requireChecksum)
            .doc("Refuse input messages without a checksum (schema version before 4) as MISSING_CHECKSUM."),
        integer("ingress.stallTimeoutMs", 2000, (c, v) -> c.ingress.stallTimeoutMs = (int)v,
            c -> c.ingress.stallTimeoutMs).range(100, 3_600_000)
            .doc("Longest an input queue may hold records its reader cannot read (a corrupt record header) before " +
            "the daemon stops, ms of wall time."),
        Setting.<DaemonConfig>map("ingress.inputTypes", DaemonSettings::inputTypes, (c, m) -> c.ingress.inputTypes(m))
            .doc("Per input, the only message types it may carry (instrument, tick, fill, position, vol, surface); " +
            "an input not named carries all of them. Others are WRONG_SOURCE."),
        integer("egress.heartbeatIntervalMs", 1000, (c, v) -> c.egress.heartbeatIntervalMs = (int)v,
            c -> c.egress.heartbeatIntervalMs).range(1, 60_000)
            .doc("Heartbeats on the output queue; at least ingress.timerIntervalMs."),
        integer("storage.minFreeMb", 64, (c, v) -> c.storage.minFreeMb = (int)v, c -> c.storage.minFreeMb)
            .range(0, 1 << 20).reason("must be 0 (no check) to 1048576")
            .doc("Least free space the journaller and egress leave on their file systems, MiB; below it they wait."),
        integer("storage.spaceWaitMs", 10_000, (c, v) -> c.storage.spaceWaitMs = (int)v, c -> c.storage.spaceWaitMs)
            .range(0, 600_000).doc("Longest wait for free space before the daemon stops (exit 2), ms."),
        number("recovery.checkpointIntervalSeconds", 60, (c, v) -> c.recovery.snapshotIntervalSeconds = v,
            c -> c.recovery.snapshotIntervalSeconds).range(0, 86_400).alias("recovery.snapshotIntervalSeconds")
            .reason("must be 0 (only at shutdown) to 86400")
            .doc("Engine time between checkpoints of the engine state, seconds; 0: only at clean shutdown."),
        integer("recovery.checkpointsKept", 3, (c, v) -> c.recovery.snapshotsKept = (int)v,
            c -> c.recovery.snapshotsKept).range(1, 1000).alias("recovery.snapshotsKept")
            .doc("Newest checkpoints kept; older ones are deleted after each new one."),
        integer("recovery.queueRetentionDays", 7, (c, v) -> c.recovery.queueRetentionDays = (int)v,
            c -> c.recovery.queueRetentionDays).range(0, 36_500).reason("must be 0 (keep every file) to 36500")
            .doc("Days of queue files kept, counting today (UTC); 0 keeps every file."),
        integer("affinity.ingress", -1, (c, v) -> c.affinity.ingress = (int)v, c -> c.affinity.ingress)
            .range(-1, MAX_CPUS - 1).reason(CPU).doc("CPU the ingress thread is pinned to; -1: not pinned."),
        integer("affinity.journaller", -1, (c, v) -> c.affinity.journaller = (int)v, c -> c.affinity.journaller)
            .range(-1, MAX_CPUS - 1).reason(CPU).doc("CPU the journaller thread is pinned to; -1: not pinned."),
        integer("affinity.engine", -1, (c, v) -> c.affinity.engine = (int)v, c -> c.affinity.engine)
            .range(-1, MAX_CPUS - 1).reason(CPU).doc("CPU the engine thread is pinned to; -1: not pinned."),
        text("stamps.dir", "", (c, v) -> c.stamps.dir = v, c -> c.stamps.dir)
            .doc("Where the per-stage latency histograms go at clean shutdown, relative to the config file's " +
            "directory; empty: no stamps (no clock read on their account)."),
        number("stamps.warmupSeconds", 0, (c, v) -> c.stamps.warmupSeconds = v, c -> c.stamps.warmupSeconds)
            .range(0, 86_400).doc("From the first stamped tick's send time, seconds before stage times count."),
        number("stamps.windowSeconds", 0, (c, v) -> c.stamps.windowSeconds = v, c -> c.stamps.windowSeconds)
            .range(0, 86_400).reason("must be 0 (until shutdown) to 86400")
            .doc("How long stage times count after the warm-up, by the ticks' send times, seconds; 0: until shutdown."));

    private DaemonSettings()
    {
    }

    private static Object inputTypes(final String key, final Object raw)
    {
        final Map<String, Object> types = new LinkedHashMap<>();
        ((Map<?, ?>)raw).forEach((input, names) ->
        {
            final String where = key + "." + input;
            if (!(names instanceof List<?> list) || list.isEmpty())
            {
                throw new IllegalArgumentException(where + ": must be a list of message types, e.g. [fill, position]");
            }
            final List<EventType> only = new ArrayList<>();
            for (final Object name : list)
            {
                try
                {
                    only.add(SourceTypes.inputType(String.valueOf(name)));
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
                }
            }
            types.put(String.valueOf(input), List.copyOf(only));
        });
        return types;
    }

    private static Setting<DaemonConfig> number(final String key, final double defaultValue,
        final ObjDoubleConsumer<DaemonConfig> set, final ToDoubleFunction<DaemonConfig> get)
    {
        return Setting.number(key, defaultValue, set, get);
    }

    private static Setting<DaemonConfig> integer(final String key, final long defaultValue,
        final ObjLongConsumer<DaemonConfig> set, final ToDoubleFunction<DaemonConfig> get)
    {
        return Setting.integer(key, defaultValue, set, get);
    }

    private static Setting<DaemonConfig> choice(final String key, final String defaultValue, final List<String> choices,
        final BiConsumer<DaemonConfig, String> set, final Function<DaemonConfig, String> get)
    {
        return Setting.choice(key, defaultValue, choices, set, get);
    }

    private static Setting<DaemonConfig> text(final String key, final String defaultValue,
        final BiConsumer<DaemonConfig, String> set, final Function<DaemonConfig, String> get)
    {
        return Setting.text(key, defaultValue, set, get);
    }
}

package org.mmrisk.daemon.config;

import org.mmrisk.core.config.Setting;
import org.mmrisk.core.event.EventType;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The daemon's own settings (every section of the config file but {@code engine}). Keys, defaults, ranges and
 * meaning are in {@link DaemonSettings}: a new DaemonConfig holds every default, {@link ConfigLoader} sets what the
 * file gives and {@link #conclude()} checks everything once. Read-only after loading; shared by every thread.
 */
public final class DaemonConfig
{
    private static final Pattern INPUT_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /** Root of every queue and file of one daemon, relative to the config file's directory unless absolute. */
    public String dataDir;
    /** Names of the input queues under dataDir/input/; each is one source of gateway messages. */
    public List<String> inputs;
    public int queueBlockSizeMb;
    public final Ring ring = new Ring();
    public final Ingress ingress = new Ingress();
    public final Egress egress = new Egress();
    public final Recovery recovery = new Recovery();
    public final Storage storage = new Storage();
    public final Affinity affinity = new Affinity();
    public final Stamps stamps = new Stamps();
    /** The engine section as the file states it, with defaults filled in: what the config fingerprint covers. */
    Map<String, Object> engineValues = Map.of();

    /**
     * Every setting at its default.
     */
    public DaemonConfig()
    {
        for (final Setting<DaemonConfig> setting : DaemonSettings.ALL)
        {
            setting.apply(this, setting.defaultValue(), setting.key());
        }
    }

    /**
     * Validates every value once, against the ranges of {@link DaemonSettings} and the rules that tie settings
     * together.
     *
     * @throws IllegalArgumentException "KEY: REASON".
     */
    public DaemonConfig conclude()
    {
        for (final Setting<DaemonConfig> setting : DaemonSettings.ALL)
        {
            setting.check(this);
        }
        require("dataDir", !dataDir.isBlank(), "must be a directory path");
        require("inputs", !inputs.isEmpty(), "must name at least one input queue");
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++)
        {
            final String name = inputs.get(i);
            require("inputs[" + i + "]", INPUT_NAME.matcher(name).matches(),
                "must be lower-case letters, digits, '-' or '_' (got '" + name + "')");
            require("inputs[" + i + "]", seen.add(name), "duplicate input '" + name + "'");
        }
        for (final String input : ingress.inputTypes.keySet())
        {
            require("ingress.inputTypes." + input, inputs.contains(input), "not one of the inputs " + inputs);
        }
        require("ingress.batchLimit", ingress.batchLimit <= ring.size / 2, "must be 1 to half the ring size");
        require("egress.heartbeatIntervalMs", egress.heartbeatIntervalMs >= ingress.timerIntervalMs,
            "must be from ingress.timerIntervalMs to 60000 (heartbeats ride on timer events)");
        return this;
    }

    private static void require(final String key, final boolean ok, final String reason)
    {
        if (!ok)
        {
            throw new IllegalArgumentException(key + ": " + reason);
        }
    }

    /**
     * The CPU each busy thread is pinned to (Linux), -1 for none.
     */
    public static final class Affinity
    {
        public int ingress;
        public int journaller;
        public int engine;

        /**
         * @return the CPU of a daemon thread by its name, -1 for none (or for a thread not listed here).
         */
        public int cpuOf(final String threadName)
        {
            return switch (threadName)
            {
                case "ingress" -> ingress;
                case "journaller" -> journaller;
                case "engine" -> engine;
                default -> -1;
            };
        }
    }

    /**
     * Per-stage latency stamps (docs/latency-stages.md): off unless {@code dir} is given.
     */
    public static final class Stamps
    {
        /** Where the histograms are written at clean shutdown, relative to the config file; empty: off. */
        public String dir;
        public double warmupSeconds;
        /** 0: until shutdown. */
        public double windowSeconds;

        public boolean enabled()
        {
            return !dir.isBlank();
        }
    }

    /**
     * Checkpoints of the engine state, from which a restart recovers (then replays the journal after the newest).
     * The fields keep their older names; {@link #checkpointIntervalSeconds()} and {@link #checkpointsKept()} read them.
     */
    public static final class Recovery
    {
        /** Engine time between checkpoints, seconds; 0: only at clean shutdown. */
        public double snapshotIntervalSeconds;
        /** Newest checkpoints kept. */
        public int snapshotsKept;
        /** Days of queue files kept, counting today (UTC); 0 keeps every file. */
        public int queueRetentionDays;

        public double checkpointIntervalSeconds()
        {
            return snapshotIntervalSeconds;
        }

        public int checkpointsKept()
        {
            return snapshotsKept;
        }
    }

    /**
     * The Disruptor ring between ingress and the engine.
     */
    public static final class Ring
    {
        public int size;
        /** How the journaller and engine threads wait for events ({@link Strategies#waitStrategy}). */
        public String waitStrategy;
    }

    /**
     * The agent that tails the input queues.
     */
    public static final class Ingress
    {
        /** What ingress does when no input is waiting ({@link Strategies#idle}). */
        public String idleStrategy;
        public int batchLimit;
        public int maxBatchHoldMicros;
        public int timerIntervalMs;
        /** Whether ingress refuses input messages without a checksum (schema version before 4). */
        public boolean requireChecksum;
        public int stallTimeoutMs;
        /** Per input name, the only message types it may carry; an input not named carries every input type. */
        public Map<String, List<EventType>> inputTypes = Map.of();

        @SuppressWarnings("unchecked")
        void inputTypes(final Map<String, Object> types)
        {
            final Map<String, List<EventType>> typed = new LinkedHashMap<>();
            types.forEach((input, only) -> typed.put(input, (List<EventType>)only));
            inputTypes = Map.copyOf(typed);
        }
    }

    /**
     * The output queue's writer.
     */
    public static final class Egress
    {
        public int heartbeatIntervalMs;
    }

    /**
     * How the queue writers (journaller, egress) treat a file system running out of space.
     */
    public static final class Storage
    {
        /** Least usable space left on the journal's and the output's file systems, MiB; 0: no check. */
        public int minFreeMb;
        /** Longest wait for space before the daemon stops, ms. */
        public int spaceWaitMs;
    }
}

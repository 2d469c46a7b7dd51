package org.mmrisk.daemon.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's configuration file, as mapped by Jackson from YAML. Every key has a default (so a file lists only
 * what it changes), unknown keys are errors, and {@link ConfigLoader} validates everything once, naming the key.
 * Read-only after loading; shared by every thread of the daemon.
 */
public final class DaemonConfig
{
    /** Root of every queue and file of one daemon, relative to the config file's directory unless absolute. */
    @JsonProperty
    public String dataDir = "../data";
    /** Names of the input queues under dataDir/input/; each is one source of gateway messages. */
    @JsonProperty
    public List<String> inputs = new ArrayList<>(List.of("market", "fills"));
    /** Chronicle block size of every queue, in MiB. */
    @JsonProperty
    public int queueBlockSizeMb = 16;
    @JsonProperty
    public Ring ring = new Ring();
    @JsonProperty
    public Ingress ingress = new Ingress();
    @JsonProperty
    public Egress egress = new Egress();
    @JsonProperty
    public Engine engine = new Engine();
    @JsonProperty
    public Recovery recovery = new Recovery();
    @JsonProperty
    public Affinity affinity = new Affinity();

    /**
     * The CPU each busy thread is pinned to (Linux), -1 for none: with busy-spin waits, give each its own core, away
     * from the cores the kernel's interrupts and other processes use.
     */
    public static final class Affinity
    {
        @JsonProperty
        public int ingress = -1;
        @JsonProperty
        public int journaller = -1;
        @JsonProperty
        public int engine = -1;

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
     * Engine-state snapshots, from which a restart recovers (then replays the journal after the newest one).
     */
    public static final class Recovery
    {
        /** Engine time between snapshots, seconds; 0: only at clean shutdown. */
        @JsonProperty
        public double snapshotIntervalSeconds = 60;
        /** Newest snapshots kept; older ones are deleted after each new one. */
        @JsonProperty
        public int snapshotsKept = 3;
        /**
         * Days of input, journal and output queue files kept, counting today (UTC); older ones are deleted after a
         * snapshot unless the oldest kept snapshot still needs them. 0 keeps every file.
         */
        @JsonProperty
        public int queueRetentionDays = 7;
    }

    /**
     * The Disruptor ring between ingress and the engine.
     */
    public static final class Ring
    {
        /** Slots; a power of two. */
        @JsonProperty
        public int size = 16384;
        /** busy-spin | yielding | sleeping | blocking: how the journaller and engine threads wait for events. */
        @JsonProperty
        public String waitStrategy = "sleeping";
    }

    /**
     * The agent that tails the input queues.
     */
    public static final class Ingress
    {
        /** busy-spin | yielding | backoff | sleeping: what ingress does when no input is waiting. */
        @JsonProperty
        public String idleStrategy = "backoff";
        /** At most this many messages form one batch (the engine conflates outputs per batch). */
        @JsonProperty
        public int batchLimit = 256;
        /** Longest a batch is held open while the journaller or the engine is behind, µs of wall time. */
        @JsonProperty
        public int maxBatchHoldMicros = 100;
        /** Engine time between timer events injected when nothing else happens, in ms. */
        @JsonProperty
        public int timerIntervalMs = 100;
    }

    /**
     * The output queue's writer.
     */
    public static final class Egress
    {
        @JsonProperty
        public int heartbeatIntervalMs = 1000;
    }

    /**
     * The risk engine's tunables; see the README for their meaning.
     */
    public static final class Engine
    {
        @JsonProperty
        public double riskAversionPerUsd = 1.0e-5;
        @JsonProperty
        public double skewHorizonMinutes = 60;
        @JsonProperty
        public double indexVolatility = 0.6;
        @JsonProperty
        public double minShiftTicks = 1.0;
        @JsonProperty
        public double maxShiftVolPoints = 5.0;
        @JsonProperty
        public double fallbackBasisPerYear = 0.0;
        @JsonProperty
        public double optionTimeFloorSeconds = 300;
        @JsonProperty
        public double fillIdHorizonHours = 24;
        @JsonProperty
        public int fillIdCapacity = 1 << 20;
        @JsonProperty
        public int reanchorSliceSize = 8;
        @JsonProperty
        public double trustRadius = 0.01;
        @JsonProperty
        public double maxAnchorAgeSeconds = 60;
        @JsonProperty
        public double approxErrorBudget = 1e-4;
        @JsonProperty
        public double[] moneynessBucketEdges = { -0.3, -0.1, -0.02, 0.02, 0.1, 0.3 };
        @JsonProperty
        public boolean equityDelta = true;
        @JsonProperty
        public java.util.Map<String, Double> coinBalances = new java.util.TreeMap<>();
        @JsonProperty
        public String settlementSource = "index";
        @JsonProperty
        public int snapshotIntervalMs = 1000;
        @JsonProperty
        public double minShiftVolPoints = 0.1;
        @JsonProperty
        public double maxQuotesPerSecond = 10;
        @JsonProperty
        public double skewGammaWeight = 0;
        @JsonProperty
        public double skewVegaWeight = 0;
        @JsonProperty
        public double widenSpreadMult = 2.0;
        @JsonProperty
        public double spreadPerUtilization = 0.5;
        @JsonProperty
        public double realizedVolHalfLifeSeconds = 300;
        @JsonProperty
        public String dayStartUtc = "08:00";
        /** "default" and per-underlying maps of limit key to value. */
        @JsonProperty
        public java.util.Map<String, java.util.Map<String, Double>> limits = new java.util.TreeMap<>();
        @JsonProperty
        public Ladder ladder = new Ladder();
        @JsonProperty
        public StaleIndex staleIndex = new StaleIndex();
        @JsonProperty
        public java.util.Map<String, Hedging> hedging = new java.util.TreeMap<>();
    }

    /**
     * Utilizations where the quoting ladder steps, and its hysteresis.
     */
    public static final class Ladder
    {
        @JsonProperty
        public double widenAt = 0.8;
        @JsonProperty
        public double reduceOnlyAt = 1.0;
        @JsonProperty
        public double haltAt = 1.5;
        @JsonProperty
        public double hysteresis = 0.1;
    }

    /**
     * How long without an index tick before REDUCE_ONLY, then HALT.
     */
    public static final class StaleIndex
    {
        @JsonProperty
        public long reduceOnlyAfterMs = 5_000;
        @JsonProperty
        public long haltAfterMs = 15_000;
    }

    /**
     * Delta hedging of one underlying.
     */
    public static final class Hedging
    {
        @JsonProperty
        public String instrument;
        @JsonProperty
        public double bandCoins;
        @JsonProperty
        public String target = "zero";
        @JsonProperty
        public long timeoutMs = 10_000;
    }
}

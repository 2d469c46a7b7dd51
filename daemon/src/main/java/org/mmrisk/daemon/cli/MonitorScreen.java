package org.mmrisk.daemon.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of {@code risk monitor}'s screen that say whether a daemon is there and what it rejected: pure
 * functions of what was read and of the clock the caller passes, so that a test fixes both. Stateless.
 */
final class MonitorScreen
{
    /** No heartbeat for this many heartbeat intervals: the daemon is late (STALE). */
    static final int STALE_INTERVALS = 3;
    /** No heartbeat for this many heartbeat intervals: the daemon is taken for dead (DEAD). */
    static final int DEAD_INTERVALS = 10;
    static final long NO_HEARTBEAT = Long.MIN_VALUE;

    private static final String ENGINE_REJECT = "engine: rejected ";
    private static final String INGRESS_REJECT = "ingress: rejected ";

    /**
     * What the heartbeats say about the daemon.
     */
    enum Liveness
    {
        /** No counters file: no daemon has run on this data directory. */
        NO_DAEMON,
        /** A counters file but no heartbeat in the output queue: starting, or died before its first heartbeat. */
        NO_HEARTBEAT,
        LIVE,
        STALE,
        DEAD
    }

    private MonitorScreen()
    {
    }

    static Liveness liveness(final boolean countersFile, final long lastHeartbeatWallNs, final long nowNs,
        final long heartbeatIntervalNs)
    {
        if (!countersFile)
        {
            return Liveness.NO_DAEMON;
        }
        if (lastHeartbeatWallNs == NO_HEARTBEAT)
        {
            return Liveness.NO_HEARTBEAT;
        }
        final long ageNs = nowNs - lastHeartbeatWallNs;
        return ageNs > DEAD_INTERVALS * heartbeatIntervalNs ? Liveness.DEAD :
            ageNs > STALE_INTERVALS * heartbeatIntervalNs ? Liveness.STALE : Liveness.LIVE;
    }

    /**
     * @return the status line: whether a daemon is there, how old its last heartbeat is, and whether the figures
     * below are live.
     */
    static String status(final boolean countersFile, final long lastHeartbeatWallNs, final long nowNs,
        final long heartbeatIntervalNs, final Path dataDir)
    {
        final double ageSeconds = (nowNs - lastHeartbeatWallNs) / 1e9;
        final double intervalSeconds = heartbeatIntervalNs / 1e9;
        switch (liveness(countersFile, lastHeartbeatWallNs, nowNs, heartbeatIntervalNs))
        {
            case NO_DAEMON:
                return String.format("NO DAEMON: %s has no counters file, so no daemon has run on it; waiting for one",
                    dataDir);
            case NO_HEARTBEAT:
                return "NO HEARTBEAT: the output queue holds no heartbeat yet: the daemon is starting, or died before " +
                    "its first; the figures below are not known to be live";
            case LIVE:
                return String.format("daemon LIVE: last heartbeat %.1f s ago (every %.1f s)", ageSeconds,
                    intervalSeconds);
            case STALE:
                return String.format("daemon STALE: no heartbeat for %.1f s (expected every %.1f s; dead after %.0f s)",
                    ageSeconds, intervalSeconds, DEAD_INTERVALS * intervalSeconds);
            default:
                return String.format("daemon DEAD: no heartbeat for %.1f s (expected every %.1f s): the figures below " +
                    "are its last state, not live; consumers treat it as HALT", ageSeconds, intervalSeconds);
        }
    }

    /**
     * @return the rejects by reason, engine and ingress (decode errors), non-zero ones only, e.g.
     * {@code rejected 3: engine INVALID_CONTROL 1, UNKNOWN_UNDERLYING 1; ingress WRONG_SCHEMA 1}.
     */
    static String rejects(final Map<String, Long> counters)
    {
        final Map<String, Long> engine = byReason(counters, ENGINE_REJECT);
        final Map<String, Long> ingress = byReason(counters, INGRESS_REJECT);
        final long total = engine.values().stream().mapToLong(Long::longValue).sum() +
            ingress.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0)
        {
            return "rejected 0";
        }
        final StringBuilder sb = new StringBuilder(String.format("rejected %,d:", total));
        append(sb, "engine", engine);
        if (!engine.isEmpty() && !ingress.isEmpty())
        {
            sb.append(';');
        }
        append(sb, "ingress", ingress);
        return sb.toString();
    }

    private static Map<String, Long> byReason(final Map<String, Long> counters, final String prefix)
    {
        final Map<String, Long> byReason = new TreeMap<>();
        counters.forEach((label, value) ->
        {
            if (label.startsWith(prefix) && value != 0)
            {
                byReason.put(label.substring(prefix.length()), value);
            }
        });
        return byReason;
    }

    private static void append(final StringBuilder sb, final String stage, final Map<String, Long> byReason)
    {
        if (byReason.isEmpty())
        {
            return;
        }
        sb.append(' ').append(stage);
        final String[] separator = { " " };
        byReason.forEach((reason, count) ->
        {
            sb.append(separator[0]).append(reason).append(' ').append(String.format("%,d", count));
            separator[0] = ", ";
        });
    }

    /**
     * @return a margin utilization as a percentage, or "-" when absent (unknown, or equity not positive).
     */
    static String percent(final double utilization)
    {
        return Double.isNaN(utilization) ? "-" : String.format("%.1f", utilization * 100);
    }
}

package org.mmrisk.daemon.stamps;

/**
 * The stages of the path from a tick to the first output it causes, as the daemon's own threads stamp them
 * (docs/latency-stages.md). Each is the time between two stamps of one batch, in nanoseconds of the epoch clock that
 * the feed's {@code sendTimeNs} and ingress's {@code receiveTimeNs} use. The first six follow one another: their sum
 * is {@link #DAEMON}. {@link #ENGINE_BATCH} is the engine thread's whole batch, off that path after the first output.
 * Stateless.
 */
public enum Stage
{
    INGRESS_READ("ingress-read", "feed send -> ingress read (input queue hop, ingress poll)"),
    RING_PUBLISH("ring-publish", "ingress read -> ring publish (decode, hold-back, batching)"),
    ENGINE_START("engine-start", "ring publish -> engine takes the batch end (ring wait)"),
    ENGINE_COMPUTE("engine-compute", "engine start -> first output at the journal gate"),
    GATE_RELEASE("gate-release", "gate reached -> released (waiting for the journaller)"),
    EGRESS_APPEND("egress-append", "gate release -> first output appended to the output queue"),
    DAEMON("daemon", "feed send -> first output appended (the six stages above)"),
    ENGINE_BATCH("engine-batch", "engine start -> end of the batch (every output, counters)");

    /** The stages of the path to the first output, in order: their sum is {@link #DAEMON}. */
    public static final Stage[] PATH = { INGRESS_READ, RING_PUBLISH, ENGINE_START, ENGINE_COMPUTE, GATE_RELEASE,
        EGRESS_APPEND };

    private final String label;
    private final String meaning;

    Stage(final String label, final String meaning)
    {
        this.label = label;
        this.meaning = meaning;
    }

    /** @return the stage's name in file names and summaries. */
    public String label()
    {
        return label;
    }

    /** @return from which stamp to which, in words. */
    public String meaning()
    {
        return meaning;
    }
}

package org.mmrisk.daemon.egress;

/**
 * The consumer's side of the heartbeat contract: a quoting engine that reads the daemon's output queue must treat the
 * risk as unknown — and quote nothing, as in HALT — once no heartbeat has arrived for {@code missedBeats} heartbeat
 * intervals. The daemon writes heartbeats from its engine thread; when that thread stops or cannot write its output
 * (a full disk, lost permissions), heartbeats stop and every consumer falls back to HALT without being told.
 * <p>
 * Feed it the heartbeats ({@link OutputAdapter.HeartbeatListener}) and ask {@link #isAlive} with the consumer's own
 * clock. Owned by the consumer's reading thread.
 */
public final class DeadManSwitch implements OutputAdapter.HeartbeatListener
{
    private final long timeoutNs;
    private long lastHeartbeatSeenNs = Long.MIN_VALUE;
    private long heartbeats;
    private final java.util.function.LongSupplier clockNs;

    /**
     * @param heartbeatIntervalNs the daemon's {@code egress.heartbeatIntervalMs}, in ns.
     * @param missedBeats         heartbeats that may be missed before the daemon counts as dead (at least 2).
     * @param clockNs             the consumer's clock, read when a heartbeat arrives.
     */
    public DeadManSwitch(final long heartbeatIntervalNs, final int missedBeats, final java.util.function.LongSupplier clockNs)
    {
        if (heartbeatIntervalNs <= 0 || missedBeats < 2)
        {
            throw new IllegalArgumentException("need a positive interval and at least 2 missed beats: " +
                heartbeatIntervalNs + ", " + missedBeats);
        }
        this.timeoutNs = heartbeatIntervalNs * missedBeats;
        this.clockNs = clockNs;
    }

    @Override
    public void onHeartbeat(final long heartbeatSequence, final long wallTimeNs, final long engineTimeNs,
        final long lastOutputSequence, final long lastJournalSequence)
    {
        lastHeartbeatSeenNs = clockNs.getAsLong();
        heartbeats++;
    }

    /**
     * @return true while a heartbeat arrived within the timeout before {@code nowNs}; false before the first one.
     */
    public boolean isAlive(final long nowNs)
    {
        return lastHeartbeatSeenNs != Long.MIN_VALUE && nowNs - lastHeartbeatSeenNs <= timeoutNs;
    }

    public long heartbeats()
    {
        return heartbeats;
    }
}

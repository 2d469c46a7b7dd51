package org.mmrisk.daemon.ring;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.core.event.RiskEvent;

/**
 * One pre-allocated slot of the Disruptor ring: the decoded core event plus what the journal needs — the input
 * message as it was read, which source it came from and its index there.
 * <p>
 * Written by the ingress thread between claim and publish; then read by the journaller and the engine threads,
 * neither of which keeps a reference after {@code onEvent} returns.
 */
public final class RingEvent
{
    /** Large enough for the largest valid input (a surface of 32 smiles is about 1.6 KiB). */
    public static final int MAX_PAYLOAD_LENGTH = 4096;

    public final RiskEvent event = new RiskEvent();
    public final UnsafeBuffer payload = new UnsafeBuffer(BufferUtil.allocateDirectAligned(MAX_PAYLOAD_LENGTH, 64));
    public int payloadLength;
    public int sourceId;
    /** Chronicle index of the input in its source queue; -1 for timers. */
    public long sourceIndex;
    public boolean timer;
    /**
     * When ingress published the slot (epoch ns), stamped only while stage stamps are on (docs/latency-stages.md);
     * neither journaled nor seen by the engine.
     */
    public long publishNs;
}

package org.mmrisk.core.fill;

import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.state.StateIo;

/**
 * The most recent fills that were held rather than applied (older than the fill-id horizon), kept for operators
 * and reports. A fixed ring of pre-allocated records: when it is full the oldest record is overwritten and
 * counted in {@link #overwritten()}. Owned by the engine thread; allocation-free after construction.
 */
public final class HeldFills
{
    /**
     * One held fill, a copy of the event's fields that identify and size it.
     */
    public static final class Held
    {
        public long timeNs;
        public long exchangeTimeNs;
        public long venue;
        public final byte[] fillId = new byte[RiskEvent.MAX_FILL_ID_LENGTH];
        public int fillIdLength;
        public int instrumentId;
        public Side side;
        public double quantity;
        public double price;
    }

    private final Held[] ring;
    private long added;

    public HeldFills(final int capacity)
    {
        ring = new Held[capacity];
        for (int i = 0; i < capacity; i++)
        {
            ring[i] = new Held();
        }
    }

    public void add(final RiskEvent fill, final long timeNs)
    {
        final Held held = ring[(int)(added % ring.length)];
        held.timeNs = timeNs;
        held.exchangeTimeNs = fill.exchangeTimeNs;
        held.venue = fill.venue;
        System.arraycopy(fill.fillId, 0, held.fillId, 0, fill.fillIdLength);
        held.fillIdLength = fill.fillIdLength;
        held.instrumentId = fill.instrumentId;
        held.side = fill.side;
        held.quantity = fill.quantity;
        held.price = fill.price;
        added++;
    }

    /**
     * @return held fills still in the ring.
     */
    public int size()
    {
        return (int)Math.min(added, ring.length);
    }

    /**
     * @param age 0 for the oldest record still held, up to {@link #size()} − 1.
     */
    public Held get(final int age)
    {
        final long first = added - size();
        return ring[(int)((first + age) % ring.length)];
    }

    /**
     * @return records overwritten because more fills were held than the ring keeps.
     */
    public long overwritten()
    {
        return added - size();
    }

    /**
     * Saves or restores the ring as it stands (its capacity must match: it is fixed by the engine).
     */
    public void exchangeState(final StateIo io)
    {
        final int capacity = io.i32(ring.length);
        if (capacity != ring.length)
        {
            throw new org.mmrisk.core.state.StateFormatException("held-fill ring of " + capacity + ", expected " +
                ring.length);
        }
        added = io.i64(added);
        for (final Held held : ring)
        {
            held.timeNs = io.i64(held.timeNs);
            held.exchangeTimeNs = io.i64(held.exchangeTimeNs);
            held.venue = io.i64(held.venue);
            held.fillIdLength = io.count(held.fillIdLength, held.fillId.length, "held fill id length");
            io.bytes(held.fillId, 0, held.fillIdLength);
            held.instrumentId = io.i32(held.instrumentId);
            held.side = io.enumValue(held.side, Side.VALUES);
            held.quantity = io.f64(held.quantity);
            held.price = io.f64(held.price);
        }
    }
}

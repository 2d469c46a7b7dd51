package org.mmrisk.core.fill;

import org.mmrisk.core.state.StateIo;

/**
 * The identities of the fills already applied, (venue, fill id), so that a fill a gateway re-sends after a
 * reconnect is not counted twice. Ids are compared byte for byte (no hash-only identity: a collision must never
 * drop a real trade).
 * <p>
 * Entries are kept in arrival order in a ring, indexed by an open-addressing table with linear probing.
 * {@link #forgetBefore} drops entries from the oldest end while their {@code exchangeTime} is before the horizon
 * start; an entry that arrived out of exchange-time order is kept until the entries ahead of it go, so an id is
 * never forgotten early, only possibly late. The ring starts small and doubles up to a maximum capacity; when that
 * is full the oldest entry is dropped regardless of age and counted ({@link #evictedForCapacity()}).
 * <p>
 * Owned by the engine thread; not thread-safe. Allocation happens only when the ring grows; steady-state
 * {@link #add} and {@link #forgetBefore} allocate nothing.
 */
public final class SeenFills
{
    /** Longest fill id held, in bytes (ASCII). */
    public static final int MAX_ID_LENGTH = 64;
    private static final int EMPTY = 0;

    private final int maxCapacity;
    private long[] venues;
    private long[] exchangeTimesNs;
    private long[] hashes;
    private byte[] ids;
    private byte[] idLengths;
    private int[] table;
    private int capacityMask;
    private int tableMask;
    private long head;
    private long tail;
    private long evictedForCapacity;

    /**
     * @param initialCapacity fills held before the first growth; rounded up to a power of two.
     * @param maxCapacity     most fills held; rounded up to a power of two.
     */
    public SeenFills(final int initialCapacity, final int maxCapacity)
    {
        if (initialCapacity < 1 || maxCapacity < initialCapacity || maxCapacity > (1 << 26))
        {
            throw new IllegalArgumentException(
                "need 1 <= initialCapacity <= maxCapacity <= 2^26: " + initialCapacity + ", " + maxCapacity);
        }
        this.maxCapacity = powerOfTwoAtLeast(maxCapacity);
        allocate(powerOfTwoAtLeast(initialCapacity));
    }

    /**
     * Records (venue, id) unless it is already held.
     *
     * @return true when the fill is new (and now recorded), false when it was seen before.
     */
    public boolean add(final long venue, final byte[] id, final int idLength, final long exchangeTimeNs)
    {
        final long hash = hash(venue, id, idLength);
        if (find(hash, venue, id, idLength) != EMPTY)
        {
            return false;
        }
        if (size() == capacityMask + 1)
        {
            if (capacityMask + 1 < maxCapacity)
            {
                grow();
            }
            else
            {
                removeOldest();
                evictedForCapacity++;
            }
        }
        final int slot = (int)(tail & capacityMask);
        venues[slot] = venue;
        exchangeTimesNs[slot] = exchangeTimeNs;
        hashes[slot] = hash;
        idLengths[slot] = (byte)idLength;
        System.arraycopy(id, 0, ids, slot * MAX_ID_LENGTH, idLength);
        tail++;
        insert(hash, slot);
        return true;
    }

    /**
     * @return true when (venue, id) is held.
     */
    public boolean contains(final long venue, final byte[] id, final int idLength)
    {
        return find(hash(venue, id, idLength), venue, id, idLength) != EMPTY;
    }

    /**
     * Forgets, from the oldest end, the fills whose exchange time is before {@code horizonStartNs}.
     *
     * @return how many were forgotten.
     */
    public int forgetBefore(final long horizonStartNs)
    {
        int forgotten = 0;
        while (head != tail && exchangeTimesNs[(int)(head & capacityMask)] < horizonStartNs)
        {
            removeOldest();
            forgotten++;
        }
        return forgotten;
    }

    public int size()
    {
        return (int)(tail - head);
    }

    /**
     * @return entries dropped before their horizon because the maximum capacity was full.
     */
    public long evictedForCapacity()
    {
        return evictedForCapacity;
    }

    /**
     * @param age 0 for the oldest entry, up to {@link #size()} − 1.
     */
    public long venue(final int age)
    {
        return venues[slotOf(age)];
    }

    public long exchangeTimeNs(final int age)
    {
        return exchangeTimesNs[slotOf(age)];
    }

    /**
     * Copies the id of the entry {@code age} into {@code dst}.
     *
     * @return its length in bytes.
     */
    public int id(final int age, final byte[] dst)
    {
        final int slot = slotOf(age);
        final int length = idLengths[slot];
        System.arraycopy(ids, slot * MAX_ID_LENGTH, dst, 0, length);
        return length;
    }

    private int slotOf(final int age)
    {
        if (age < 0 || age >= size())
        {
            throw new IndexOutOfBoundsException("age " + age + " of " + size());
        }
        return (int)((head + age) & capacityMask);
    }

    /**
     * @return the ring slot + 1 of the entry, or {@link #EMPTY}.
     */
    private int find(final long hash, final long venue, final byte[] id, final int idLength)
    {
        for (int i = (int)hash & tableMask; ; i = (i + 1) & tableMask)
        {
            final int entry = table[i];
            if (entry == EMPTY)
            {
                return EMPTY;
            }
            final int slot = entry - 1;
            if (hashes[slot] == hash && venues[slot] == venue && sameId(slot, id, idLength))
            {
                return entry;
            }
        }
    }

    private boolean sameId(final int slot, final byte[] id, final int idLength)
    {
        if (idLengths[slot] != idLength)
        {
            return false;
        }
        final int offset = slot * MAX_ID_LENGTH;
        for (int i = 0; i < idLength; i++)
        {
            if (ids[offset + i] != id[i])
            {
                return false;
            }
        }
        return true;
    }

    private void insert(final long hash, final int slot)
    {
        int i = (int)hash & tableMask;
        while (table[i] != EMPTY)
        {
            i = (i + 1) & tableMask;
        }
        table[i] = slot + 1;
    }

    private void removeOldest()
    {
        final int slot = (int)(head & capacityMask);
        int i = (int)hashes[slot] & tableMask;
        while (table[i] != slot + 1)
        {
            i = (i + 1) & tableMask;
        }
        deleteAt(i);
        head++;
    }

    /**
     * Linear-probing deletion without tombstones: later entries of the same probe run move back into the gap
     * unless their home slot lies cyclically after the gap, so every lookup still finds them.
     */
    private void deleteAt(final int index)
    {
        int gap = index;
        int j = index;
        while (true)
        {
            j = (j + 1) & tableMask;
            final int entry = table[j];
            if (entry == EMPTY)
            {
                table[gap] = EMPTY;
                return;
            }
            final int home = (int)hashes[entry - 1] & tableMask;
            final boolean homeInGapToJ = gap <= j ? (gap < home && home <= j) : (gap < home || home <= j);
            if (!homeInGapToJ)
            {
                table[gap] = entry;
                gap = j;
            }
        }
    }

    private void grow()
    {
        final long[] oldVenues = venues;
        final long[] oldTimes = exchangeTimesNs;
        final long[] oldHashes = hashes;
        final byte[] oldIds = ids;
        final byte[] oldLengths = idLengths;
        final int oldMask = capacityMask;
        final int count = size();
        allocate((oldMask + 1) * 2);
        for (int age = 0; age < count; age++)
        {
            final int from = (int)((head + age) & oldMask);
            venues[age] = oldVenues[from];
            exchangeTimesNs[age] = oldTimes[from];
            hashes[age] = oldHashes[from];
            idLengths[age] = oldLengths[from];
            System.arraycopy(oldIds, from * MAX_ID_LENGTH, ids, age * MAX_ID_LENGTH, MAX_ID_LENGTH);
            insert(hashes[age], age);
        }
        head = 0;
        tail = count;
    }

    private void allocate(final int capacity)
    {
        venues = new long[capacity];
        exchangeTimesNs = new long[capacity];
        hashes = new long[capacity];
        idLengths = new byte[capacity];
        ids = new byte[capacity * MAX_ID_LENGTH];
        table = new int[capacity * 2];
        capacityMask = capacity - 1;
        tableMask = capacity * 2 - 1;
    }

    /**
     * A 64-bit FNV-1a over the id bytes, seeded with the venue and finished with a murmur-style mix so that the
     * low bits (the table index) depend on every byte.
     */
    static long hash(final long venue, final byte[] id, final int idLength)
    {
        long h = 0xcbf29ce484222325L ^ venue;
        for (int i = 0; i < idLength; i++)
        {
            h = (h ^ (id[i] & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static int powerOfTwoAtLeast(final int value)
    {
        return value <= 1 ? 1 : Integer.highestOneBit(value - 1) << 1;
    }

    /**
     * Saves or restores the held identities in arrival order, with the ring's capacity (so growth and capacity
     * eviction happen at the same fills as they would have). Restoring rebuilds the lookup table; its layout may
     * differ from the one saved, which changes no answer.
     */
    public void exchangeState(final StateIo io)
    {
        final int capacity = io.i32(capacityMask + 1);
        if (capacity < 1 || capacity > maxCapacity || Integer.bitCount(capacity) != 1)
        {
            throw new org.mmrisk.core.state.StateFormatException("fill-id ring capacity " + capacity +
                " (this engine allows up to " + maxCapacity + ")");
        }
        evictedForCapacity = io.i64(evictedForCapacity);
        final int count = io.count(size(), capacity, "fill ids");
        if (io.isReading())
        {
            allocate(capacity);
            head = 0;
            tail = 0;
        }
        for (int age = 0; age < count; age++)
        {
            final int slot = io.isReading() ? age : (int)((head + age) & capacityMask);
            venues[slot] = io.i64(venues[slot]);
            exchangeTimesNs[slot] = io.i64(exchangeTimesNs[slot]);
            final int length = io.count(idLengths[slot], MAX_ID_LENGTH, "fill id length");
            idLengths[slot] = (byte)length;
            io.bytes(ids, slot * MAX_ID_LENGTH, length);
            if (io.isReading())
            {
                hashes[slot] = hash(venues[slot], java.util.Arrays.copyOfRange(ids, slot * MAX_ID_LENGTH,
                    slot * MAX_ID_LENGTH + length), length);
                tail++;
                insert(hashes[slot], slot);
            }
        }
    }
}

package org.mmrisk.core.engine;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.mmrisk.core.config.HedgeConfig;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.state.StateIo;

import java.util.ArrayList;
import java.util.List;

/**
 * One underlying's book: its instruments in definition order, the ones it singles out (the index source, the
 * perpetual, spot, the hedge instrument), the options of each expiry, the venues it trades on, the age of its index
 * data, its next expiry, and the instruments queued for exact revaluation at the end of the batch. Owned by the engine
 * thread; its fields are written only by its own methods, which the appliers, the settlement and the exposure updater
 * call.
 */
public final class UnderlyingBook
{
    private final List<InstrumentState> instruments = new ArrayList<>();
    private final Long2ObjectHashMap<List<InstrumentState>> optionsByExpiry = new Long2ObjectHashMap<>();
    private final List<InstrumentState> touched = new ArrayList<>();
    /** How this underlying is hedged (null: not), to single out the hedge instrument when it is defined. */
    private final HedgeConfig hedging;
    private InstrumentState indexInstrument;
    private InstrumentState perpetual;
    private InstrumentState spot;
    private InstrumentState hedgeInstrument;
    private long[] venues = new long[4];
    private int venueCount;
    private long lastIndexTickNs = Long.MIN_VALUE;
    /** Earliest expiry of an instrument still in the book ({@link Long#MAX_VALUE} when none). */
    private long nextExpiryNs = Long.MAX_VALUE;

    UnderlyingBook(final HedgeConfig hedging)
    {
        this.hedging = hedging;
    }

    /**
     * A newly defined instrument joins the book and is queued for revaluation at the end of the batch.
     */
    void add(final InstrumentState state)
    {
        instruments.add(state);
        final Instrument instrument = state.instrument();
        final InstrumentKind kind = instrument.kind();
        if (kind == InstrumentKind.INDEX && indexInstrument == null)
        {
            indexInstrument = state;
        }
        else if (kind == InstrumentKind.PERPETUAL && perpetual == null)
        {
            perpetual = state;
        }
        else if (kind == InstrumentKind.SPOT && spot == null)
        {
            spot = state;
        }
        else if (kind == InstrumentKind.OPTION)
        {
            optionsByExpiry.computeIfAbsent(instrument.expiryNs(), k -> new ArrayList<>()).add(state);
        }
        if (Instrument.hasExpiry(kind))
        {
            nextExpiryNs = Math.min(nextExpiryNs, instrument.expiryNs());
        }
        if (hedging != null && instrument.symbol().equals(hedging.instrumentSymbol()))
        {
            hedgeInstrument = state;
        }
        addVenue(instrument.venue());
        touchInstrument(state);
    }

    private void addVenue(final long venue)
    {
        for (int i = 0; i < venueCount; i++)
        {
            if (venues[i] == venue)
            {
                return;
            }
        }
        if (venueCount == venues.length)
        {
            venues = java.util.Arrays.copyOf(venues, venueCount * 2);
        }
        venues[venueCount++] = venue;
    }

    int venueCount()
    {
        return venueCount;
    }

    long venue(final int i)
    {
        return venues[i];
    }

    /**
     * @return true when {@code state} is where the index comes from: the INDEX instrument, else (none defined) the
     * perpetual, else spot.
     */
    boolean isIndexSource(final InstrumentState state)
    {
        if (indexInstrument != null)
        {
            return state == indexInstrument;
        }
        return perpetual != null ? state == perpetual : state == spot;
    }

    /**
     * The index source ticked: the age of the index data (staleness) counts from now.
     */
    void indexTicked(final long nowNs)
    {
        lastIndexTickNs = nowNs;
    }

    /**
     * @return engine time of the index source's last tick, {@link Long#MIN_VALUE} before the first.
     */
    public long lastIndexTickNs()
    {
        return lastIndexTickNs;
    }

    /**
     * Takes a settled instrument out of the book (its state stays with the engine for reports).
     */
    void removeSettled(final int index)
    {
        final InstrumentState state = instruments.remove(index);
        final List<InstrumentState> options = optionsByExpiry.get(state.instrument().expiryNs());
        if (options != null)
        {
            options.remove(state);
        }
        if (state == perpetual)
        {
            perpetual = null;
        }
    }

    /**
     * @return the earliest expiry still in the book, {@link Long#MAX_VALUE} when none.
     */
    long nextExpiryNs()
    {
        return nextExpiryNs;
    }

    /**
     * After settlements: the earliest expiry still in the book is found again, O(n).
     */
    void findNextExpiry()
    {
        long earliest = Long.MAX_VALUE;
        for (int i = 0, n = instruments.size(); i < n; i++)
        {
            final Instrument instrument = instruments.get(i).instrument();
            if (Instrument.hasExpiry(instrument.kind()))
            {
                earliest = Math.min(earliest, instrument.expiryNs());
            }
        }
        nextExpiryNs = earliest;
    }

    /**
     * Queues an instrument whose inputs changed for exact revaluation at the end of the batch.
     */
    void touchInstrument(final InstrumentState state)
    {
        if (state.markTouched())
        {
            touched.add(state);
        }
    }

    /**
     * Queues every option of one expiry (its smile or its future moved).
     */
    void touchExpiry(final long expiryNs)
    {
        final List<InstrumentState> options = optionsByExpiry.get(expiryNs);
        if (options != null)
        {
            for (int i = 0, n = options.size(); i < n; i++)
            {
                touchInstrument(options.get(i));
            }
        }
    }

    int touchedCount()
    {
        return touched.size();
    }

    InstrumentState touched(final int i)
    {
        return touched.get(i);
    }

    void clearTouched()
    {
        for (int i = 0, n = touched.size(); i < n; i++)
        {
            touched.get(i).clearTouched();
        }
        touched.clear();
    }

    /**
     * The index: the INDEX instrument's mark or mid, else the perpetual's, else spot's.
     */
    double resolveIndexUsd()
    {
        double value = indexInstrument != null ? indexInstrument.markOrMid() : Double.NaN;
        if (!(value > 0) && perpetual != null)
        {
            value = perpetual.midOrMark();
        }
        if (!(value > 0) && spot != null)
        {
            value = spot.midOrMark();
        }
        return value;
    }

    /**
     * @return true when {@code state} is the instrument the curve's fallback forward reads (the perpetual).
     */
    boolean isCurvePerpetual(final InstrumentState state)
    {
        return state == perpetual;
    }

    /**
     * @return the instruments, in definition order (for passes over all of them).
     */
    List<InstrumentState> instruments()
    {
        return instruments;
    }

    public int instrumentCount()
    {
        return instruments.size();
    }

    public InstrumentState instrument(final int i)
    {
        return instruments.get(i);
    }

    InstrumentState hedgeInstrument()
    {
        return hedgeInstrument;
    }

    /**
     * Saves or restores the book in order and the instruments it singles out (by id); the instruments themselves are
     * restored before.
     */
    void exchangeState(final StateIo io, final Int2ObjectHashMap<InstrumentState> all)
    {
        io.section(0x554e4430);
        EngineStateCodec.exchangeInstruments(io, instruments, all);
        if (io.isReading())
        {
            for (int i = 0, n = instruments.size(); i < n; i++)
            {
                final InstrumentState state = instruments.get(i);
                if (state.instrument().isOption())
                {
                    optionsByExpiry.computeIfAbsent(state.instrument().expiryNs(), k -> new ArrayList<>()).add(state);
                }
            }
        }
        indexInstrument = EngineStateCodec.exchangeInstrument(io, indexInstrument, all);
        perpetual = EngineStateCodec.exchangeInstrument(io, perpetual, all);
        spot = EngineStateCodec.exchangeInstrument(io, spot, all);
        hedgeInstrument = EngineStateCodec.exchangeInstrument(io, hedgeInstrument, all);
        EngineStateCodec.exchangeInstruments(io, touched, all);
        venueCount = io.count(venueCount, 1 << 16, "venues");
        if (venues.length < venueCount)
        {
            venues = new long[venueCount];
        }
        io.i64s(venues, venueCount);
        lastIndexTickNs = io.i64(lastIndexTickNs);
        nextExpiryNs = io.i64(nextExpiryNs);
    }
}

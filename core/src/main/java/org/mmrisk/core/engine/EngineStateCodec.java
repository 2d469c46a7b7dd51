package org.mmrisk.core.engine;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2LongHashMap;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.state.StateFormatException;
import org.mmrisk.core.state.StateIo;

import java.util.Arrays;
import java.util.List;

/**
 * The engine's whole state as one walk, for checkpoints: saved at the end of a batch and restored into a fresh engine
 * before it sees any event, so that the restored engine continues exactly as the saved one would have, output for
 * output and bit for bit.
 * <p>
 * Order: engine time and counters; every instrument (ascending id: definition, market data, position, risk and
 * what it contributes to its underlying's sums); every underlying (name order: book, figures, sums, limits and rungs,
 * curve, surface, skew scan); parked venues; the portfolio guard; pending alerts; the fill identities and held
 * fills; the next output sequence. Each block is tagged, so a reader out of step fails naming the block.
 * <p>
 * Owned by the engine's thread. Saving allocates nothing once its scratch has grown to the book; restoring
 * allocates (start-up).
 */
final class EngineStateCodec
{
    /** Layout of the walk; changes with any change to a class's recorded fields. */
    static final int STATE_VERSION = 7;

    private static final int ENGINE = 0x454e4731;
    private static final int INSTRUMENTS = 0x494e5354;
    private static final int UNDERLYINGS = 0x554e444c;
    private static final int PORTFOLIO = 0x504f5254;
    private static final int FILLS = 0x46494c4c;
    private static final int END = 0x454e4421;
    private static final int MAX_INSTRUMENTS = 1 << 24;

    private final EngineContext ctx;
    private final TradeApplier trades;
    private final OutputEmitter outputs;
    private final ScenarioUpdater scenarios;
    private int[] sortedIds = new int[64];
    private long[] sortedVenues = new long[8];

    EngineStateCodec(final EngineContext ctx, final TradeApplier trades, final OutputEmitter outputs,
        final ScenarioUpdater scenarios)
    {
        this.ctx = ctx;
        this.trades = trades;
        this.outputs = outputs;
        this.scenarios = scenarios;
    }

    /**
     * Saves (writer) or restores (reader, fresh engine only) the whole state.
     */
    void exchange(final StateIo io)
    {
        if (io.isReading() && (!ctx.instruments.isEmpty() || ctx.timeNs != Long.MIN_VALUE))
        {
            throw new IllegalStateException("state is restored into a fresh engine only");
        }
        io.section(ENGINE);
        io.i32(STATE_VERSION);
        ctx.exchangeTime(io);
        ctx.counters.exchangeState(io);
        exchangeInstrumentStates(io);
        exchangeUnderlyings(io);
        exchangeParkedVenues(io);
        io.section(PORTFOLIO);
        ctx.portfolio.exchangeState(io);
        ctx.alerts.exchangeState(io);
        io.section(FILLS);
        trades.seenFills().exchangeState(io);
        trades.heldFills().exchangeState(io);
        scenarios.exchangeState(io);
        outputs.nextOutputSequence(io.i64(outputs.nextOutputSequence()));
        io.section(END);
    }

    private void exchangeInstrumentStates(final StateIo io)
    {
        io.section(INSTRUMENTS);
        final int count = io.count(ctx.instruments.size(), MAX_INSTRUMENTS, "instruments");
        if (!io.isReading())
        {
            sortInstrumentIds();
        }
        for (int i = 0; i < count; i++)
        {
            final int id = io.i32(io.isReading() ? 0 : sortedIds[i]);
            InstrumentState state = ctx.instruments.get(id);
            final boolean defined = io.bool(state != null && state.isDefined());
            if (io.isReading())
            {
                state = new InstrumentState(id);
                ctx.instruments.put(id, state);
                if (defined)
                {
                    defineRestored(state, Instrument.readDefinition(io));
                }
            }
            else if (defined)
            {
                state.instrument().writeDefinition(io);
            }
            state.exchangeState(io);
        }
    }

    private void defineRestored(final InstrumentState state, final Instrument instrument)
    {
        if (instrument.instrumentId() != state.instrumentId())
        {
            throw new StateFormatException("instrument " + state.instrumentId() + " holds the definition of " +
                instrument.instrumentId());
        }
        final UnderlyingRisk underlying = ctx.underlying(instrument.underlying());
        state.define(instrument, underlying);
        underlying.linkRestored(state);
    }

    private void exchangeUnderlyings(final StateIo io)
    {
        io.section(UNDERLYINGS);
        final int count = io.count(ctx.underlyings.size(), MAX_INSTRUMENTS, "underlyings");
        for (int i = 0; i < count; i++)
        {
            final long code = io.i64(io.isReading() ? 0 : ctx.underlyings.get(i).code());
            ctx.underlying(code).exchangeState(io, ctx.instruments);
        }
        if (io.isReading() && ctx.underlyings.size() != count)
        {
            throw new StateFormatException(ctx.underlyings.size() + " underlyings defined, " + count + " recorded");
        }
    }

    private void exchangeParkedVenues(final StateIo io)
    {
        final Long2LongHashMap parked = ctx.parkedByVenue;
        final int count = io.count(parked.size(), MAX_INSTRUMENTS, "parked venues");
        if (!io.isReading())
        {
            sortParkedVenues();
        }
        for (int i = 0; i < count; i++)
        {
            final long venue = io.i64(io.isReading() ? 0 : sortedVenues[i]);
            final long instruments = io.i64(parked.get(venue));
            parked.put(venue, instruments);
        }
    }

    private void sortInstrumentIds()
    {
        if (sortedIds.length < ctx.instruments.size())
        {
            sortedIds = new int[ctx.instruments.size() * 2];
        }
        int i = 0;
        for (final Int2ObjectHashMap<InstrumentState>.KeyIterator it = ctx.instruments.keySet().iterator();
            it.hasNext(); )
        {
            sortedIds[i++] = it.nextInt();
        }
        Arrays.sort(sortedIds, 0, i);
    }

    private void sortParkedVenues()
    {
        if (sortedVenues.length < ctx.parkedByVenue.size())
        {
            sortedVenues = new long[ctx.parkedByVenue.size() * 2];
        }
        int i = 0;
        for (final Long2LongHashMap.KeyIterator it = ctx.parkedByVenue.keySet().iterator(); it.hasNext(); )
        {
            sortedVenues[i++] = it.nextValue();
        }
        Arrays.sort(sortedVenues, 0, i);
    }

    /**
     * A reference to an instrument, by id (null allowed); the instrument must have been restored already.
     */
    static InstrumentState exchangeInstrument(final StateIo io, final InstrumentState state,
        final Int2ObjectHashMap<InstrumentState> all)
    {
        final boolean present = io.bool(state != null);
        final int id = io.i32(state == null ? 0 : state.instrumentId());
        if (!io.isReading())
        {
            return state;
        }
        if (!present)
        {
            return null;
        }
        final InstrumentState found = all.get(id);
        if (found == null)
        {
            throw new StateFormatException("reference to instrument " + id + ", which is not recorded");
        }
        return found;
    }

    /**
     * A list of instruments by id, in order; a reader replaces the list's content.
     */
    static void exchangeInstruments(final StateIo io, final List<InstrumentState> list,
        final Int2ObjectHashMap<InstrumentState> all)
    {
        final int count = io.count(list.size(), MAX_INSTRUMENTS, "instrument list");
        if (io.isReading())
        {
            list.clear();
        }
        for (int i = 0; i < count; i++)
        {
            final InstrumentState state = exchangeInstrument(io, io.isReading() ? null : list.get(i), all);
            if (io.isReading())
            {
                if (state == null)
                {
                    throw new StateFormatException("empty entry in an instrument list");
                }
                list.add(state);
            }
        }
    }
}

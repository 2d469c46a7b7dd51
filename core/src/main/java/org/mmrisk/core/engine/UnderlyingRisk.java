package org.mmrisk.core.engine;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.config.HedgeConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.exposure.ExposureBuckets;
import org.mmrisk.core.exposure.PnlExplain;
import org.mmrisk.core.forward.ForwardCurve;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.position.Position;
import org.mmrisk.core.quoting.GuardedUnderlying;
import org.mmrisk.core.quoting.QuotingGuard;
import org.mmrisk.core.quoting.QuotingStatus;
import org.mmrisk.core.state.StateIo;
import org.mmrisk.core.vol.VolSurface;

import java.util.ArrayList;
import java.util.List;

/**
 * One coin index (BTC, ETH) and everything aggregated on it: its index level, its forward curve and vol surface,
 * its instruments, and the position-weighted exposure of the desk. Owned by the engine thread.
 * <p>
 * Units: {@code delta} in coins, {@code deltaUsd} = delta × index, {@code gamma} coins per USD of index move,
 * {@code vega} USD per vol point, {@code theta} USD per calendar day, P&L in USD.
 */
/**
 * One coin index (BTC, ETH): its book (instruments in definition order, the ones it singles out — index source,
 * perpetual, spot, hedge — and the venues it trades on), its forward curve and vol surface, and the parts that hold
 * what the engine derives from them, each with one writer:
 * <ul>
 *   <li>{@link ExposureSums}: position-weighted sums and aggregates (written by itself; the exposure updater and
 *       the appliers call it);</li>
 *   <li>{@link ReanchorSweep}: the re-anchoring sweep and its error (itself; the exposure updater);</li>
 *   <li>{@link QuotingStatus}: limits, rungs and the quoting state (written only by {@link QuotingGuard});</li>
 *   <li>{@link CoinAccount}: the coin account (itself; the appliers and the settlement);</li>
 *   <li>{@link BatchMarks}: whether the batch touched it and its cause (itself; the appliers and the batch end);</li>
 *   <li>{@link HedgeStatus}: the outstanding hedge (written only by {@link HedgeSignals}).</li>
 * </ul>
 * The book's own fields are written only here. Owned by the engine thread.
 */
public final class UnderlyingRisk implements GuardedUnderlying
{
    /** Key of the expiry bucket of instruments without an expiry (index, spot, perpetuals). */
    public static final long NO_EXPIRY = 0;

    private final long code;
    private final String name;
    private final List<InstrumentState> instruments = new ArrayList<>();
    private final Long2ObjectHashMap<List<InstrumentState>> optionsByExpiry = new Long2ObjectHashMap<>();
    private final List<InstrumentState> touched = new ArrayList<>();
    private final ForwardCurve forwards;
    private final VolSurface surface = new VolSurface();
    /** How this underlying is hedged (null: not); the hedge instrument once defined. */
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
    private long lastSnapshotNs = Long.MIN_VALUE;

    private final CoinAccount account;
    private final ExposureSums sums;
    private final ReanchorSweep sweep = new ReanchorSweep();
    private final QuotingStatus quoting;
    private final BatchMarks marks = new BatchMarks();
    private final HedgeStatus hedge = new HedgeStatus();
    /** The skew's inputs of every instrument in flat arrays (derived, not saved). */
    final SkewTable skewTable;

    UnderlyingRisk(final long code, final EngineConfig config)
    {
        this.code = code;
        this.name = AsciiCode.toString(code);
        this.forwards = new ForwardCurve(ForwardCurve.DEFAULT_CAPACITY, config.fallbackBasisPerYear());
        this.hedging = config.hedging(code);
        this.account = new CoinAccount(config.coinBalance(code), config.equityDelta());
        this.sums = new ExposureSums(account, config.moneynessBucketEdges());
        this.quoting = new QuotingStatus(config.limitsOf(code));
        this.skewTable = new SkewTable(config);
    }

    /**
     * A newly defined instrument joins the book (and is revalued at the end of the batch).
     */
    void add(final InstrumentState state)
    {
        instruments.add(state);
        skewTable.invalidate();
        final Instrument instrument = state.instrument();
        linkRestored(state);
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
        skewTable.invalidate();
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
     * @return the forward of {@code expiryNs} in USD at the current index, NaN without one.
     */
    double forwardUsd(final long expiryNs, final long nowNs)
    {
        final double indexUsd = sums.indexUsd();
        return indexUsd > 0 ? indexUsd * forwards.forward(expiryNs, nowNs, 1.0) : Double.NaN;
    }

    /**
     * A risk snapshot of this underlying went out now.
     */
    void snapshotTaken(final long nowNs)
    {
        lastSnapshotNs = nowNs;
    }

    boolean isSnapshotDue(final long nowNs, final long intervalNs)
    {
        return lastSnapshotNs == Long.MIN_VALUE || nowNs - lastSnapshotNs >= intervalNs;
    }

    /**
     * Links a restored instrument to its expiry bucket, as {@link #add} does when it is defined (settled ones
     * included); the bucket's sums are restored with the underlying.
     */
    void linkRestored(final InstrumentState state)
    {
        final Instrument instrument = state.instrument();
        sums.linkExpiryBucket(state, Instrument.hasExpiry(instrument.kind()) ? instrument.expiryNs() : NO_EXPIRY);
    }

    /**
     * The forward curve, held in units of the index: futures and the perpetual enter as their basis (mid ÷ index
     * at their tick), so every forward moves with the index between futures ticks (sticky basis).
     */
    public ForwardCurve forwards()
    {
        return forwards;
    }

    public VolSurface surface()
    {
        return surface;
    }

    public ExposureSums sums()
    {
        return sums;
    }

    public ReanchorSweep sweep()
    {
        return sweep;
    }

    public QuotingStatus quoting()
    {
        return quoting;
    }

    public CoinAccount account()
    {
        return account;
    }

    public BatchMarks marks()
    {
        return marks;
    }

    public HedgeStatus hedge()
    {
        return hedge;
    }

    HedgeConfig hedging()
    {
        return hedging;
    }

    InstrumentState hedgeInstrument()
    {
        return hedgeInstrument;
    }

    public long code()
    {
        return code;
    }

    public String name()
    {
        return name;
    }

    /**
     * @return the instruments in the book, in definition order (for passes over all of them).
     */
    List<InstrumentState> book()
    {
        return instruments;
    }

    public double positionQuantity(final int i)
    {
        return instruments.get(i).position().quantity();
    }

    public int instrumentId(final int i)
    {
        return instruments.get(i).instrumentId();
    }

    public int instrumentCount()
    {
        return instruments.size();
    }

    public InstrumentState instrument(final int i)
    {
        return instruments.get(i);
    }

    /**
     * @return the account's coin equity: balance, coin cash flows, and the unrealized coin P&L of inverse futures
     * and perpetuals at their marks.
     */
    public double equityCoins()
    {
        return account.balanceAndCashCoins() + sums.unrealizedCoinDeltaOne();
    }

    public double indexUsd()
    {
        return sums.indexUsd();
    }

    public double delta()
    {
        return sums.delta();
    }

    public double deltaUsd()
    {
        return sums.delta() * sums.indexUsd();
    }

    public double gamma()
    {
        return sums.gamma();
    }

    public double vega()
    {
        return sums.vega();
    }

    public double theta()
    {
        return sums.theta();
    }

    public double vanna()
    {
        return sums.vanna();
    }

    public double volga()
    {
        return sums.volga();
    }

    /**
     * @return gamma × S² / 100: the change of the USD delta for a 1% index move; 0 before the first index (nothing
     * is priced then, and a NaN would breach a dollar-gamma limit).
     */
    public double dollarGammaUsd()
    {
        final double indexUsd = sums.indexUsd();
        return indexUsd > 0 ? sums.gamma() * indexUsd * indexUsd / 100 : 0;
    }

    public double realizedPnlUsd()
    {
        return sums.realizedPnlUsd();
    }

    public double unrealizedPnlUsd()
    {
        return sums.unrealizedPnlUsd();
    }

    /**
     * @return realized plus unrealized P&L, USD.
     */
    public double pnlUsd()
    {
        return sums.realizedPnlUsd() + sums.unrealizedPnlUsd();
    }

    public double grossSizeCoins()
    {
        return sums.grossSizeCoins();
    }

    public double grossSizeUsd()
    {
        return sums.grossSizeUsd();
    }

    public int unpricedPositions()
    {
        return sums.unpricedPositions();
    }

    public double largestExpiryVegaUsd()
    {
        return sums.largestExpiryVegaUsd();
    }

    public double maxUtilization()
    {
        return quoting.maxUtilization();
    }

    public LimitKind reduceAxis()
    {
        return quoting.reduceAxis();
    }

    public double realizedVol()
    {
        return quoting.realizedVol();
    }

    public double limit(final LimitKind kind)
    {
        return quoting.limit(kind);
    }

    public QuotingState limitLevel(final LimitKind kind)
    {
        return quoting.limitLevel(kind);
    }

    public QuotingState state()
    {
        return quoting.state();
    }

    public double maxApproxError()
    {
        return sweep.maxApproxError();
    }

    public ExposureBuckets buckets()
    {
        return sums.buckets();
    }

    public long evaluatedNs()
    {
        return sums.evaluatedNs();
    }

    public PnlExplain explain()
    {
        return sums.explain();
    }

    public PnlExplain explainAtSnapshot()
    {
        return sums.explainAtSnapshot();
    }

    /**
     * @return the book's model value now (the Taylor value at the last evaluation), USD.
     */
    public double bookValueUsd()
    {
        return sums.valueAtLastEvaluationUsd();
    }

    /**
     * Saves or restores this underlying: the book in order and the instruments it singles out (by id), then each
     * part, the curve and the surface. The instruments themselves are restored before (and linked with
     * {@link #linkRestored}). The skew table is not saved: a restore rebuilds it.
     */
    void exchangeState(final StateIo io, final Int2ObjectHashMap<InstrumentState> all)
    {
        exchangeBook(io, all);
        io.section(0x554e4431);
        account.exchangeState(io);
        sums.exchangeState(io);
        sweep.exchangeState(io);
        quoting.exchangeState(io);
        marks.exchangeState(io);
        hedge.exchangeState(io);
        io.section(0x554e4432);
        forwards.exchangeState(io);
        surface.exchangeState(io);
        if (io.isReading())
        {
            // derived from what was just restored; a save leaves the engine exactly as it was
            skewTable.invalidate();
        }
    }

    private void exchangeBook(final StateIo io, final Int2ObjectHashMap<InstrumentState> all)
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
        lastSnapshotNs = io.i64(lastSnapshotNs);
    }
}

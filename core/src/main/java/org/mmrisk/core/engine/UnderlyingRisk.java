package org.mmrisk.core.engine;

import org.agrona.collections.Int2ObjectHashMap;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.config.HedgeConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.exposure.ExposureBuckets;
import org.mmrisk.core.forward.ForwardCurve;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.quoting.GuardedUnderlying;
import org.mmrisk.core.quoting.QuotingGuard;
import org.mmrisk.core.quoting.QuotingStatus;
import org.mmrisk.core.scenario.ScenarioPoints;
import org.mmrisk.core.state.StateIo;
import org.mmrisk.core.vol.SmileValidator;
import org.mmrisk.core.vol.VolSurface;

/**
 * One coin index (BTC, ETH) and everything the engine keeps on it: its forward curve and vol surface, and parts that
 * each have one writer:
 * <ul>
 *   <li>{@link UnderlyingBook}: the instruments and the ones it singles out (written by itself; the appliers, the
 *       settlement and the exposure updater call it);</li>
 *   <li>{@link ExposureSums}: position-weighted sums and aggregates (written by itself; the exposure updater and
 *       the appliers call it);</li>
 *   <li>{@link ExplainTotals}: the P&L explain (itself; the sums, the exposure updater and the output stage);</li>
 *   <li>{@link ReanchorSweep}: the re-anchoring sweep and its error (itself; the exposure updater);</li>
 *   <li>{@link QuotingStatus}: limits, rungs and the quoting state (written only by {@link QuotingGuard});</li>
 *   <li>{@link CoinAccount}, {@link UsdAccount}: the coin and USD accounts (themselves; appliers, settlement);</li>
 *   <li>{@link UnderlyingScenarios}: stress grid, margin, liquidation (itself; appliers, {@link ScenarioUpdater});</li>
 *   <li>{@link BatchMarks}: whether the batch touched it and its cause (itself; the appliers and the batch end);</li>
 *   <li>{@link HedgeStatus}: the outstanding hedge (written only by {@link HedgeSignals});</li>
 *   <li>{@link UnderlyingLiquidity}: the cost of unwinding (itself; the appliers and the settlement call it).</li>
 * </ul>
 * Its own fields (the last risk snapshot's time) are written only here. Owned by the engine thread.
 * <p>
 * Units: {@code delta} in coins, {@code deltaUsd} = delta × index, {@code gamma} coins per USD of index move,
 * {@code vega} USD per vol point, {@code theta} USD per calendar day, P&L in USD.
 */
public final class UnderlyingRisk implements GuardedUnderlying
{
    private final long code;
    private final String name;
    private final ForwardCurve forwards;
    private final VolSurface surface;
    /** How this underlying is hedged (null: not); the hedge instrument once defined. */
    private final HedgeConfig hedging;
    private long lastSnapshotNs = Long.MIN_VALUE;

    private final UnderlyingBook book;
    private final CoinAccount account;
    private final UsdAccount usdAccount;
    private final UnderlyingScenarios scenarios;
    private final ExplainTotals explain = new ExplainTotals();
    private final ExposureSums sums;
    private final ReanchorSweep sweep = new ReanchorSweep();
    private final QuotingStatus quoting;
    private final BatchMarks marks = new BatchMarks();
    private final HedgeStatus hedge = new HedgeStatus();
    private final UnderlyingLiquidity liquidity;
    /** The skew's inputs of every instrument in flat arrays (derived, not saved). */
    final SkewTable skewTable;

    UnderlyingRisk(final long code, final EngineConfig config, final ScenarioPoints points)
    {
        this.code = code;
        this.name = AsciiCode.toString(code);
        this.forwards = new ForwardCurve(ForwardCurve.DEFAULT_CAPACITY, config.fallbackBasisPerYear());
        this.surface = new VolSurface(VolSurface.DEFAULT_CAPACITY, new SmileValidator(), config.smileDynamics(code));
        this.hedging = config.hedging(code);
        this.book = new UnderlyingBook(hedging);
        this.account = new CoinAccount(config.coinBalance(code), config.equityDelta());
        this.usdAccount = new UsdAccount(config.scenario().usdBalance(code));
        this.scenarios = new UnderlyingScenarios(config, points, code);
        this.sums = new ExposureSums(account, explain, config.moneynessBucketEdges());
        this.quoting = new QuotingStatus(config.limitsOf(code));
        this.liquidity = new UnderlyingLiquidity(sums, config.beyondTopMultiple());
        this.skewTable = new SkewTable(config);
    }

    /**
     * A newly defined instrument joins the book (and is revalued at the end of the batch).
     */
    void add(final InstrumentState state)
    {
        book.add(state);
        linkRestored(state);
        // a position parked before the definition joins the grid once its risk array is centred
        scenarios.attach(state);
        liquidity.update(state);
        skewTable.invalidate();
    }

    /**
     * Takes a settled instrument out of the book (its state stays with the engine for reports).
     */
    void removeSettled(final int index)
    {
        book.removeSettled(index);
        scenarios.bookShrank();
        skewTable.invalidate();
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
        final long bucketExpiryNs =
            Instrument.hasExpiry(instrument.kind()) ? instrument.expiryNs() : ExposureBuckets.NO_EXPIRY;
        sums.linkExpiryBucket(state, bucketExpiryNs);
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

    public ExplainTotals explain()
    {
        return explain;
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

    public UsdAccount usdAccount()
    {
        return usdAccount;
    }

    /**
     * @return the live scenario grid, margin and liquidation distance.
     */
    public UnderlyingScenarios scenarios()
    {
        return scenarios;
    }

    public BatchMarks marks()
    {
        return marks;
    }

    public HedgeStatus hedge()
    {
        return hedge;
    }

    /**
     * @return the cost of unwinding the underlying's positions at the displayed book.
     */
    public UnderlyingLiquidity liquidity()
    {
        return liquidity;
    }

    HedgeConfig hedging()
    {
        return hedging;
    }

    InstrumentState hedgeInstrument()
    {
        return book.hedgeInstrument();
    }

    public long code()
    {
        return code;
    }

    public String name()
    {
        return name;
    }

    public UnderlyingBook book()
    {
        return book;
    }

    public double positionQuantity(final int i)
    {
        return book.instrument(i).position().quantity();
    }

    public int instrumentId(final int i)
    {
        return book.instrument(i).instrumentId();
    }

    public int instrumentCount()
    {
        return book.instrumentCount();
    }

    public InstrumentState instrument(final int i)
    {
        return book.instrument(i);
    }

    public long lastIndexTickNs()
    {
        return book.lastIndexTickNs();
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

    /**
     * @return the trading P&L: realized plus unrealized P&L of the positions, fees and funding included, USD.
     */
    public double tradingPnlUsd()
    {
        return pnlUsd();
    }

    /**
     * @return what the fills earned against fair value at fill time, fees included, USD.
     */
    public double edgeUsd()
    {
        return explain.edge().edgeUsd();
    }

    /**
     * @return the trading P&L less the edge: what holding the inventory made or lost, USD.
     */
    public double inventoryUsd()
    {
        return pnlUsd() - explain.edge().edgeUsd();
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

    public double limit(final LimitKind kind)
    {
        return quoting.limit(kind);
    }

    public QuotingState state()
    {
        return quoting.state();
    }

    @Override
    public double marginUtilization()
    {
        return scenarios.marginUtilization();
    }

    @Override
    public double liquidationDistance()
    {
        return scenarios.liquidationDistance();
    }

    public double maxApproxError()
    {
        return sweep.maxApproxError();
    }

    /**
     * Saves or restores this underlying: the book in order and the instruments it singles out (by id), then each
     * part, the curve and the surface. The instruments themselves are restored before (and linked with
     * {@link #linkRestored}). The skew table and the instruments' liquidity shares are not
     * saved: a restore rebuilds them (the liquidity sums are saved, so they continue bit for bit).
     */
    void exchangeState(final StateIo io, final Int2ObjectHashMap<InstrumentState> all)
    {
        book.exchangeState(io, all);
        lastSnapshotNs = io.i64(lastSnapshotNs);
        io.section(0x554e4431);
        account.exchangeState(io);
        sums.exchangeState(io);
        explain.exchangeState(io);
        sweep.exchangeState(io);
        quoting.exchangeState(io);
        marks.exchangeState(io);
        hedge.exchangeState(io);
        usdAccount.exchangeState(io);
        scenarios.exchangeState(io);
        liquidity.exchangeState(io);
        io.section(0x554e4432);
        forwards.exchangeState(io);
        surface.exchangeState(io);
        if (io.isReading())
        {
            // derived from what was just restored; a save leaves the engine exactly as it was
            skewTable.invalidate();
            for (int i = 0; i < book.instrumentCount(); i++)
            {
                liquidity.recomputeShare(book.instrument(i));
            }
        }
    }
}

package org.mmrisk.core.engine;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.forward.ForwardCurve;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.position.Position;
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
public final class UnderlyingRisk
{
    private final long code;
    /** Key of the expiry bucket of instruments without an expiry (index, spot, perpetuals). */
    public static final long NO_EXPIRY = 0;
    private final String name;
    private final List<InstrumentState> instruments = new ArrayList<>();
    private final ForwardCurve forwards;
    private final VolSurface surface = new VolSurface();
    private InstrumentState indexInstrument;
    private InstrumentState perpetual;
    private InstrumentState spot;

    private final List<InstrumentState> touched = new ArrayList<>();
    /** The skew's inputs of every instrument in flat arrays (derived, not saved). */
    final SkewTable skewTable;
    private final Long2ObjectHashMap<List<InstrumentState>> optionsByExpiry = new Long2ObjectHashMap<>();
    final TaylorExposure exposure = new TaylorExposure();
    private final ExposureBuckets buckets;
    final PnlExplain explain = new PnlExplain();
    final PnlExplain explainAtSnapshot = new PnlExplain();
    /** Engine time of the last evaluation of the aggregates. */
    long evaluatedNs = Long.MIN_VALUE;

    double indexUsd = Double.NaN;
    double delta;
    double gamma;
    double vega;
    double theta;
    double vanna;
    double volga;
    double realizedPnlUsd;
    /** Realized P&L of instruments settled at expiry and out of the book. */
    double settledRealizedPnlUsd;
    /** Coin balance of the account (config, then SET_EQUITY). */
    double coinBalance;
    /** Coin cash flows since start: coin premiums, coin fees, realized coin P&L of inverse delta-one, settlements. */
    double coinCash;
    /** Whether the account's coin equity counts as delta (config). */
    boolean equityDelta;
    double unrealizedLinearUsd;
    double unrealizedCoin;
    double unrealizedCoinDeltaOne;
    /** Gross position sizes: coin-sized contracts in coins, USD-sized in USD (notional = coins × S + USD). */
    double grossSizeCoins;
    double grossSizeUsd;
    int unpricedPositions;
    QuotingState state = QuotingState.NORMAL;

    /** Limits (NaN: none), each limit's rung, and the other inputs of the quoting state ({@link QuotingGuard}). */
    final double[] limits;
    final QuotingState[] limitLevels = new QuotingState[LimitKind.VALUES.length];
    final boolean[] limitChanged = new boolean[LimitKind.VALUES.length];
    QuotingState staleLevel = QuotingState.NORMAL;
    /** The state from this underlying's own limits and data; {@link #state} adds the portfolio's rung. */
    QuotingState ownState = QuotingState.NORMAL;
    double grossNotionalUsd;
    boolean unknownRisk;
    /** An operator resumed while positions were still unpriced: no new halt until they are all priced once. */
    boolean unknownRiskAcknowledged;
    /** The underlying was touched by the batch now ending (set at batch end). */
    boolean wasDirty;
    private long[] venues = new long[4];
    private int venueCount;
    boolean operatorHalt;
    long lastIndexTickNs = Long.MIN_VALUE;
    double maxUtilization;
    LimitKind reduceAxis = LimitKind.DELTA;
    final DayPeak dayPeak = new DayPeak();
    double varianceRate;
    double volIndexUsd = Double.NaN;
    long volTimeNs;
    /** How this underlying is hedged (null: not), the hedge instrument once defined, and until when the last
     * hedge signal is outstanding. */
    HedgeConfig hedging;
    InstrumentState hedgeInstrument;
    long hedgeOutstandingUntilNs = Long.MIN_VALUE;

    /** The next revaluation must be a full one (first pricing, whole-surface change, trust radius left...). */
    boolean needsFullRevaluation = true;
    /** Earliest expiry of an instrument still in the book ({@link Long#MAX_VALUE} when none). */
    long nextExpiryNs = Long.MAX_VALUE;
    /** Next instrument of the round-robin re-anchoring sweep. */
    int sweepCursor;
    long sweepStartNs;
    long previousSweepStartNs;
    double sweepLowUsd;
    double sweepHighUsd;
    double previousSweepLowUsd;
    double previousSweepHighUsd;
    /** Σ|q·(Taylor delta − exact delta)| over the re-anchors of the current sweep, coins. */
    double sweepErrorCoins;
    /** Largest relative error seen at a re-anchor since the last snapshot (error ÷ gross delta). */
    double maxApproxError;

    boolean dirty;
    /** The batch now ending owes its re-anchor slice, run after its outputs (only set within a batch end). */
    boolean sliceDue;
    long causeJournalSequence = -1;
    long causeReceiveTimeNs = Long.MIN_VALUE;
    long causeSendTimeNs = Long.MIN_VALUE;
    /** An input of the batch now running touched the underlying (false between batches, so not saved). */
    boolean inputTouchedThisBatch;
    long lastSnapshotNs = Long.MIN_VALUE;

    UnderlyingRisk(final long code, final EngineConfig config, final double[] limits)
    {
        this.code = code;
        this.limits = limits;
        java.util.Arrays.fill(limitLevels, QuotingState.NORMAL);
        this.buckets = new ExposureBuckets(config.moneynessBucketEdges());
        this.forwards = new ForwardCurve(ForwardCurve.DEFAULT_CAPACITY, config.fallbackBasisPerYear());
        this.skewTable = new SkewTable(config);
        this.name = AsciiCode.toString(code);
    }

    void add(final InstrumentState state)
    {
        instruments.add(state);
        skewTable.invalidate();
        final long bucketExpiryNs = Instrument.hasExpiry(state.instrument().kind()) ? state.instrument().expiryNs() : NO_EXPIRY;
        state.expiryBucket = buckets.expiry(bucketExpiryNs);
        final InstrumentKind kind = state.instrument().kind();
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
            optionsByExpiry.computeIfAbsent(state.instrument().expiryNs(), k -> new ArrayList<>()).add(state);
        }
        if (Instrument.hasExpiry(kind))
        {
            nextExpiryNs = Math.min(nextExpiryNs, state.instrument().expiryNs());
        }
        addVenue(state.instrument().venue());
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
     * @return the earliest expiry still in the book, {@link Long#MAX_VALUE} when none; O(n), after settlements.
     */
    long earliestExpiryNs()
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
        return earliest;
    }

    /**
     * Queues an instrument whose inputs changed for exact revaluation at the end of the batch.
     */
    void touchInstrument(final InstrumentState state)
    {
        if (!state.touched)
        {
            state.touched = true;
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

    /**
     * One instrument was revalued exactly: its skew inputs change with it.
     */
    void recordReanchor(final InstrumentState state)
    {
        skewTable.refreshRisk(state);
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
            touched.get(i).touched = false;
        }
        touched.clear();
    }

    /**
     * With equity counted, an inverse future or perpetual is aggregated together with its unrealized coin P&L:
     * c/F coins of contract plus c·(1/entry − 1/F) coins of equity is c/entry coins, whatever the index (no gamma),
     * and its value moves linearly with the index.
     */
    private ContractRisk aggregatedRisk(final InstrumentState s)
    {
        final ContractRisk risk = s.risk();
        final double entry = s.position().avgPrice();
        if (!equityDelta || !s.instrument().isInverse() || s.instrument().isOption() || !(entry > 0))
        {
            return risk;
        }
        final ContractRisk equity = s.equityRisk;
        final double coinsPerContract = s.instrument().contractSize() / entry;
        equity.priced = true;
        equity.forward = risk.forward;
        equity.delta = coinsPerContract;
        equity.valueUsd = coinsPerContract * risk.anchorIndexUsd;
        equity.gamma = equity.speed = equity.charm = 0;
        equity.vega = equity.theta = equity.vanna = equity.volga = 0;
        equity.anchorIndexUsd = risk.anchorIndexUsd;
        equity.anchorTimeNs = risk.anchorTimeNs;
        return equity;
    }

    /**
     * Coin cash of a fill: a coin-settled option's premium and coin fee, or an inverse delta-one contract's
     * realized coin P&L (its coin fee included), or another instrument's coin fee.
     */
    void addCoinCash(final Instrument instrument, final double signedQuantity, final double price,
        final double realizedCoinChange, final double feeCoin)
    {
        if (instrument.isInverse() && instrument.isOption())
        {
            coinCash -= signedQuantity * price * instrument.contractSize() + feeCoin;
        }
        else if (instrument.isInverse())
        {
            coinCash += realizedCoinChange;
        }
        else
        {
            coinCash -= feeCoin;
        }
    }

    /**
     * @return the account's coin equity: balance, coin cash flows, and the unrealized coin P&L of inverse futures
     * and perpetuals at their marks.
     */
    public double equityCoins()
    {
        return coinBalance + coinCash + unrealizedCoinDeltaOne;
    }

    /**
     * @return the largest |vega| of one expiry at the last evaluation, USD per vol point.
     */
    double largestExpiryVegaUsd()
    {
        return indexUsd > 0 ? buckets.largestExpiryVegaUsd(indexUsd) : 0;
    }

    /**
     * @return the expiry and moneyness buckets, for reports (read them at {@link #indexUsd()} and
     * {@link #evaluatedNs()}).
     */
    public ExposureBuckets buckets()
    {
        return buckets;
    }

    /**
     * @return engine time of the last evaluation of the aggregates, {@link Long#MIN_VALUE} before the first.
     */
    public long evaluatedNs()
    {
        return evaluatedNs;
    }

    /**
     * @return the model value of the book at the last evaluation (index and time), USD; NaN without an index.
     */
    double valueAtLastEvaluationUsd()
    {
        if (!(indexUsd > 0) || evaluatedNs == Long.MIN_VALUE)
        {
            return Double.NaN;
        }
        return exposure.valueUsd(indexUsd, evaluatedNs) + (equityDelta ? (coinBalance + coinCash) * indexUsd : 0);
    }

    /**
     * After a position changed (detach, change, attach): the value the new contracts bring into the book is
     * inventory, not P&L, so the P&L explain records it as trading.
     *
     * @param valueBeforeUsd {@link #valueAtLastEvaluationUsd()} taken before the detach.
     */
    void recordTrade(final double valueBeforeUsd)
    {
        final double valueAfterUsd = valueAtLastEvaluationUsd();
        if (explain.isStarted() && !Double.isNaN(valueBeforeUsd) && !Double.isNaN(valueAfterUsd))
        {
            explain.onTrade(valueAfterUsd - valueBeforeUsd);
        }
    }

    /**
     * @return the P&L explain since the first valuation.
     */
    public PnlExplain explain()
    {
        return explain;
    }

    /**
     * @return the totals as they were at the last snapshot, with the book's value then: the start of the
     * interval reported with the next snapshot.
     */
    public PnlExplain explainAtSnapshot()
    {
        return explainAtSnapshot;
    }

    /**
     * @return the book's model value now (the Taylor value at the last evaluation), USD.
     */
    public double bookValueUsd()
    {
        return valueAtLastEvaluationUsd();
    }

    /**
     * Takes an instrument's position out of the sums, using exactly the values it was added with.
     * Must precede any change to its position or its anchored risk.
     */
    void detach(final InstrumentState s)
    {
        if (s.contributedQuantity != 0)
        {
            final ContractRisk risk = s.contributedRisk;
            exposure.remove(s.contributedQuantity, risk);
            s.expiryBucket.remove(s.contributedQuantity, risk);
            if (s.moneynessBucket >= 0)
            {
                buckets.removeFromMoneyness(s.moneynessBucket, s.contributedQuantity, risk);
                s.moneynessBucket = -1;
            }
            s.contributedQuantity = 0;
        }
        if (s.countedUnpriced)
        {
            unpricedPositions--;
            s.countedUnpriced = false;
        }
        realizedPnlUsd -= s.contributedRealizedUsd;
        grossSizeCoins -= s.contributedSizeCoins;
        grossSizeUsd -= s.contributedSizeUsd;
        s.contributedSizeCoins = 0;
        s.contributedSizeUsd = 0;
        unrealizedLinearUsd -= s.contributedUnrealizedUsd;
        unrealizedCoin -= s.contributedUnrealizedCoin;
        if (!s.instrument().isOption())
        {
            unrealizedCoinDeltaOne -= s.contributedUnrealizedCoin;
        }
        s.contributedRealizedUsd = 0;
        s.contributedUnrealizedUsd = 0;
        s.contributedUnrealizedCoin = 0;
    }

    /**
     * Adds an instrument's current position, at its anchored risk, to the sums: O(1).
     */
    void attach(final InstrumentState s)
    {
        final Position position = s.position();
        s.contributedRealizedUsd = position.realizedPnlUsd();
        realizedPnlUsd += s.contributedRealizedUsd;
        final double quantity = position.quantity();
        if (quantity == 0)
        {
            return;
        }
        final double size = Math.abs(quantity) * s.instrument().contractSize();
        if (s.instrument().contractUnit() == org.mmrisk.core.event.ContractUnit.USD)
        {
            s.contributedSizeUsd = size;
            grossSizeUsd += size;
        }
        else
        {
            s.contributedSizeCoins = size;
            grossSizeCoins += size;
        }
        if (s.risk().priced)
        {
            final ContractRisk risk = aggregatedRisk(s);
            exposure.add(quantity, risk);
            s.expiryBucket.add(quantity, risk);
            if (s.instrument().isOption())
            {
                s.moneynessBucket = buckets.addToMoneyness(s.instrument().strike(), quantity, risk);
            }
            s.contributedQuantity = quantity;
            s.contributedRisk = risk;
        }
        else
        {
            unpricedPositions++;
            s.countedUnpriced = true;
        }
        final double mark = s.markOrMid();
        if (mark > 0)
        {
            final double pnl = position.unrealizedInSettlement(s.instrument(), mark);
            if (s.instrument().isInverse())
            {
                s.contributedUnrealizedCoin = pnl;
                unrealizedCoin += pnl;
                if (!s.instrument().isOption())
                {
                    unrealizedCoinDeltaOne += pnl;
                }
            }
            else
            {
                s.contributedUnrealizedUsd = pnl;
                unrealizedLinearUsd += pnl;
            }
        }
    }

    /**
     * Sets the published aggregates from the sums at the current index and time.
     */
    void evaluate(final long nowNs)
    {
        evaluatedNs = nowNs;
        if (!(indexUsd > 0))
        {
            delta = gamma = vega = theta = vanna = volga = 0;
            return;
        }
        if (!explain.isStarted())
        {
            explain.start(valueAtLastEvaluationUsd(), nowNs);
            explainAtSnapshot.markInterval(explain, explain.startValueUsd, nowNs);
        }
        delta = exposure.delta(indexUsd, nowNs) + (equityDelta ? coinBalance + coinCash : 0);
        gamma = exposure.gamma(indexUsd);
        vega = exposure.vega(indexUsd);
        theta = exposure.theta(indexUsd);
        vanna = exposure.vanna();
        volga = exposure.volga();
    }

    /**
     * Empties the sums before a full revaluation, with the reference at the current index and time.
     */
    void resetSums(final long nowNs)
    {
        exposure.reset(indexUsd, nowNs);
        buckets.reset(indexUsd, nowNs);
        realizedPnlUsd = 0;
        unrealizedLinearUsd = 0;
        unrealizedCoin = 0;
        unrealizedCoinDeltaOne = 0;
        grossSizeCoins = 0;
        grossSizeUsd = 0;
        unpricedPositions = 0;
        for (int i = 0, n = instruments.size(); i < n; i++)
        {
            final InstrumentState s = instruments.get(i);
            s.contributedQuantity = 0;
            s.moneynessBucket = -1;
            s.countedUnpriced = false;
            s.contributedRealizedUsd = 0;
            s.contributedUnrealizedUsd = 0;
            s.contributedUnrealizedCoin = 0;
            s.contributedSizeCoins = 0;
            s.contributedSizeUsd = 0;
        }
    }

    /**
     * Marks the exposure as needing revaluation and remembers the input that caused it (for latency tracing).
     */
    void touch(final long journalSequence, final long receiveTimeNs, final long sendTimeNs)
    {
        dirty = true;
        inputTouchedThisBatch = true;
        causeJournalSequence = journalSequence;
        causeReceiveTimeNs = receiveTimeNs;
        causeSendTimeNs = sendTimeNs;
    }

    /**
     * Time passed: the exposure is revalued at the end of the batch. The timer becomes the cause only of a batch in
     * which no input touched the underlying, so that an output traces back to the market data or fill that moved it
     * whenever there is one (ingress injects a due timer at the end of its batch).
     */
    void touchByTimer(final long journalSequence, final long receiveTimeNs, final long sendTimeNs)
    {
        dirty = true;
        if (!inputTouchedThisBatch)
        {
            causeJournalSequence = journalSequence;
            causeReceiveTimeNs = receiveTimeNs;
            causeSendTimeNs = sendTimeNs;
        }
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
     * The forward curve, held in units of the index: futures and the perpetual enter as their basis (mid ÷ index
     * at their tick), so every forward moves with the index between futures ticks (sticky basis).
     */
    public ForwardCurve forwards()
    {
        return forwards;
    }

    /**
     * @return the forward of {@code expiryNs} in USD at the current index, NaN without one.
     */
    double forwardUsd(final long expiryNs, final long nowNs)
    {
        return indexUsd > 0 ? indexUsd * forwards.forward(expiryNs, nowNs, 1.0) : Double.NaN;
    }

    public VolSurface surface()
    {
        return surface;
    }


    public long code()
    {
        return code;
    }

    public String name()
    {
        return name;
    }

    public int instrumentCount()
    {
        return instruments.size();
    }

    public InstrumentState instrument(final int i)
    {
        return instruments.get(i);
    }

    public double indexUsd()
    {
        return indexUsd;
    }

    public double delta()
    {
        return delta;
    }

    public double deltaUsd()
    {
        return delta * indexUsd;
    }

    public double gamma()
    {
        return gamma;
    }

    public double vega()
    {
        return vega;
    }

    public double theta()
    {
        return theta;
    }

    public double realizedPnlUsd()
    {
        return realizedPnlUsd + settledRealizedPnlUsd;
    }

    /**
     * @return unrealized P&L at the instruments' marks: linear in USD, coin-settled in coin converted at the index.
     */
    public double unrealizedPnlUsd()
    {
        return unrealizedLinearUsd + (unrealizedCoin != 0 ? unrealizedCoin * indexUsd : 0);
    }

    /**
     * @return realized plus unrealized P&L, USD.
     */
    public double pnlUsd()
    {
        return realizedPnlUsd() + unrealizedPnlUsd();
    }

    /**
     * @return the index's realized volatility (annualized, event-time EWMA), decimal.
     */
    public double realizedVol()
    {
        return Math.sqrt(varianceRate);
    }

    /**
     * @return the limit of {@code kind} (NaN: none) and the rung it holds.
     */
    public double limit(final LimitKind kind)
    {
        return limits[kind.ordinal()];
    }

    public QuotingState limitLevel(final LimitKind kind)
    {
        return limitLevels[kind.ordinal()];
    }

    public double vanna()
    {
        return vanna;
    }

    public double volga()
    {
        return volga;
    }

    /**
     * @return gamma × S² / 100: the change of the USD delta for a 1% index move; 0 before the first index (nothing
     * is priced then, and a NaN would breach a dollar-gamma limit).
     */
    public double dollarGammaUsd()
    {
        return indexUsd > 0 ? gamma * indexUsd * indexUsd / 100 : 0;
    }

    /**
     * @return the largest relative error of the incremental delta measured at a re-anchor since the last snapshot.
     */
    public double maxApproxError()
    {
        return maxApproxError;
    }

    public int unpricedPositions()
    {
        return unpricedPositions;
    }

    public QuotingState state()
    {
        return state;
    }

    /**
     * Links a restored instrument to its expiry bucket, as {@link #add} did when it was defined (settled ones
     * included); the bucket's sums are restored with the underlying.
     */
    void linkRestored(final InstrumentState state)
    {
        final Instrument instrument = state.instrument();
        state.expiryBucket = buckets.expiry(Instrument.hasExpiry(instrument.kind()) ? instrument.expiryNs() : NO_EXPIRY);
    }

    /**
     * Saves or restores this underlying: the book in order and the instruments it singles out (by id), then every
     * figure, sum, limit and rung, the curve and the surface. The instruments themselves are restored
     * before (and linked with {@link #linkRestored}). The skew table is not saved: a restore rebuilds it.
     */
    void exchangeState(final StateIo io, final Int2ObjectHashMap<InstrumentState> all)
    {
        exchangeBook(io, all);
        io.section(0x554e4431);
        evaluatedNs = io.i64(evaluatedNs);
        indexUsd = io.f64(indexUsd);
        delta = io.f64(delta);
        gamma = io.f64(gamma);
        vega = io.f64(vega);
        theta = io.f64(theta);
        vanna = io.f64(vanna);
        volga = io.f64(volga);
        realizedPnlUsd = io.f64(realizedPnlUsd);
        settledRealizedPnlUsd = io.f64(settledRealizedPnlUsd);
        coinBalance = io.f64(coinBalance);
        coinCash = io.f64(coinCash);
        equityDelta = io.bool(equityDelta);
        unrealizedLinearUsd = io.f64(unrealizedLinearUsd);
        unrealizedCoin = io.f64(unrealizedCoin);
        unrealizedCoinDeltaOne = io.f64(unrealizedCoinDeltaOne);
        grossSizeCoins = io.f64(grossSizeCoins);
        grossSizeUsd = io.f64(grossSizeUsd);
        unpricedPositions = io.i32(unpricedPositions);
        grossNotionalUsd = io.f64(grossNotionalUsd);
        exchangeQuoting(io);
        exchangeRevaluation(io);
        io.section(0x554e4432);
        exposure.exchangeState(io);
        buckets.exchangeState(io);
        explain.exchangeState(io);
        explainAtSnapshot.exchangeState(io);
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
    }

    private void exchangeQuoting(final StateIo io)
    {
        state = io.enumValue(state, QuotingState.VALUES);
        io.f64s(limits, io.count(limits.length, limits.length, "limits"));
        for (int i = 0; i < limitLevels.length; i++)
        {
            limitLevels[i] = io.enumValue(limitLevels[i], QuotingState.VALUES);
        }
        io.bools(limitChanged, limitChanged.length);
        staleLevel = io.enumValue(staleLevel, QuotingState.VALUES);
        ownState = io.enumValue(ownState, QuotingState.VALUES);
        unknownRisk = io.bool(unknownRisk);
        unknownRiskAcknowledged = io.bool(unknownRiskAcknowledged);
        wasDirty = io.bool(wasDirty);
        operatorHalt = io.bool(operatorHalt);
        lastIndexTickNs = io.i64(lastIndexTickNs);
        maxUtilization = io.f64(maxUtilization);
        reduceAxis = io.enumValue(reduceAxis, LimitKind.VALUES);
        dayPeak.exchangeState(io);
        varianceRate = io.f64(varianceRate);
        volIndexUsd = io.f64(volIndexUsd);
        volTimeNs = io.i64(volTimeNs);
        hedgeOutstandingUntilNs = io.i64(hedgeOutstandingUntilNs);
        lastSnapshotNs = io.i64(lastSnapshotNs);
    }

    private void exchangeRevaluation(final StateIo io)
    {
        needsFullRevaluation = io.bool(needsFullRevaluation);
        nextExpiryNs = io.i64(nextExpiryNs);
        sweepCursor = io.i32(sweepCursor);
        sweepStartNs = io.i64(sweepStartNs);
        previousSweepStartNs = io.i64(previousSweepStartNs);
        sweepLowUsd = io.f64(sweepLowUsd);
        sweepHighUsd = io.f64(sweepHighUsd);
        previousSweepLowUsd = io.f64(previousSweepLowUsd);
        previousSweepHighUsd = io.f64(previousSweepHighUsd);
        sweepErrorCoins = io.f64(sweepErrorCoins);
        maxApproxError = io.f64(maxApproxError);
        dirty = io.bool(dirty);
        causeJournalSequence = io.i64(causeJournalSequence);
        causeReceiveTimeNs = io.i64(causeReceiveTimeNs);
        causeSendTimeNs = io.i64(causeSendTimeNs);
    }
}

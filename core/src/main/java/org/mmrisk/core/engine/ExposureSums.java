package org.mmrisk.core.engine;

import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.exposure.ExposureBuckets;
import org.mmrisk.core.exposure.TaylorExposure;
import org.mmrisk.core.position.Position;
import org.mmrisk.core.state.StateIo;

import java.util.List;

/**
 * One underlying's position-weighted sums and the aggregates evaluated from them: the Taylor exposure and its
 * buckets, P&L, gross sizes, unpriced positions and the index they were evaluated at; it starts and feeds the
 * underlying's {@link ExplainTotals}. A position enters with {@link #attach} and leaves with {@link #detach}, O(1),
 * with exactly the values it added (its {@link Contribution}). Owned by the engine thread; these fields and every instrument's {@link Contribution} are
 * written only here; {@link ExposureUpdater} and the appliers call the methods.
 * <p>
 * Units: {@code delta} in coins, {@code gamma} coins per USD of index move, {@code vega} USD per vol point,
 * {@code theta} USD per calendar day, P&L in USD.
 */
public final class ExposureSums
{
    private final CoinAccount account;
    private final TaylorExposure exposure = new TaylorExposure();
    private final ExposureBuckets buckets;
    private final ExplainTotals explain;
    /** Engine time of the last evaluation of the aggregates. */
    private long evaluatedNs = Long.MIN_VALUE;
    private double indexUsd = Double.NaN;
    /** The book's value published with the Greeks: the positions as they were at the last evaluation. */
    private double valueUsd;
    private double delta;
    private double gamma;
    private double vega;
    private double theta;
    private double vanna;
    private double volga;
    private double realizedPnlUsd;
    /** Realized P&L of instruments settled at expiry and out of the book. */
    private double settledRealizedPnlUsd;
    private final BookLevel level = new BookLevel();
    /** The book's true value (model value and level) published with the aggregates, USD. */
    private double trueValueUsd;
    /** Scratch of one trade: the book's values before it ({@link #beginTrade}, {@link #recordTrade}). */
    private double valueBeforeTradeUsd;
    private double trueValueBeforeTradeUsd;
    private double unrealizedLinearUsd;
    private double unrealizedCoin;
    private double unrealizedCoinDeltaOne;
    /** Gross position sizes: coin-sized contracts in coins, USD-sized in USD (notional = coins × S + USD). */
    private double grossSizeCoins;
    private double grossSizeUsd;
    private int unpricedPositions;

    ExposureSums(final CoinAccount account, final ExplainTotals explain, final double[] moneynessBucketEdges)
    {
        this.account = account;
        this.explain = explain;
        this.buckets = new ExposureBuckets(moneynessBucketEdges);
    }

    /**
     * @return the expiry bucket of instruments expiring at {@code expiryNs} (created on first use).
     */
    void linkExpiryBucket(final InstrumentState state, final long expiryNs)
    {
        state.contribution().expiryBucket = buckets.expiry(expiryNs);
    }

    void setIndex(final double indexUsd)
    {
        this.indexUsd = indexUsd;
    }

    /**
     * Takes an instrument's position out of the sums, using exactly the values it was added with.
     * Must precede any change to its position or its anchored risk.
     */
    void detach(final InstrumentState s)
    {
        final Contribution c = s.contribution();
        if (c.quantity != 0)
        {
            exposure.remove(c.quantity, c.risk);
            c.expiryBucket.remove(c.quantity, c.risk);
            if (c.moneynessBucket >= 0)
            {
                buckets.removeFromMoneyness(c.moneynessBucket, c.quantity, c.risk);
                c.moneynessBucket = -1;
            }
            c.quantity = 0;
        }
        if (c.countedUnpriced)
        {
            unpricedPositions--;
            c.countedUnpriced = false;
        }
        realizedPnlUsd -= c.realizedUsd;
        level.remove(c.levelUsd);
        c.levelUsd = 0;
        grossSizeCoins -= c.sizeCoins;
        grossSizeUsd -= c.sizeUsd;
        c.sizeCoins = 0;
        c.sizeUsd = 0;
        unrealizedLinearUsd -= c.unrealizedUsd;
        unrealizedCoin -= c.unrealizedCoin;
        if (!s.instrument().isOption())
        {
            unrealizedCoinDeltaOne -= c.unrealizedCoin;
        }
        c.realizedUsd = 0;
        c.unrealizedUsd = 0;
        c.unrealizedCoin = 0;
    }

    /**
     * Adds an instrument's current position, at its anchored risk, to the sums: O(1).
     */
    void attach(final InstrumentState s)
    {
        final Contribution c = s.contribution();
        final Position position = s.position();
        c.realizedUsd = position.realizedPnlUsd();
        realizedPnlUsd += c.realizedUsd;
        final double quantity = position.quantity();
        if (quantity == 0)
        {
            addLevel(s, c, 0);
            return;
        }
        addSize(s, c, Math.abs(quantity) * s.instrument().contractSize());
        if (s.risk().priced)
        {
            final ContractRisk risk = aggregatedRisk(s, c);
            exposure.add(quantity, risk);
            c.expiryBucket.add(quantity, risk);
            if (s.instrument().isOption())
            {
                c.moneynessBucket = buckets.addToMoneyness(s.instrument().strike(), quantity, risk);
            }
            c.quantity = quantity;
            c.risk = risk;
        }
        else
        {
            unpricedPositions++;
            c.countedUnpriced = true;
        }
        addLevel(s, c, c.quantity);
        addUnrealized(s, c, position);
    }

    private void addSize(final InstrumentState s, final Contribution c, final double size)
    {
        if (s.instrument().contractUnit() == ContractUnit.USD)
        {
            c.sizeUsd = size;
            grossSizeUsd += size;
        }
        else
        {
            c.sizeCoins = size;
            grossSizeCoins += size;
        }
    }

    private void addUnrealized(final InstrumentState s, final Contribution c, final Position position)
    {
        final double mark = s.markOrMid();
        if (!(mark > 0))
        {
            return;
        }
        final double pnl = position.unrealizedInSettlement(s.instrument(), mark);
        if (s.instrument().isInverse())
        {
            c.unrealizedCoin = pnl;
            unrealizedCoin += pnl;
            if (!s.instrument().isOption())
            {
                unrealizedCoinDeltaOne += pnl;
            }
        }
        else
        {
            c.unrealizedUsd = pnl;
            unrealizedLinearUsd += pnl;
        }
    }

    /**
     * Records the part of the position's true value that its model value leaves out ({@link BookLevel}), for the
     * {@code quantity} in the sums (0 when flat or unpriced).
     */
    private void addLevel(final InstrumentState s, final Contribution c, final double quantity)
    {
        c.levelUsd = BookLevel.levelOf(s, c, quantity);
        level.add(c.levelUsd);
    }

    /**
     * With equity counted, an inverse future or perpetual is aggregated together with its unrealized coin P&L:
     * c/F coins of contract plus c·(1/entry − 1/F) coins of equity is c/entry coins, whatever the index (no gamma),
     * and its value moves linearly with the index.
     */
    private ContractRisk aggregatedRisk(final InstrumentState s, final Contribution c)
    {
        final ContractRisk risk = s.risk();
        final double entry = s.position().avgPrice();
        if (!account.equityDelta() || !s.instrument().isInverse() || s.instrument().isOption() || !(entry > 0))
        {
            return risk;
        }
        c.equityRisk.setEquityView(risk, s.instrument().contractSize() / entry);
        return c.equityRisk;
    }

    /**
     * An instrument settled at expiry: its realized P&L stays in the underlying's after it leaves the book.
     */
    void addSettledRealized(final InstrumentState state)
    {
        final double realizedUsd = state.position().realizedPnlUsd();
        settledRealizedPnlUsd += realizedUsd;
        level.settled(state, realizedUsd);
    }

    /**
     * Sets the published aggregates from the sums at the current index and time.
     */
    void evaluate(final long nowNs)
    {
        evaluatedNs = nowNs;
        if (!(indexUsd > 0))
        {
            valueUsd = delta = gamma = vega = theta = vanna = volga = 0;
            return;
        }
        valueUsd = valueAtLastEvaluationUsd();
        trueValueUsd = valueUsd + level.usd();
        explain.startIfNeeded(valueUsd, trueValueUsd, indexUsd, nowNs);
        delta = exposure.delta(indexUsd, nowNs) + (account.equityDelta() ? account.balanceAndCashCoins() : 0);
        gamma = exposure.gamma(indexUsd);
        vega = exposure.vega(indexUsd);
        theta = exposure.theta(indexUsd);
        vanna = exposure.vanna();
        volga = exposure.volga();
    }

    /**
     * Empties the sums before a full revaluation, with the reference at the current index and time.
     */
    void reset(final List<InstrumentState> book, final long nowNs)
    {
        exposure.reset(indexUsd, nowNs);
        buckets.reset(indexUsd, nowNs);
        realizedPnlUsd = 0;
        level.clearPositions();
        unrealizedLinearUsd = 0;
        unrealizedCoin = 0;
        unrealizedCoinDeltaOne = 0;
        grossSizeCoins = 0;
        grossSizeUsd = 0;
        unpricedPositions = 0;
        for (int i = 0, n = book.size(); i < n; i++)
        {
            book.get(i).contribution().clear();
        }
    }

    /**
     * @return the model value of the book at the last evaluation (index and time), USD; NaN without an index.
     */
    public double valueAtLastEvaluationUsd()
    {
        if (!(indexUsd > 0) || evaluatedNs == Long.MIN_VALUE)
        {
            return Double.NaN;
        }
        return exposure.valueUsd(indexUsd, evaluatedNs) +
            (account.equityDelta() ? account.balanceAndCashCoins() * indexUsd : 0);
    }

    /**
     * @return the book's true value at the last evaluation, USD: the model value and what it leaves out, the cash
     * and cost of USD-settled contracts and the entry terms of inverse ones in their equity view; NaN without an
     * index. Only its changes are P&L in USD, but its level is the book's worth in coins.
     */
    public double trueValueAtLastEvaluationUsd()
    {
        return valueAtLastEvaluationUsd() + level.usd();
    }

    /**
     * @return the book's worth in coins of the underlying at the last evaluation, its true value / S; NaN without
     * an index.
     */
    public double valueAtLastEvaluationCoins()
    {
        return trueValueAtLastEvaluationUsd() / indexUsd;
    }

    /**
     * Before a position or the account changes: the book's values now, which {@link #recordTrade} compares with.
     */
    void beginTrade()
    {
        valueBeforeTradeUsd = valueAtLastEvaluationUsd();
        trueValueBeforeTradeUsd = trueValueAtLastEvaluationUsd();
    }

    /**
     * After a position or the account changed: the value the change brings into the book is inventory, not P&L, so
     * the P&L explain records it as trading.
     */
    void recordTrade()
    {
        explain.trade(valueBeforeTradeUsd, valueAtLastEvaluationUsd(), trueValueBeforeTradeUsd,
            trueValueAtLastEvaluationUsd(), indexUsd);
    }

    /**
     * A risk snapshot closes the explain's reporting interval at the book's value now.
     */
    void markSnapshotInterval(final long nowNs)
    {
        explain.snapshotInterval(valueAtLastEvaluationUsd(), trueValueAtLastEvaluationUsd(), indexUsd, nowNs);
        explain.edge().markSnapshot(realizedPnlUsd() + unrealizedPnlUsd(), indexUsd);
    }

    /**
     * @return the largest |vega| of one expiry at the last evaluation, USD per vol point.
     */
    double largestExpiryVegaUsd()
    {
        return indexUsd > 0 ? buckets.largestExpiryVegaUsd(indexUsd) : 0;
    }

    TaylorExposure taylor()
    {
        return exposure;
    }

    public ExposureBuckets buckets()
    {
        return buckets;
    }

    public long evaluatedNs()
    {
        return evaluatedNs;
    }

    public double indexUsd()
    {
        return indexUsd;
    }

    /**
     * @return the book's model value published with {@link #delta()} and the other aggregates at the last
     * evaluation, USD (0 without an index): the point the next P&L explain step expands from. Unlike
     * {@link #valueAtLastEvaluationUsd()}, it leaves out trades booked since, as the published Greeks do.
     */
    public double valueUsd()
    {
        return valueUsd;
    }

    /**
     * @return {@link #valueUsd()} with the level the model value leaves out: the book's true value published with
     * the aggregates, USD, from which the coin explain's next step expands.
     */
    public double trueValueUsd()
    {
        return trueValueUsd;
    }

    public double delta()
    {
        return delta;
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

    public double vanna()
    {
        return vanna;
    }

    public double volga()
    {
        return volga;
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
     * @return the unrealized coin P&L of inverse futures and perpetuals at their marks: account equity.
     */
    double unrealizedCoinDeltaOne()
    {
        return unrealizedCoinDeltaOne;
    }

    public double grossSizeCoins()
    {
        return grossSizeCoins;
    }

    public double grossSizeUsd()
    {
        return grossSizeUsd;
    }

    public int unpricedPositions()
    {
        return unpricedPositions;
    }

    void exchangeState(final StateIo io)
    {
        evaluatedNs = io.i64(evaluatedNs);
        indexUsd = io.f64(indexUsd);
        valueUsd = io.f64(valueUsd);
        delta = io.f64(delta);
        gamma = io.f64(gamma);
        vega = io.f64(vega);
        theta = io.f64(theta);
        vanna = io.f64(vanna);
        volga = io.f64(volga);
        realizedPnlUsd = io.f64(realizedPnlUsd);
        settledRealizedPnlUsd = io.f64(settledRealizedPnlUsd);
        level.exchangeState(io);
        trueValueUsd = io.f64(trueValueUsd);
        unrealizedLinearUsd = io.f64(unrealizedLinearUsd);
        unrealizedCoin = io.f64(unrealizedCoin);
        unrealizedCoinDeltaOne = io.f64(unrealizedCoinDeltaOne);
        grossSizeCoins = io.f64(grossSizeCoins);
        grossSizeUsd = io.f64(grossSizeUsd);
        unpricedPositions = io.i32(unpricedPositions);
        exposure.exchangeState(io);
        buckets.exchangeState(io);
    }
}

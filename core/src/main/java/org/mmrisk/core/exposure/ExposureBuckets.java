package org.mmrisk.core.exposure;

import org.agrona.collections.Long2ObjectHashMap;
import org.mmrisk.core.state.StateFormatException;
import org.mmrisk.core.state.StateIo;
import org.mmrisk.core.time.YearFraction;

import java.util.Arrays;

/**
 * The exposure of one underlying split into buckets, each a {@link TaylorExposure} maintained with the totals (an
 * expiry's within its {@link ExpiryBucket}, with its surface and carry sums):
 * one per expiry ({@link #NO_EXPIRY} for instruments without one) and, for options, one per moneyness
 * range of k = ln(K/F) between configured edges (an option's range is taken from its forward at its anchor).
 * Owned by the engine thread; allocation happens only when an expiry is first seen.
 */
public final class ExposureBuckets
{
    /** Key of the expiry bucket of instruments without an expiry (index, spot, perpetuals). */
    public static final long NO_EXPIRY = 0;

    private static final int GREEKS = 6;
    /** The tenor time-weighted vega is normalised to, days: vega × √(30 / days to expiry), as desks net across expiries. */
    public static final double TIME_WEIGHT_DAYS = 30.0;

    private final Long2ObjectHashMap<ExpiryBucket> byExpiry = new Long2ObjectHashMap<>();
    private final double[] moneynessEdges;
    private final TaylorExposure[] byMoneyness;
    private double refIndexUsd = Double.NaN;
    private long refTimeNs;
    /** Scratch for writing the expiry buckets in a stable order without allocating. */
    private long[] sortedExpiries = new long[16];

    public ExposureBuckets(final double[] moneynessEdges)
    {
        this.moneynessEdges = moneynessEdges.clone();
        this.byMoneyness = new TaylorExposure[moneynessEdges.length + 1];
        for (int i = 0; i < byMoneyness.length; i++)
        {
            byMoneyness[i] = new TaylorExposure();
        }
    }

    /**
     * @return the bucket of {@code expiryNs}, created (around the current reference) when first seen.
     */
    public ExpiryBucket expiry(final long expiryNs)
    {
        ExpiryBucket bucket = byExpiry.get(expiryNs);
        if (bucket == null)
        {
            bucket = new ExpiryBucket();
            bucket.reset(refIndexUsd, refTimeNs);
            byExpiry.put(expiryNs, bucket);
        }
        return bucket;
    }

    /**
     * Adds an option's position to its moneyness bucket.
     *
     * @return the bucket index, to remove it with later.
     */
    public int addToMoneyness(final double strike, final double quantity, final ContractRisk risk)
    {
        final int bucket = moneynessBucketOf(Math.log(strike / risk.forward));
        byMoneyness[bucket].add(quantity, risk);
        return bucket;
    }

    public void removeFromMoneyness(final int bucket, final double quantity, final ContractRisk risk)
    {
        byMoneyness[bucket].remove(quantity, risk);
    }

    /**
     * Empties every bucket with a new common reference, before a full revaluation.
     */
    public void reset(final double indexUsd, final long nowNs)
    {
        refIndexUsd = indexUsd;
        refTimeNs = nowNs;
        for (final ExpiryBucket bucket : byExpiry.values())
        {
            bucket.reset(indexUsd, nowNs);
        }
        for (final TaylorExposure bucket : byMoneyness)
        {
            bucket.reset(indexUsd, nowNs);
        }
    }

    private int moneynessBucketOf(final double k)
    {
        int bucket = 0;
        while (bucket < moneynessEdges.length && k >= moneynessEdges[bucket])
        {
            bucket++;
        }
        return bucket;
    }

    /**
     * @return the largest |vega| of one expiry at {@code indexUsd}, USD per vol point; allocation-free.
     */
    public double largestExpiryVegaUsd(final double indexUsd)
    {
        double largest = 0;
        for (final ExpiryBucket bucket : byExpiry.values())
        {
            largest = Math.max(largest, Math.abs(bucket.greeks().vega(indexUsd)));
        }
        return largest;
    }

    /**
     * @return the expiries that have a bucket, ascending ({@link #NO_EXPIRY} first); for reports,
     * allocates.
     */
    public long[] expiries()
    {
        final long[] expiries = new long[byExpiry.size()];
        int i = 0;
        for (final Long2ObjectHashMap<ExpiryBucket>.KeyIterator it = byExpiry.keySet().iterator(); it.hasNext(); )
        {
            expiries[i++] = it.nextLong();
        }
        Arrays.sort(expiries);
        return expiries;
    }

    /**
     * Sorts the expiries that have a bucket into a scratch array, ascending ({@link #NO_EXPIRY} first), for reports
     * on the engine thread; allocation-free once the scratch has grown to the book.
     *
     * @return how many; read them with {@link #sortedExpiry(int)}.
     */
    public int sortExpiryKeys()
    {
        sortExpiries();
        return byExpiry.size();
    }

    /**
     * @return the {@code i}-th expiry of the last {@link #sortExpiryKeys()}.
     */
    public long sortedExpiry(final int i)
    {
        return sortedExpiries[i];
    }

    /**
     * @return the moneyness bucket edges in k = ln(K/F); bucket i spans [edge i−1, edge i).
     */
    public double[] moneynessEdges()
    {
        return moneynessEdges.clone();
    }

    /**
     * Reads one expiry bucket at (indexUsd, nowNs), for reports: delta, gamma, vega, theta, vanna, volga.
     *
     * @param out at least 6 long; zeros when there is no index.
     */
    public void readExpiry(final long expiryNs, final double indexUsd, final long nowNs, final double[] out)
    {
        final ExpiryBucket bucket = byExpiry.get(expiryNs);
        read(bucket == null ? null : bucket.greeks(), indexUsd, nowNs, out);
    }

    /**
     * Reads one expiry bucket's surface and carry risk, for reports: vega (USD per vol point, at the index),
     * time-weighted vega (vega × √(30 / days to expiry), 0 for {@link #NO_EXPIRY} and past expiries), rho, basis delta,
     * 25-delta risk reversal and butterfly (see {@link ContractRisk}).
     *
     * @param out at least 6 long; zeros when there is no index.
     */
    public void readExpirySurface(final long expiryNs, final double indexUsd, final long nowNs, final double[] out)
    {
        Arrays.fill(out, 0, GREEKS, 0);
        final ExpiryBucket bucket = byExpiry.get(expiryNs);
        if (bucket == null || !(indexUsd > 0) || nowNs == Long.MIN_VALUE)
        {
            return;
        }
        final double days = YearFraction.days(nowNs, expiryNs);
        out[0] = bucket.greeks().vega(indexUsd);
        out[1] = expiryNs != NO_EXPIRY && days > 0 ? out[0] * Math.sqrt(TIME_WEIGHT_DAYS / days) : 0;
        out[2] = bucket.rho();
        out[3] = bucket.basisDelta();
        out[4] = bucket.riskReversal25();
        out[5] = bucket.butterfly25();
    }

    public void readMoneyness(final int bucket, final double indexUsd, final long nowNs, final double[] out)
    {
        read(byMoneyness[bucket], indexUsd, nowNs, out);
    }

    private static void read(final TaylorExposure bucket, final double indexUsd, final long nowNs, final double[] out)
    {
        Arrays.fill(out, 0, GREEKS, 0);
        if (bucket == null || !(indexUsd > 0) || nowNs == Long.MIN_VALUE)
        {
            return;
        }
        out[0] = bucket.delta(indexUsd, nowNs);
        out[1] = bucket.gamma(indexUsd);
        out[2] = bucket.vega(indexUsd);
        out[3] = bucket.theta(indexUsd);
        out[4] = bucket.vanna();
        out[5] = bucket.volga();
    }

    /**
     * Saves or restores every bucket's sums and the common reference; expiry buckets in ascending expiry.
     */
    public void exchangeState(final StateIo io)
    {
        refIndexUsd = io.f64(refIndexUsd);
        refTimeNs = io.i64(refTimeNs);
        final int count = io.count(byExpiry.size(), 1 << 20, "expiry buckets");
        if (!io.isReading())
        {
            sortExpiries();
        }
        for (int i = 0; i < count; i++)
        {
            final long expiryNs = io.i64(io.isReading() ? 0 : sortedExpiries[i]);
            expiry(expiryNs).exchangeState(io);
        }
        io.count(byMoneyness.length, byMoneyness.length, "moneyness buckets");
        for (final double edge : moneynessEdges)
        {
            // the sums below belong to these edges: a state saved under other edges does not fit this engine
            if (Double.compare(io.f64(edge), edge) != 0)
            {
                throw new StateFormatException("saved under other moneyness bucket edges");
            }
        }
        for (final TaylorExposure bucket : byMoneyness)
        {
            bucket.exchangeState(io);
        }
    }

    private void sortExpiries()
    {
        if (sortedExpiries.length < byExpiry.size())
        {
            sortedExpiries = new long[byExpiry.size() * 2];
        }
        int i = 0;
        for (final Long2ObjectHashMap<ExpiryBucket>.KeyIterator it = byExpiry.keySet().iterator(); it.hasNext(); )
        {
            sortedExpiries[i++] = it.nextLong();
        }
        Arrays.sort(sortedExpiries, 0, i);
    }
}

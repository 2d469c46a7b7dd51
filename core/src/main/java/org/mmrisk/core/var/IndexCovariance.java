package org.mmrisk.core.var;

import org.mmrisk.core.state.StateIo;
import org.mmrisk.core.vol.RealizedVariance;

import java.util.Arrays;

/**
 * The realized covariance of every pair of indices, estimated from log-returns sampled on one grid of engine time:
 * the first batch end at or after each multiple of the sample interval samples every index known then. Each pair
 * keeps an exponentially weighted sum of r_a·r_b/Δt and of its weight ({@link RealizedVariance}, the engine's one
 * estimator), so the estimate is the weighted average of the returns seen, with no prior. An index is known to the
 * estimator by its slot, given in the order underlyings first appear; slots never move.
 * <p>
 * Owned by the engine thread. Allocation-free except when a new underlying takes a slot beyond the capacity (rare).
 */
public final class IndexCovariance
{
    private final long intervalNs;
    private final long halfLifeNs;
    private int capacity;
    private int slots;
    private long[] codes;
    private double[] lastIndex;
    private double[] nowIndex;
    private double[] sums;
    private double[] weights;
    private int[] counts;
    private long lastSampleNs = Long.MIN_VALUE;
    private long nextSampleNs = Long.MIN_VALUE;
    private long samples;

    public IndexCovariance(final long intervalNs, final long halfLifeNs, final int initialCapacity)
    {
        this.intervalNs = intervalNs;
        this.halfLifeNs = halfLifeNs;
        allocate(Math.max(1, initialCapacity));
    }

    private void allocate(final int newCapacity)
    {
        final double[] oldSums = sums;
        final double[] oldWeights = weights;
        final int[] oldCounts = counts;
        final int old = capacity;
        codes = codes == null ? new long[newCapacity] : Arrays.copyOf(codes, newCapacity);
        lastIndex = lastIndex == null ? filled(newCapacity) : grow(lastIndex, newCapacity);
        nowIndex = nowIndex == null ? filled(newCapacity) : grow(nowIndex, newCapacity);
        sums = new double[newCapacity * newCapacity];
        weights = new double[newCapacity * newCapacity];
        counts = new int[newCapacity * newCapacity];
        for (int i = 0; i < old; i++)
        {
            System.arraycopy(oldSums, i * old, sums, i * newCapacity, old);
            System.arraycopy(oldWeights, i * old, weights, i * newCapacity, old);
            System.arraycopy(oldCounts, i * old, counts, i * newCapacity, old);
        }
        capacity = newCapacity;
    }

    private static double[] filled(final int n)
    {
        final double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double[] grow(final double[] a, final int n)
    {
        final double[] b = Arrays.copyOf(a, n);
        Arrays.fill(b, a.length, n, Double.NaN);
        return b;
    }

    /**
     * @return the slot of {@code code}, taking the next one when it has none.
     */
    public int slotOf(final long code)
    {
        for (int i = 0; i < slots; i++)
        {
            if (codes[i] == code)
            {
                return i;
            }
        }
        if (slots == capacity)
        {
            allocate(capacity * 2);
        }
        codes[slots] = code;
        return slots++;
    }

    public int slots()
    {
        return slots;
    }

    public long code(final int slot)
    {
        return codes[slot];
    }

    /**
     * @return whether a sample is due at a batch end at {@code nowNs}.
     */
    public boolean isDue(final long nowNs)
    {
        return nowNs >= nextSampleNs;
    }

    /**
     * The index of a slot at this sample (call between {@link #isDue} and {@link #commit}); NaN or ≤ 0: unknown.
     */
    public void observe(final int slot, final double indexUsd)
    {
        nowIndex[slot] = indexUsd;
    }

    /**
     * Takes the sample: every pair with a return in both slots (both indices known now and at the last sample)
     * enters the estimate; then the sample's indices become the last ones and the next grid point is set.
     */
    public void commit(final long nowNs)
    {
        if (lastSampleNs != Long.MIN_VALUE && nowNs > lastSampleNs)
        {
            final long dtNs = nowNs - lastSampleNs;
            final double keep = RealizedVariance.keep(dtNs, halfLifeNs);
            for (int a = 0; a < slots; a++)
            {
                final double ra = logReturn(a);
                if (Double.isNaN(ra))
                {
                    continue;
                }
                for (int b = 0; b <= a; b++)
                {
                    final double rb = logReturn(b);
                    if (!Double.isNaN(rb))
                    {
                        final int ab = a * capacity + b;
                        sums[ab] = RealizedVariance.update(sums[ab], keep, ra, rb, dtNs);
                        weights[ab] = RealizedVariance.weight(weights[ab], keep);
                        counts[ab]++;
                    }
                }
            }
        }
        for (int i = 0; i < slots; i++)
        {
            lastIndex[i] = nowIndex[i] > 0 ? nowIndex[i] : Double.NaN;
            nowIndex[i] = Double.NaN;
        }
        lastSampleNs = nowNs;
        nextSampleNs = Math.floorDiv(nowNs, intervalNs) * intervalNs + intervalNs;
        samples++;
    }

    private double logReturn(final int slot)
    {
        final double now = nowIndex[slot];
        final double last = lastIndex[slot];
        return now > 0 && last > 0 ? Math.log(now / last) : Double.NaN;
    }

    /**
     * @return the returns pair (a, b) has contributed (a with itself: the index's own).
     */
    public int count(final int a, final int b)
    {
        return counts[a >= b ? a * capacity + b : b * capacity + a];
    }

    /**
     * @return the estimated annual covariance rate of the pair's log-returns (a = b: the variance rate); NaN before
     * any return.
     */
    public double covarianceRate(final int a, final int b)
    {
        final int ab = a >= b ? a * capacity + b : b * capacity + a;
        return counts[ab] == 0 ? Double.NaN : sums[ab] / weights[ab];
    }

    /**
     * @return how many samples the grid has taken (changes whenever the estimates may have).
     */
    public long samples()
    {
        return samples;
    }

    public void exchangeState(final StateIo io)
    {
        final int n = io.count(slots, 1 << 16, "VaR slots");
        if (io.isReading())
        {
            while (capacity < n)
            {
                allocate(capacity * 2);
            }
            slots = n;
        }
        io.i64s(codes, n);
        io.f64s(lastIndex, n);
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                final int ab = a * capacity + b;
                sums[ab] = io.f64(sums[ab]);
                weights[ab] = io.f64(weights[ab]);
                counts[ab] = io.i32(counts[ab]);
            }
        }
        lastSampleNs = io.i64(lastSampleNs);
        nextSampleNs = io.i64(nextSampleNs);
        samples = io.i64(samples);
    }
}

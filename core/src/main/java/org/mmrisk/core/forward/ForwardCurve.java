package org.mmrisk.core.forward;

import org.mmrisk.core.state.StateIo;
import org.mmrisk.core.time.YearFraction;

/**
 * The forward curve of one underlying (coin index), built from dated futures mids.
 * <p>
 * With S the index, T = (expiry − now) in years (ACT/365.25, {@link YearFraction}) and the annualised log-basis
 * of a future q = ln(F/S)/T, the forward for an expiry is:
 * <ul>
 *   <li>at a futures expiry: that future's mid, exactly;</li>
 *   <li>between two futures expiries T1 &lt; T &lt; T2: S·exp(q(T)·T), with q linear in T between q1 and q2,
 *       so the interpolated forward agrees with both futures at their expiries;</li>
 *   <li>otherwise (before the first or after the last future, or with no futures): the fallback
 *       P·exp(c·T), P the perpetual mid when one is set, else the index, and c the configured annual basis.
 *       A perpetual tracks the index to within its funding, so with c = 0 short expiries price off the most
 *       liquid delta-one instrument; c carries the desk's view of carry where no future quotes it;</li>
 *   <li>at or after expiry: the index (what the option settles against).</li>
 * </ul>
 * Futures that expire are ignored by queries and dropped when their room is needed.
 * <p>
 * Units: prices in USD (the index's currency), times in nanoseconds since the epoch, basis per year (decimal).
 * Owned by the engine thread; not thread-safe; pre-allocated, nothing allocated after construction.
 */
public final class ForwardCurve
{
    /** Futures expiries per underlying. */
    public static final int DEFAULT_CAPACITY = 32;

    private final long[] expiryNs;
    private final double[] midUsd;
    private int count;
    private double perpetualUsd = Double.NaN;
    private double fallbackBasisPerYear;

    public ForwardCurve()
    {
        this(DEFAULT_CAPACITY, 0.0);
    }

    /**
     * @param capacity             most futures expiries held at once.
     * @param fallbackBasisPerYear annual log-basis c used where no pair of futures brackets an expiry.
     */
    public ForwardCurve(final int capacity, final double fallbackBasisPerYear)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("forward curve capacity must be at least 1: " + capacity);
        }
        expiryNs = new long[capacity];
        midUsd = new double[capacity];
        fallbackBasisPerYear(fallbackBasisPerYear);
    }

    /**
     * Sets or updates the mid of the future expiring at {@code expiryNs}.
     *
     * @return {@link ForwardRejectReason#NONE} when taken; otherwise why, and the curve is unchanged.
     */
    public ForwardRejectReason setFuture(final long expiryNs, final double midUsd, final long nowNs)
    {
        if (!Double.isFinite(midUsd))
        {
            return ForwardRejectReason.NOT_FINITE;
        }
        if (midUsd <= 0.0)
        {
            return ForwardRejectReason.NON_POSITIVE_PRICE;
        }
        if (expiryNs <= nowNs)
        {
            return ForwardRejectReason.EXPIRED;
        }
        int index = lowerBound(expiryNs);
        if (index == count || this.expiryNs[index] != expiryNs)
        {
            if (count == this.expiryNs.length)
            {
                index -= removeExpired(nowNs);
                if (count == this.expiryNs.length)
                {
                    return ForwardRejectReason.TOO_MANY_EXPIRIES;
                }
            }
            openSlot(index, expiryNs);
        }
        this.midUsd[index] = midUsd;
        return ForwardRejectReason.NONE;
    }

    /**
     * Forgets the future expiring at {@code expiryNs} (delisted, or its book no longer trusted).
     *
     * @return true when there was one.
     */
    public boolean removeFuture(final long expiryNs)
    {
        final int index = lowerBound(expiryNs);
        if (index == count || this.expiryNs[index] != expiryNs)
        {
            return false;
        }
        System.arraycopy(this.expiryNs, index + 1, this.expiryNs, index, count - index - 1);
        System.arraycopy(midUsd, index + 1, midUsd, index, count - index - 1);
        count--;
        return true;
    }

    /**
     * Drops futures whose expiry is not after {@code nowNs}.
     *
     * @return how many were dropped.
     */
    public int removeExpired(final long nowNs)
    {
        final int expired = firstAfter(nowNs);
        if (expired > 0)
        {
            System.arraycopy(expiryNs, expired, expiryNs, 0, count - expired);
            System.arraycopy(midUsd, expired, midUsd, 0, count - expired);
            count -= expired;
        }
        return expired;
    }

    /**
     * @param perpetualUsd the perpetual's mid, the fallback's reference price; NaN (or ≤ 0) to use the index.
     */
    public void perpetualUsd(final double perpetualUsd)
    {
        this.perpetualUsd = perpetualUsd;
    }

    public double perpetualUsd()
    {
        return perpetualUsd;
    }

    /**
     * @param fallbackBasisPerYear annual log-basis c of the fallback, decimal (0.05 = 5% a year); finite.
     */
    public void fallbackBasisPerYear(final double fallbackBasisPerYear)
    {
        if (!Double.isFinite(fallbackBasisPerYear))
        {
            throw new IllegalArgumentException("fallback basis must be finite: " + fallbackBasisPerYear);
        }
        this.fallbackBasisPerYear = fallbackBasisPerYear;
    }

    public double fallbackBasisPerYear()
    {
        return fallbackBasisPerYear;
    }

    /**
     * @param expiryNs  the expiry whose forward is wanted.
     * @param nowNs     engine time.
     * @param indexUsd  the underlying's index now.
     * @return the forward in USD; NaN when {@code indexUsd} is not a positive price.
     */
    public double forward(final long expiryNs, final long nowNs, final double indexUsd)
    {
        if (!(indexUsd > 0.0 && indexUsd < Double.POSITIVE_INFINITY))
        {
            return Double.NaN;
        }
        if (expiryNs <= nowNs)
        {
            return indexUsd;
        }
        final int upper = lowerBound(expiryNs);
        if (upper < count && this.expiryNs[upper] == expiryNs)
        {
            return midUsd[upper];
        }
        final double years = YearFraction.years(nowNs, expiryNs);
        if (upper == firstAfter(nowNs) || upper == count)
        {
            return fallbackReferenceUsd(indexUsd) * Math.exp(fallbackBasisPerYear * years);
        }
        return interpolated(upper - 1, upper, expiryNs, nowNs, indexUsd, years);
    }

    /**
     * @return which rule {@link #forward} applies for this expiry and index.
     */
    public ForwardSource source(final long expiryNs, final long nowNs, final double indexUsd)
    {
        if (!(indexUsd > 0.0 && indexUsd < Double.POSITIVE_INFINITY))
        {
            return ForwardSource.NONE;
        }
        if (expiryNs <= nowNs)
        {
            return ForwardSource.EXPIRED;
        }
        final int upper = lowerBound(expiryNs);
        if (upper < count && this.expiryNs[upper] == expiryNs)
        {
            return ForwardSource.FUTURE;
        }
        return upper == firstAfter(nowNs) || upper == count ? ForwardSource.FALLBACK : ForwardSource.INTERPOLATED;
    }

    /**
     * @return number of futures held, including any that expired and have not been dropped yet.
     */
    public int futureCount()
    {
        return count;
    }

    public long futureExpiryNs(final int index)
    {
        return expiryNs[index];
    }

    public double futureMidUsd(final int index)
    {
        return midUsd[index];
    }

    private double interpolated(
        final int lower, final int upper, final long expiryNs, final long nowNs, final double indexUsd,
        final double years)
    {
        final double lowerYears = YearFraction.years(nowNs, this.expiryNs[lower]);
        final double upperYears = YearFraction.years(nowNs, this.expiryNs[upper]);
        final double lowerBasis = Math.log(midUsd[lower] / indexUsd) / lowerYears;
        final double upperBasis = Math.log(midUsd[upper] / indexUsd) / upperYears;
        // weight from expiry dates only, so it is exactly linear in T
        final double weight =
            (double)(expiryNs - this.expiryNs[lower]) / (double)(this.expiryNs[upper] - this.expiryNs[lower]);
        final double basis = lowerBasis + (upperBasis - lowerBasis) * weight;
        return indexUsd * Math.exp(basis * years);
    }

    private double fallbackReferenceUsd(final double indexUsd)
    {
        return perpetualUsd > 0.0 && perpetualUsd < Double.POSITIVE_INFINITY ? perpetualUsd : indexUsd;
    }

    private void openSlot(final int index, final long newExpiryNs)
    {
        System.arraycopy(expiryNs, index, expiryNs, index + 1, count - index);
        System.arraycopy(midUsd, index, midUsd, index + 1, count - index);
        expiryNs[index] = newExpiryNs;
        count++;
    }

    private int firstAfter(final long nowNs)
    {
        return nowNs == Long.MAX_VALUE ? count : lowerBound(nowNs + 1);
    }

    private int lowerBound(final long targetNs)
    {
        int low = 0;
        int high = count;
        while (low < high)
        {
            final int mid = (low + high) >>> 1;
            if (expiryNs[mid] < targetNs)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    /**
     * Saves or restores the curve: its futures in order, the perpetual and the fallback basis.
     */
    public void exchangeState(final StateIo io)
    {
        count = io.count(count, expiryNs.length, "forward curve futures");
        io.i64s(expiryNs, count);
        io.f64s(midUsd, count);
        perpetualUsd = io.f64(perpetualUsd);
        fallbackBasisPerYear = io.f64(fallbackBasisPerYear);
    }
}

package org.mmrisk.core.vol;

import org.mmrisk.core.state.StateIo;
import org.mmrisk.core.time.YearFraction;

/**
 * The implied-volatility surface of one underlying: expiries in ascending order, each with a raw SVI smile in
 * log-moneyness k = ln(K/F), F that expiry's current forward (sticky moneyness).
 * <p>
 * <b>Time between fits: implied vols are held.</b> A smile describes its expiry's total variance w(k) = σ(k)²·T at
 * the engine time it was accepted (its fit time). As time passes without a new fit the smile keeps its implied
 * vols: w(k) is scaled by (time to expiry now) / (time to expiry at the fit), so the model value decays by exactly
 * the Black-76 theta the Greeks report and a re-fit that quotes the same vols changes nothing. Holding total
 * variance instead would raise every implied vol as expiry nears (about 2% relative per hour for a one-day option),
 * so the value would not decay and a later re-fit would book the decay a second time as vega. The scaling keeps an
 * accepted surface free of arbitrage: the butterfly function of s·w is concave in s with g(0) ≥ 0, so it stays
 * non-negative for s ∈ (0, 1]; and smiles that were calendar-ordered keep their order with their vols held until
 * the earlier one expires.
 * <p>
 * <b>Updates</b> are all-or-nothing. Each one is built in a spare buffer, validated there (single-smile checks,
 * then calendar between consecutive expiries, each as it stands now) and swapped in only when accepted, so a
 * rejected update leaves the surface exactly as it was:
 * <ul>
 *   <li>{@link #applySmile} replaces or inserts one expiry, checked against its neighbours;</li>
 *   <li>{@link #beginSurface()}, {@link #addSmile}, {@link #commitSurface} (or {@link #applySurface} on arrays)
 *       replace the whole surface, validated as a whole.</li>
 * </ul>
 * Smiles whose expiry is not after engine time are dropped by the next accepted update and ignored by queries.
 * <p>
 * <b>Queries</b> at any expiry after now, with T = (expiry − now) in years (ACT/365.25, {@link YearFraction}), and
 * each smile's w carried to now as above:
 * <ul>
 *   <li>at a quoted expiry: that smile;</li>
 *   <li>between two quoted expiries T1 &lt; T &lt; T2: total variance linear in T at fixed k,
 *       w = w1(k) + (w2(k) − w1(k))·(T − T1)/(T2 − T1), which keeps the calendar ordering of the quotes;</li>
 *   <li>before the first quoted expiry or after the last: the nearest smile's implied vol at the same k.</li>
 * </ul>
 * Queries on an empty surface, or at an expiry not after now, have no answer (false / NaN).
 * <p>
 * Owned by the engine thread; not thread-safe. Pre-allocated to a fixed capacity: updates and queries allocate
 * nothing.
 * <p>
 * <b>Size.</b> About 490 lines: the update protocol (build, validate, swap), the lookups and the checkpoint of one
 * surface, which share its buffers, each update and lookup also in the form without an index that tests and tools
 * use; the checks live in the smile validator and the reading of one smile under the dynamics in
 * {@link CarriedSmile}.
 */
public final class VolSurface
{
    /** Expiries per underlying; matches the most smiles a surface event can carry. */
    public static final int DEFAULT_CAPACITY = 32;
    /** {@link #lastRejectExpiryNs()} when the last reject concerned no single expiry. */
    public static final long NO_EXPIRY = Long.MIN_VALUE;
    /** Fit time of a smile added to a surface being built, until {@link #commitSurface} stamps it. */
    private static final long NO_FIT = Long.MIN_VALUE;

    private final SmileValidator validator;
    private final SmileDynamics dynamics;
    private final CarriedSmile nearSmile = new CarriedSmile();
    private final CarriedSmile farSmile = new CarriedSmile();
    private final SviSmile candidate = new SviSmile();
    private final VolPoint scratch = new VolPoint();
    private SmileSlots active;
    private SmileSlots spare;
    private boolean building;
    private SmileRejectReason pendingReason = SmileRejectReason.NONE;
    private long pendingExpiryNs = NO_EXPIRY;
    private long lastRejectExpiryNs = NO_EXPIRY;

    public VolSurface()
    {
        this(DEFAULT_CAPACITY, new SmileValidator());
    }

    public VolSurface(final int capacity, final SmileValidator validator)
    {
        this(capacity, validator, SmileDynamics.STICKY_MONEYNESS);
    }

    /**
     * @param capacity  most expiries held at once.
     * @param validator the no-arbitrage checks (and their k grid) applied to every update.
     * @param dynamics  how the smiles move between fits.
     */
    public VolSurface(final int capacity, final SmileValidator validator, final SmileDynamics dynamics)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("vol surface capacity must be at least 1: " + capacity);
        }
        this.validator = validator;
        this.dynamics = dynamics;
        active = new SmileSlots(capacity);
        spare = new SmileSlots(capacity);
    }

    /**
     * Replaces the smile of {@code expiryNs}, or inserts it, keeping every other live expiry.
     * Checks, first failure returned: EXPIRED, the parameter checks, NEGATIVE_DENSITY, TOO_MANY_EXPIRIES,
     * CALENDAR_ARBITRAGE against the neighbouring expiries.
     *
     * @return {@link SmileRejectReason#NONE} when applied; otherwise the reason, and the surface is unchanged.
     */
    public SmileRejectReason applySmile(
        final long expiryNs, final double a, final double b, final double rho, final double m, final double sigma,
        final long nowNs)
    {
        return applySmile(expiryNs, a, b, rho, m, sigma, nowNs, Double.NaN);
    }

    /**
     * {@link #applySmile(long, double, double, double, double, double, long)} fitted at index {@code indexUsd} (NaN
     * when the underlying has none yet), which sticky strike reads its strikes from. The other live smiles are first
     * re-fitted to now as they read now (see {@link CarriedSmile#refit}), so the calendar checks compare the surface
     * as it stands.
     */
    public SmileRejectReason applySmile(
        final long expiryNs, final double a, final double b, final double rho, final double m, final double sigma,
        final long nowNs, final double indexUsd)
    {
        SmileRejectReason reason = expiryNs > nowNs ? SmileRejectReason.NONE : SmileRejectReason.EXPIRED;
        if (reason == SmileRejectReason.NONE)
        {
            reason = validator.validate(candidate.set(a, b, rho, m, sigma));
        }
        if (reason == SmileRejectReason.NONE)
        {
            reason = stageSmile(expiryNs, nowNs, indexUsd);
        }
        return finish(reason, expiryNs);
    }

    /**
     * Starts a whole-surface update in the spare buffer; the live surface is untouched until
     * {@link #commitSurface}. Calling it again discards what was added so far.
     */
    public void beginSurface()
    {
        building = true;
        spare.count = 0;
        pendingReason = SmileRejectReason.NONE;
        pendingExpiryNs = NO_EXPIRY;
    }

    /**
     * Adds one expiry to the surface being built, in any order. Problems found here (a duplicate expiry, more
     * expiries than capacity) are reported by {@link #commitSurface}.
     */
    public void addSmile(
        final long expiryNs, final double a, final double b, final double rho, final double m, final double sigma)
    {
        if (!building)
        {
            throw new IllegalStateException("addSmile without beginSurface");
        }
        if (pendingReason != SmileRejectReason.NONE)
        {
            return;
        }
        final SmileSlots slots = spare;
        final int index = slots.lowerBound(expiryNs);
        if (index < slots.count && slots.expiryNs[index] == expiryNs)
        {
            pendingReason = SmileRejectReason.DUPLICATE_EXPIRY;
            pendingExpiryNs = expiryNs;
        }
        else if (slots.count == slots.capacity())
        {
            pendingReason = SmileRejectReason.TOO_MANY_EXPIRIES;
            pendingExpiryNs = expiryNs;
        }
        else
        {
            // fitted at commit time, which stamps every smile of the surface
            slots.insertAt(index, expiryNs, NO_FIT, Double.NaN).set(a, b, rho, m, sigma);
        }
    }

    /**
     * Validates the surface built since {@link #beginSurface()} as a whole and, only if every check passes,
     * makes it the live surface. Checks, first failure returned: DUPLICATE_EXPIRY / TOO_MANY_EXPIRIES (from
     * {@link #addSmile}), EMPTY_SURFACE, then per expiry in ascending order EXPIRED, the parameter checks and
     * NEGATIVE_DENSITY, then CALENDAR_ARBITRAGE between consecutive expiries.
     *
     * @return {@link SmileRejectReason#NONE} when swapped in; otherwise the reason, and the surface is unchanged.
     */
    public SmileRejectReason commitSurface(final long nowNs)
    {
        return commitSurface(nowNs, Double.NaN);
    }

    /**
     * {@link #commitSurface(long)} with every smile fitted at index {@code indexUsd} (NaN when there is none).
     */
    public SmileRejectReason commitSurface(final long nowNs, final double indexUsd)
    {
        if (!building)
        {
            throw new IllegalStateException("commitSurface without beginSurface");
        }
        building = false;
        if (pendingReason != SmileRejectReason.NONE)
        {
            return finish(pendingReason, pendingExpiryNs);
        }
        if (spare.count == 0)
        {
            return finish(SmileRejectReason.EMPTY_SURFACE, NO_EXPIRY);
        }
        spare.stampFit(nowNs, indexUsd);
        return validateStagedSurface(nowNs);
    }

    /**
     * A whole-surface update from parallel arrays (as a surface event carries them):
     * {@link #beginSurface()}, {@link #addSmile} for each of the first {@code count} entries,
     * {@link #commitSurface}.
     */
    public SmileRejectReason applySurface(
        final int count, final long[] expiryNs, final double[] a, final double[] b, final double[] rho,
        final double[] m, final double[] sigma, final long nowNs)
    {
        return applySurface(count, expiryNs, a, b, rho, m, sigma, nowNs, Double.NaN);
    }

    /**
     * {@link #applySurface(int, long[], double[], double[], double[], double[], double[], long)} fitted at index
     * {@code indexUsd} (NaN when there is none).
     */
    public SmileRejectReason applySurface(
        final int count, final long[] expiryNs, final double[] a, final double[] b, final double[] rho,
        final double[] m, final double[] sigma, final long nowNs, final double indexUsd)
    {
        beginSurface();
        for (int i = 0; i < count; i++)
        {
            addSmile(expiryNs[i], a[i], b[i], rho[i], m[i], sigma[i]);
        }
        return commitSurface(nowNs, indexUsd);
    }

    /**
     * Reads the surface at one expiry and log-moneyness; see the class comment for interpolation and
     * extrapolation.
     *
     * @param expiryNs the option's expiry, nanoseconds since the epoch.
     * @param k        ln(K/F) with F the forward of that expiry.
     * @param nowNs    engine time.
     * @param out      filled with the result, or with NaN when there is none.
     * @return false when the surface has no live expiry or {@code expiryNs} is not after {@code nowNs}.
     */
    public boolean evaluate(final long expiryNs, final double k, final long nowNs, final VolPoint out)
    {
        return evaluate(expiryNs, k, nowNs, Double.NaN, out);
    }

    /**
     * {@link #evaluate(long, double, long, VolPoint)} with the index now, which sticky strike reads strikes against
     * (NaN: read as at the fit).
     */
    public boolean evaluate(
        final long expiryNs, final double k, final long nowNs, final double indexUsd, final VolPoint out)
    {
        final SmileSlots slots = active;
        final int first = slots.firstAfter(nowNs);
        if (first == slots.count || expiryNs <= nowNs)
        {
            out.clear();
            return false;
        }
        final int upper = slots.lowerBound(expiryNs);
        final double years = YearFraction.years(nowNs, expiryNs);
        final CarriedSmile near = nearSmile;
        if (upper < slots.count && slots.expiryNs[upper] == expiryNs)
        {
            near.carry(slots, upper, dynamics, k, nowNs, indexUsd);
            out.set(years, near.totalVariance, near.dTotalVarianceDk, near.d2TotalVarianceDk2,
                near.dTotalVarianceDt, near.dTotalVarianceDLogIndex, near.d2TotalVarianceDLogIndex2);
        }
        else if (upper == first || upper == slots.count)
        {
            // flat implied vol at fixed k beyond the quoted range: the nearest smile's vol as it reads now
            near.carry(slots, upper == first ? first : slots.count - 1, dynamics, k, nowNs, indexUsd);
            final double scale = years / near.years;
            final double scaleRate = (years - near.years) / (near.years * near.years);
            out.set(years, scale * near.totalVariance, scale * near.dTotalVarianceDk,
                scale * near.d2TotalVarianceDk2, scale * near.dTotalVarianceDt + scaleRate * near.totalVariance,
                scale * near.dTotalVarianceDLogIndex, scale * near.d2TotalVarianceDLogIndex2);
        }
        else
        {
            interpolated(slots, upper - 1, upper, expiryNs, k, years, nowNs, indexUsd, out);
        }
        return true;
    }

    /**
     * @return total variance (vol² × years) at (expiry, k), or NaN when {@link #evaluate} has no answer.
     */
    public double totalVariance(final long expiryNs, final double k, final long nowNs)
    {
        evaluate(expiryNs, k, nowNs, scratch);
        return scratch.totalVariance;
    }

    /**
     * @return implied vol (decimal) at (expiry, k), or NaN when {@link #evaluate} has no answer.
     */
    public double impliedVol(final long expiryNs, final double k, final long nowNs)
    {
        evaluate(expiryNs, k, nowNs, scratch);
        return scratch.impliedVol;
    }

    /**
     * @return ∂σ/∂k at (expiry, k), or NaN when {@link #evaluate} has no answer. Sticky-moneyness smile-consistent
     * delta uses ∂σ/∂F = −(∂σ/∂k)/F.
     */
    public double dVolDk(final long expiryNs, final double k, final long nowNs)
    {
        evaluate(expiryNs, k, nowNs, scratch);
        return scratch.dVolDk;
    }

    /**
     * Drops every expiry: the underlying has no surface until the next accepted update.
     */
    public void clear()
    {
        active.count = 0;
        building = false;
    }

    /**
     * @return number of expiries held, including any that expired since the last accepted update.
     */
    public int expiryCount()
    {
        return active.count;
    }

    /**
     * @param index 0 ≤ index &lt; {@link #expiryCount()}, ascending expiry.
     */
    public long expiryNs(final int index)
    {
        return active.expiryNs[index];
    }

    /**
     * @param index 0 ≤ index &lt; {@link #expiryCount()}, ascending expiry.
     * @return the live smile object, for reading (snapshots, reports) only: it must not be modified.
     */
    public SviSmile smile(final int index)
    {
        return active.smiles[index];
    }

    public int capacity()
    {
        return active.capacity();
    }

    /**
     * @return the expiry named by the last rejected update, or {@link #NO_EXPIRY} when it concerned none
     * (an empty surface); for reject reports.
     */
    public long lastRejectExpiryNs()
    {
        return lastRejectExpiryNs;
    }

    private SmileRejectReason stageSmile(final long expiryNs, final long nowNs, final double indexUsd)
    {
        final SmileSlots slots = spare;
        slots.copyLiveFrom(active, nowNs);
        for (int i = 0; i < slots.count; i++)
        {
            CarriedSmile.refit(slots, i, dynamics, nowNs, indexUsd);
        }
        final int index = slots.lowerBound(expiryNs);
        if (index < slots.count && slots.expiryNs[index] == expiryNs)
        {
            slots.smiles[index].copyFrom(candidate);
            slots.fitNs[index] = nowNs;
            slots.fitIndexUsd[index] = indexUsd;
        }
        else if (slots.count == slots.capacity())
        {
            return SmileRejectReason.TOO_MANY_EXPIRIES;
        }
        else
        {
            slots.insertAt(index, expiryNs, nowNs, indexUsd).copyFrom(candidate);
        }
        // only the new smile's two pairs are checked: the rest of the surface was calendar-consistent when fitted and,
        // carried under sticky moneyness or strike, still is; under sticky delta the stretch differs by expiry, and
        // the rest is checked again only by a whole-surface update (docs/pricing.md)
        if (index > 0 && validator.checkCalendar(slots.smiles[index - 1], slots.smiles[index]) !=
            SmileRejectReason.NONE)
        {
            return SmileRejectReason.CALENDAR_ARBITRAGE;
        }
        if (index + 1 < slots.count && validator.checkCalendar(slots.smiles[index], slots.smiles[index + 1]) !=
            SmileRejectReason.NONE)
        {
            return SmileRejectReason.CALENDAR_ARBITRAGE;
        }
        return SmileRejectReason.NONE;
    }

    private SmileRejectReason validateStagedSurface(final long nowNs)
    {
        final SmileSlots slots = spare;
        for (int i = 0; i < slots.count; i++)
        {
            final SmileRejectReason reason = slots.expiryNs[i] > nowNs ?
                validator.validate(slots.smiles[i]) : SmileRejectReason.EXPIRED;
            if (reason != SmileRejectReason.NONE)
            {
                return finish(reason, slots.expiryNs[i]);
            }
        }
        for (int i = 1; i < slots.count; i++)
        {
            if (validator.checkCalendar(slots.smiles[i - 1], slots.smiles[i]) != SmileRejectReason.NONE)
            {
                return finish(SmileRejectReason.CALENDAR_ARBITRAGE, slots.expiryNs[i]);
            }
        }
        return finish(SmileRejectReason.NONE, NO_EXPIRY);
    }

    /**
     * Swaps the staged buffer in when accepted; the single exit of every update, so acceptance and swap
     * cannot come apart.
     */
    private SmileRejectReason finish(final SmileRejectReason reason, final long expiryNs)
    {
        if (reason == SmileRejectReason.NONE)
        {
            final SmileSlots staged = spare;
            spare = active;
            active = staged;
        }
        else
        {
            lastRejectExpiryNs = expiryNs;
        }
        return reason;
    }

    private void interpolated(
        final SmileSlots slots, final int lower, final int upper, final long expiryNs, final double k,
        final double years, final long nowNs, final double indexUsd, final VolPoint out)
    {
        // the weight depends on expiry dates only: linear in T whatever engine time is; each end is first carried
        // to now
        final long lowerNs = slots.expiryNs[lower];
        final double weight = (double)(expiryNs - lowerNs) / (double)(slots.expiryNs[upper] - lowerNs);
        final CarriedSmile s1 = nearSmile;
        final CarriedSmile s2 = farSmile;
        s1.carry(slots, lower, dynamics, k, nowNs, indexUsd);
        s2.carry(slots, upper, dynamics, k, nowNs, indexUsd);
        out.set(
            years,
            blend(s1.totalVariance, s2.totalVariance, weight),
            blend(s1.dTotalVarianceDk, s2.dTotalVarianceDk, weight),
            blend(s1.d2TotalVarianceDk2, s2.d2TotalVarianceDk2, weight),
            blend(s1.dTotalVarianceDt, s2.dTotalVarianceDt, weight),
            blend(s1.dTotalVarianceDLogIndex, s2.dTotalVarianceDLogIndex, weight),
            blend(s1.d2TotalVarianceDLogIndex2, s2.d2TotalVarianceDLogIndex2, weight));
    }

    private static double blend(final double lowerValue, final double upperValue, final double weight)
    {
        return lowerValue + (upperValue - lowerValue) * weight;
    }

    /**
     * Saves or restores the live surface and the outcome of the last update. The spare buffer holds nothing between
     * updates (each one starts by copying or clearing it), so it is not recorded.
     */
    public void exchangeState(final StateIo io)
    {
        active.exchangeState(io);
        building = io.bool(building);
        pendingReason = io.enumValue(pendingReason, SmileRejectReason.VALUES);
        pendingExpiryNs = io.i64(pendingExpiryNs);
        lastRejectExpiryNs = io.i64(lastRejectExpiryNs);
    }
}

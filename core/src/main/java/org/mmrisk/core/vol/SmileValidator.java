package org.mmrisk.core.vol;

/**
 * No-arbitrage checks for SVI smiles. Parameter checks are exact; the butterfly (density) and calendar checks are
 * made on a grid of log-moneyness whose range follows the smile, since a closed form for the sign of g(k) does not
 * exist.
 * <p>
 * <b>Range.</b> A smile is checked on k ∈ [min(kMin, −N·√w(0)), max(kMax, N·√w(0))], w(0) its at-the-money total
 * variance and N = {@link #stdDevs()}; with the defaults that is k ∈ [−R, R], R = max(1.5, 8·√w(0)). A fixed
 * range cannot serve every expiry: ln(K/F) has standard deviation about √w(0), so a range fixed for a week is a
 * fraction of the strikes a venue lists for a year, and an arbitrage in the wing beyond it would go unseen. Eight
 * standard deviations cover every listed strike: for a 1-year 60% smile, K/F from e^−4.8 ≈ 0.008 to e^4.8 ≈ 120.
 * The floor [kMin, kMax] keeps short expiries checked over at least K/F 0.22–4.5 with the defaults.
 * <p>
 * <b>Points.</b> {@link #gridPoints()} equally spaced points, both ends included; the default 161 makes the step
 * R/80: 0.019 at the floor and a tenth of a standard deviation of ln(K/F) beyond it. A dip of g or of the calendar
 * gap narrower than the step could fall between two points, so every local minimum of the sampled values is
 * refined by {@value #REFINE_ITERATIONS} golden-section steps between its two neighbours, 14 evaluations each.
 * The g of a typical smile has no interior minimum on the range, one with a dip in the wing one or two, so a check
 * costs 161 to about 190 evaluations of g (never more than 161 + 159·14).
 * <p>
 * A smile accepted here stays butterfly-free with its total variance scaled by s ∈ (0, 1]: g is concave in s with
 * g = (1 − k·w′/(2w))² ≥ 0 at s = 0 (docs/pricing.md), and the scaled smile's range is no wider.
 * <p>
 * Immutable after construction and allocation-free, so it may be shared; in practice it is owned by the engine
 * thread with the surfaces that use it.
 */
public final class SmileValidator
{
    public static final double DEFAULT_K_MIN = -1.5;
    public static final double DEFAULT_K_MAX = 1.5;
    public static final double DEFAULT_STD_DEVS = 8.0;
    public static final int DEFAULT_GRID_POINTS = 161;

    /**
     * Total variance differences smaller than this are rounding noise (quoted total variances are ≥ 1e-6),
     * so equal smiles on consecutive expiries are not a calendar arbitrage.
     */
    static final double CALENDAR_TOLERANCE = 1e-12;

    /** Shrinks the bracket of a local minimum, two steps wide, to under 1% of a step. */
    static final int REFINE_ITERATIONS = 12;

    /**
     * A sampled minimum less than this below both its neighbours is rounding noise on a flat stretch (g is of order
     * 1; the calendar gap of two smiles that differ only in a is a constant), not a dip worth refining.
     */
    static final double FLAT_NOISE = 1e-12;

    private static final double INV_GOLDEN = 0.5 * (Math.sqrt(5.0) - 1.0);

    private final double kMin;
    private final double kMax;
    private final double stdDevs;
    private final int gridPoints;

    public SmileValidator()
    {
        this(DEFAULT_K_MIN, DEFAULT_K_MAX, DEFAULT_STD_DEVS, DEFAULT_GRID_POINTS);
    }

    /**
     * @param kMin       log-moneyness ln(K/F) the checked range reaches down to at least.
     * @param kMax       log-moneyness the checked range reaches up to at least.
     * @param stdDevs    N: the range also covers ±N·√w(0); 0 checks [kMin, kMax] only, whatever the expiry.
     * @param gridPoints number of equally spaced points over the range, both ends included, at least 2.
     */
    public SmileValidator(final double kMin, final double kMax, final double stdDevs, final int gridPoints)
    {
        if (!(Double.isFinite(kMin) && Double.isFinite(kMax) && kMin < kMax))
        {
            throw new IllegalArgumentException("smile grid needs finite kMin < kMax: " + kMin + ", " + kMax);
        }
        if (!(Double.isFinite(stdDevs) && stdDevs >= 0.0))
        {
            throw new IllegalArgumentException("smile grid stdDevs must be finite and not negative: " + stdDevs);
        }
        if (gridPoints < 2)
        {
            throw new IllegalArgumentException("smile gridPoints must be at least 2: " + gridPoints);
        }
        this.kMin = kMin;
        this.kMax = kMax;
        this.stdDevs = stdDevs;
        this.gridPoints = gridPoints;
    }

    /**
     * Every single-expiry check: parameters, then the butterfly function over the smile's range.
     */
    public SmileRejectReason validate(final SviSmile smile)
    {
        final SmileRejectReason reason = checkParameters(smile.a(), smile.b(), smile.rho(), smile.m(), smile.sigma());
        return reason != SmileRejectReason.NONE ? reason : checkDensity(smile);
    }

    /**
     * The closed-form checks on raw parameters, in the order of {@link SmileRejectReason}.
     */
    public static SmileRejectReason checkParameters(
        final double a, final double b, final double rho, final double m, final double sigma)
    {
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(rho) &&
            Double.isFinite(m) && Double.isFinite(sigma)))
        {
            return SmileRejectReason.NOT_FINITE;
        }
        if (b < 0.0)
        {
            return SmileRejectReason.NEGATIVE_B;
        }
        if (!(Math.abs(rho) < 1.0))
        {
            return SmileRejectReason.RHO_OUT_OF_RANGE;
        }
        if (!(sigma > 0.0))
        {
            return SmileRejectReason.NON_POSITIVE_SIGMA;
        }
        if (b * (1.0 + Math.abs(rho)) > 2.0)
        {
            return SmileRejectReason.SLOPE_TOO_STEEP;
        }
        // zero is refused too: a point of zero variance has no implied vol and Black-76 divides by it
        if (!(a + b * sigma * Math.sqrt(1.0 - rho * rho) > 0.0))
        {
            return SmileRejectReason.NEGATIVE_MIN_VARIANCE;
        }
        return SmileRejectReason.NONE;
    }

    /**
     * @return {@link SmileRejectReason#NEGATIVE_DENSITY} when g(k) &lt; 0 (or NaN) at a checked point of the smile's
     * range; assumes parameters already passed {@link #checkParameters}, so that w &gt; 0.
     */
    public SmileRejectReason checkDensity(final SviSmile smile)
    {
        final double atmVariance = smile.totalVariance(0.0);
        final double low = lowestK(atmVariance);
        final double step = (highestK(atmVariance) - low) / (gridPoints - 1);
        // NaN until two points are seen: every comparison with it is false, so nothing is refined before then
        double beforePrevious = Double.NaN;
        double previous = Double.NaN;
        for (int i = 0; i < gridPoints; i++)
        {
            final double k = low + i * step;
            final double g = smile.density(k);
            if (!(g >= 0.0) || (isSampledMinimum(beforePrevious, previous, g) &&
                !isDensityNonNegativeNear(smile, k - 2.0 * step, k)))
            {
                return SmileRejectReason.NEGATIVE_DENSITY;
            }
            beforePrevious = previous;
            previous = g;
        }
        return SmileRejectReason.NONE;
    }

    /**
     * {@link #checkCalendar(SviSmile, double, SviSmile, double)} with both scales 1.
     */
    public SmileRejectReason checkCalendar(final SviSmile earlier, final SviSmile later)
    {
        return checkCalendar(earlier, 1.0, later, 1.0);
    }

    /**
     * Calendar arbitrage between two expiries at the same log-moneyness: total variance must not decrease with
     * expiry. Checking consecutive pairs is enough, since "not below" is transitive. Each smile's total variance is
     * multiplied by its scale first (smiles fitted at different times, brought to a common time), and the range is
     * the wider of the two scaled smiles' ranges.
     *
     * @param earlierScale positive multiplier of the earlier smile's total variance.
     * @param laterScale   positive multiplier of the later smile's total variance.
     * @return {@link SmileRejectReason#CALENDAR_ARBITRAGE} when laterScale·w_later(k) &lt;
     * earlierScale·w_earlier(k) (or either is NaN) at a checked point.
     */
    public SmileRejectReason checkCalendar(
        final SviSmile earlier, final double earlierScale, final SviSmile later, final double laterScale)
    {
        final double atmVariance = Math.max(
            earlierScale * earlier.totalVariance(0.0), laterScale * later.totalVariance(0.0));
        final double low = lowestK(atmVariance);
        final double step = (highestK(atmVariance) - low) / (gridPoints - 1);
        double beforePrevious = Double.NaN;
        double previous = Double.NaN;
        for (int i = 0; i < gridPoints; i++)
        {
            final double k = low + i * step;
            final double gap = calendarGap(earlier, earlierScale, later, laterScale, k);
            if (!(gap >= 0.0) || (isSampledMinimum(beforePrevious, previous, gap) &&
                !isCalendarGapNonNegativeNear(earlier, earlierScale, later, laterScale, k - 2.0 * step, k)))
            {
                return SmileRejectReason.CALENDAR_ARBITRAGE;
            }
            beforePrevious = previous;
            previous = gap;
        }
        return SmileRejectReason.NONE;
    }

    /**
     * @param atmVariance total variance w(0) of the smile (or the larger of a calendar pair's).
     * @return the lowest log-moneyness checked, min(kMin, −N·√w(0)).
     */
    public double lowestK(final double atmVariance)
    {
        return Math.min(kMin, -stdDevs * Math.sqrt(atmVariance));
    }

    /**
     * @param atmVariance total variance w(0) of the smile (or the larger of a calendar pair's).
     * @return the highest log-moneyness checked, max(kMax, N·√w(0)).
     */
    public double highestK(final double atmVariance)
    {
        return Math.max(kMax, stdDevs * Math.sqrt(atmVariance));
    }

    /**
     * @return the floor of the lowest log-moneyness checked, whatever the smile.
     */
    public double kMin()
    {
        return kMin;
    }

    /**
     * @return the floor of the highest log-moneyness checked, whatever the smile.
     */
    public double kMax()
    {
        return kMax;
    }

    /**
     * @return N: the checked range covers ±N standard deviations √w(0) of ln(K/F).
     */
    public double stdDevs()
    {
        return stdDevs;
    }

    /**
     * @return equally spaced points over each range, before refinement of local minima.
     */
    public int gridPoints()
    {
        return gridPoints;
    }

    /**
     * @return whether the middle one of three consecutive samples is a local minimum to refine: at or below both
     * neighbours, and clearly below one of them.
     */
    private static boolean isSampledMinimum(final double before, final double middle, final double after)
    {
        return middle <= before && middle <= after && Math.max(before, after) - middle > FLAT_NOISE;
    }

    /**
     * Golden-section search for the minimum of g on [from, to], a bracket around a sampled local minimum.
     */
    private static boolean isDensityNonNegativeNear(final SviSmile smile, final double from, final double to)
    {
        double low = from;
        double high = to;
        double left = high - INV_GOLDEN * (high - low);
        double right = low + INV_GOLDEN * (high - low);
        double gLeft = smile.density(left);
        double gRight = smile.density(right);
        for (int i = 0; i < REFINE_ITERATIONS && gLeft >= 0.0 && gRight >= 0.0; i++)
        {
            if (gLeft < gRight)
            {
                high = right;
                right = left;
                gRight = gLeft;
                left = high - INV_GOLDEN * (high - low);
                gLeft = smile.density(left);
            }
            else
            {
                low = left;
                left = right;
                gLeft = gRight;
                right = low + INV_GOLDEN * (high - low);
                gRight = smile.density(right);
            }
        }
        return gLeft >= 0.0 && gRight >= 0.0;
    }

    /**
     * The same search as {@link #isDensityNonNegativeNear} on the calendar gap.
     */
    private static boolean isCalendarGapNonNegativeNear(
        final SviSmile earlier, final double earlierScale, final SviSmile later, final double laterScale,
        final double from, final double to)
    {
        double low = from;
        double high = to;
        double left = high - INV_GOLDEN * (high - low);
        double right = low + INV_GOLDEN * (high - low);
        double gapLeft = calendarGap(earlier, earlierScale, later, laterScale, left);
        double gapRight = calendarGap(earlier, earlierScale, later, laterScale, right);
        for (int i = 0; i < REFINE_ITERATIONS && gapLeft >= 0.0 && gapRight >= 0.0; i++)
        {
            if (gapLeft < gapRight)
            {
                high = right;
                right = left;
                gapRight = gapLeft;
                left = high - INV_GOLDEN * (high - low);
                gapLeft = calendarGap(earlier, earlierScale, later, laterScale, left);
            }
            else
            {
                low = left;
                left = right;
                gapLeft = gapRight;
                right = low + INV_GOLDEN * (high - low);
                gapRight = calendarGap(earlier, earlierScale, later, laterScale, right);
            }
        }
        return gapLeft >= 0.0 && gapRight >= 0.0;
    }

    /**
     * @return how far the later smile's scaled total variance is above the earlier one's at k, less the rounding
     * tolerance: negative is a calendar arbitrage.
     */
    private static double calendarGap(
        final SviSmile earlier, final double earlierScale, final SviSmile later, final double laterScale,
        final double k)
    {
        return laterScale * later.totalVariance(k) - earlierScale * earlier.totalVariance(k) + CALENDAR_TOLERANCE;
    }
}

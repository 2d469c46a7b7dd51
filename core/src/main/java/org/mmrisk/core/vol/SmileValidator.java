package org.mmrisk.core.vol;

/**
 * No-arbitrage checks for SVI smiles, on a fixed grid of log-moneyness k ∈ [kMin, kMax].
 * <p>
 * Parameter checks are exact; the butterfly (density) and calendar checks are made at the grid points only,
 * since the quoted strike range is where the desk trades and a closed form for the sign of g(k) does not exist.
 * The grid is built once at construction; checks are allocation-free. Immutable after construction, so it may be
 * shared, but in practice it is owned by the engine thread with the surfaces that use it.
 */
public final class SmileValidator
{
    public static final double DEFAULT_K_MIN = -1.5;
    public static final double DEFAULT_K_MAX = 1.5;
    public static final int DEFAULT_GRID_POINTS = 64;

    /**
     * Total variance differences smaller than this are rounding noise (quoted total variances are ≥ 1e-6),
     * so equal smiles on consecutive expiries are not a calendar arbitrage.
     */
    static final double CALENDAR_TOLERANCE = 1e-12;

    private final double[] gridK;

    public SmileValidator()
    {
        this(DEFAULT_K_MIN, DEFAULT_K_MAX, DEFAULT_GRID_POINTS);
    }

    /**
     * @param kMin       lowest log-moneyness ln(K/F) checked.
     * @param kMax       highest log-moneyness checked.
     * @param gridPoints number of equally spaced points, both ends included, at least 2.
     */
    public SmileValidator(final double kMin, final double kMax, final int gridPoints)
    {
        if (!(Double.isFinite(kMin) && Double.isFinite(kMax) && kMin < kMax))
        {
            throw new IllegalArgumentException("smile grid needs finite kMin < kMax: " + kMin + ", " + kMax);
        }
        if (gridPoints < 2)
        {
            throw new IllegalArgumentException("smile gridPoints must be at least 2: " + gridPoints);
        }
        gridK = new double[gridPoints];
        final double step = (kMax - kMin) / (gridPoints - 1);
        for (int i = 0; i < gridPoints; i++)
        {
            gridK[i] = kMin + i * step;
        }
        gridK[gridPoints - 1] = kMax;
    }

    /**
     * Every single-expiry check: parameters, then the butterfly function on the grid.
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
     * @return {@link SmileRejectReason#NEGATIVE_DENSITY} when g(k) &lt; 0 at a grid point; assumes parameters
     * already passed {@link #checkParameters}, so that w &gt; 0.
     */
    public SmileRejectReason checkDensity(final SviSmile smile)
    {
        final double[] gridK = this.gridK;
        for (int i = 0; i < gridK.length; i++)
        {
            if (!(smile.density(gridK[i]) >= 0.0))
            {
                return SmileRejectReason.NEGATIVE_DENSITY;
            }
        }
        return SmileRejectReason.NONE;
    }

    /**
     * Calendar arbitrage between two expiries at the same log-moneyness: total variance must not decrease with
     * expiry. Checking consecutive pairs is enough, since "not below" is transitive.
     *
     * @return {@link SmileRejectReason#CALENDAR_ARBITRAGE} when w_later(k) &lt; w_earlier(k) at a grid point.
     */
    public SmileRejectReason checkCalendar(final SviSmile earlier, final SviSmile later)
    {
        return checkCalendar(earlier, 1.0, later, 1.0);
    }

    /**
     * The calendar check with each smile's total variance multiplied by its scale, for smiles fitted at different
     * times and carried to a common time with their implied vols held.
     */
    public SmileRejectReason checkCalendar(
        final SviSmile earlier, final double earlierScale, final SviSmile later, final double laterScale)
    {
        final double[] gridK = this.gridK;
        for (int i = 0; i < gridK.length; i++)
        {
            final double k = gridK[i];
            if (laterScale * later.totalVariance(k) < earlierScale * earlier.totalVariance(k) - CALENDAR_TOLERANCE)
            {
                return SmileRejectReason.CALENDAR_ARBITRAGE;
            }
        }
        return SmileRejectReason.NONE;
    }

    public double kMin()
    {
        return gridK[0];
    }

    public double kMax()
    {
        return gridK[gridK.length - 1];
    }

    public int gridPoints()
    {
        return gridK.length;
    }
}

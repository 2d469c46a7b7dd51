package org.mmrisk.core.vol;

/**
 * Why a smile or a whole surface was refused. Returned, never thrown: a rejected update leaves the surface as it
 * was and the caller counts and reports the code. {@link #NONE} means accepted.
 */
public enum SmileRejectReason
{
    /** Accepted. */
    NONE,
    /** A parameter is NaN or infinite. */
    NOT_FINITE,
    /** b &lt; 0: the wings would slope the wrong way. */
    NEGATIVE_B,
    /** |ρ| ≥ 1. */
    RHO_OUT_OF_RANGE,
    /** σ ≤ 0 (σ = 0 puts a kink at m, with an infinite density there). */
    NON_POSITIVE_SIGMA,
    /** b·(1 + |ρ|) &gt; 2: a wing steeper than Roger Lee's moment bound allows. */
    SLOPE_TOO_STEEP,
    /** a + b·σ·√(1 − ρ²) ≤ 0: total variance reaches zero or below somewhere, so no implied vol exists there. */
    NEGATIVE_MIN_VARIANCE,
    /** The butterfly function g(k) is negative at a point of the validation grid: a butterfly with negative price. */
    NEGATIVE_DENSITY,
    /** A later expiry's total variance is below an earlier one's at a point of the grid: a negative calendar spread. */
    CALENDAR_ARBITRAGE,
    /** A whole-surface update lists the same expiry twice. */
    DUPLICATE_EXPIRY,
    /** More expiries than the surface's fixed capacity. */
    TOO_MANY_EXPIRIES,
    /** The expiry is not after engine time now. */
    EXPIRED,
    /** A whole-surface update with no smile in it: refused rather than read as "clear the surface". */
    EMPTY_SURFACE;

    /** All constants in ordinal order, shared (values() copies). */
    public static final SmileRejectReason[] VALUES = values();
}

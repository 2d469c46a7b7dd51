package org.mmrisk.core.forward;

/**
 * Why a futures mid was not taken into the forward curve. Returned, never thrown; the curve is unchanged.
 * {@link #NONE} means accepted.
 */
public enum ForwardRejectReason
{
    /** Accepted. */
    NONE,
    /** The mid is NaN or infinite. */
    NOT_FINITE,
    /** The mid is zero or negative. */
    NON_POSITIVE_PRICE,
    /** The future's expiry is not after engine time now. */
    EXPIRED,
    /** More live futures expiries than the curve's fixed capacity. */
    TOO_MANY_EXPIRIES
}

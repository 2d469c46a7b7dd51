package org.mmrisk.core.pricing;

/**
 * The outcome of {@link ImpliedVol#solve}.
 */
public enum ImpliedVolStatus
{
    /** A volatility reproduces the price; it is in {@link ImpliedVolResult#vol}. */
    OK,
    /**
     * The time value is within {@link ImpliedVol#MIN_TIME_VALUE_RATIO}·F of a no-arbitrage bound, where the
     * volatility is not resolved by the price: vol is 0 at the lower bound (intrinsic) and +∞ at the upper bound
     * (the discounted forward for a call, the discounted strike for a put).
     */
    AT_BOUND,
    /** The price is beyond a no-arbitrage bound by more than the tolerance: no volatility gives it; vol is NaN. */
    NO_SOLUTION,
    /**
     * The option is under {@link Black76}'s near-expiry cut-off, where the price function values it at its discounted
     * intrinsic value, so no volatility is implied; vol is NaN. Either T is below {@link Black76#MIN_YEARS}, where
     * every volatility gives intrinsic, or the time value is above the lower bound's tolerance but below the least
     * the price function gives with σ√T at {@link Black76#MIN_STD_DEV}, where any smaller volatility gives intrinsic
     * and any larger one more than the price.
     */
    INTRINSIC_ONLY,
    /** A non-finite price, or a forward, strike or time that is not finite and positive, or a non-finite rate. */
    INVALID_INPUT
}

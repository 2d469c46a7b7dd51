package org.mmrisk.core.forward;

/**
 * Where {@link ForwardCurve#forward} took a forward from; for reports and for deciding how far to trust it.
 */
public enum ForwardSource
{
    /** A future expires exactly then: its mid. */
    FUTURE,
    /** Between two futures expiries: annualised log-basis interpolated linearly in T. */
    INTERPOLATED,
    /** No future on both sides: perpetual (else index) × exp(fallback basis × T). */
    FALLBACK,
    /** The expiry is not after now: the index itself. */
    EXPIRED,
    /** No usable reference price (index not positive): no forward. */
    NONE
}

package org.mmrisk.core.config;

/**
 * The price expiring options and futures settle at.
 */
public enum SettlementSource
{
    /** The underlying's index at the first batch at or after expiry (the venues' delivery price is an index). */
    INDEX,
    /** The instrument's own last mark (else mid), falling back to the index when it has none. */
    MARK
}

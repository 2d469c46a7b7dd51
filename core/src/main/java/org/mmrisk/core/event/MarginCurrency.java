package org.mmrisk.core.event;

/**
 * The currency an underlying's margin, equity and scenario P&L are counted in: its coin (coin-margined, as the
 * coin-settled venues margin their option books) or USD.
 */
public enum MarginCurrency
{
    COIN,
    USD
}

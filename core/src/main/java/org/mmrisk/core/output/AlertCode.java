package org.mmrisk.core.output;

/**
 * Why an alert was raised. The number is the wire code; never reuse one.
 */
public enum AlertCode
{
    /** A fill arrived for an instrument that is not defined: parked in an unassigned position. */
    FILL_UNDEFINED_INSTRUMENT(1),
    /** No longer raised (see {@link #UNKNOWN_RISK}); the code stays reserved. */
    FILL_UNPRICEABLE_INSTRUMENT(2),
    /** An instrument was defined again with different terms; the first definition is kept. */
    INSTRUMENT_REDEFINED(3),
    /** A position message replaced a different quantity: reconciliation difference in {@code value}. */
    POSITION_RECONCILED(4),
    /** A vol update was rejected; the previous smile is kept. */
    SMILE_REJECTED(5),
    /** A control command was applied (audit trail). */
    CONTROL_APPLIED(6),
    /** A control command was rejected. */
    CONTROL_REJECTED(7),
    /**
     * A fill older than the fill-id horizon was held, not applied: reconcile it with a position message.
     * {@code value} is its signed quantity.
     */
    FILL_BEYOND_HORIZON(8),
    /** An option or future expired and its position was settled and closed; {@code value} is the quantity. */
    POSITION_SETTLED(9),
    /** A fill arrived while its underlying was halted: it is a real trade and was applied. */
    FILL_WHILE_HALTED(10),
    /**
     * A venue's fill carries an exchange time before that venue's previous fill: applied (a real trade), alerted
     * (a gateway replaying or a venue clock step). {@code value} is how far back, in seconds.
     */
    EXCHANGE_TIME_BACKWARDS(11),
    /**
     * An input was rejected by a sanity bound ({@code engine.inputBounds}) and changed nothing: {@code value} is the
     * offending value, {@code threshold} the bound, {@code rejectReason} names the field's check.
     */
    INPUT_OUT_OF_BOUNDS(12),
    /**
     * A fill was rejected for any other reason ({@code rejectReason}; a duplicate included) and changed nothing;
     * {@code value} is its signed quantity.
     */
    FILL_REJECTED(13),
    /**
     * A fill's or tick's exchange time is ahead of engine time by more than the bound and was rejected:
     * {@code value} is the lead in seconds, {@code threshold} the bound.
     */
    EXCHANGE_TIME_AHEAD(14),
    /** A limit moved the underlying along the ladder: value = measure, threshold = the limit, state = new state. */
    LIMIT_DELTA(20),
    LIMIT_DOLLAR_GAMMA(21),
    LIMIT_VEGA(22),
    LIMIT_NOTIONAL(23),
    /** {@code instrumentId} is the instrument with the largest position. */
    LIMIT_POSITION(24),
    LIMIT_LOSS(25),
    /** No index tick within the staleness budget (value: age in seconds), or fresh again. */
    STALE_DATA(26),
    /** A position the engine cannot price (HALT until it can, or an operator resumes), or priced again. */
    UNKNOWN_RISK(27),
    /** Limit of one expiry's vega: value = the largest |vega| of an expiry. */
    LIMIT_EXPIRY_VEGA(29),
    /**
     * The maintenance-margin utilization limit (maintenance margin / equity) moved the underlying along the ladder:
     * value = the utilization (absent when equity is at or below zero), threshold = the limit.
     */
    LIMIT_MARGIN(34),
    /**
     * The liquidation-proximity limit moved the underlying: value = the nearest liquidation distance |move| (absent
     * when none is in range), threshold = the configured minimum distance.
     */
    LIMIT_LIQUIDATION(35),
    /**
     * The underlying's VaR limit (its own delta-gamma VaR, USD) moved it along the ladder: value = the VaR (absent
     * when unknown), threshold = the limit.
     */
    LIMIT_VAR(36),
    /** The liquidity-adjusted VaR limit (delta-gamma VaR + unwinding cost, USD): as {@link #LIMIT_VAR}. */
    LIMIT_LIQUIDITY_VAR(37),
    /** Portfolio limits (every underlying together, USD): underlying is none; the rung applies to every underlying. */
    LIMIT_TOTAL_DELTA_USD(30),
    LIMIT_TOTAL_VEGA(31),
    LIMIT_TOTAL_NOTIONAL(32),
    LIMIT_TOTAL_LOSS(33),
    /** The portfolio's delta-gamma VaR, USD. */
    LIMIT_TOTAL_VAR(38),
    /** The portfolio's delta-gamma VaR plus every underlying's unwinding cost, USD. */
    LIMIT_TOTAL_LIQUIDITY_VAR(39),
    /**
     * An output had a non-finite number in a field the schema requires: a quote adjustment went out as HALT instead,
     * a hedge signal or a risk snapshot was withheld, an alert's infinite value or threshold went out as absent.
     * {@code value} says which message (1 quote adjustment, 2 hedge signal, 3 risk snapshot, 4 alert, 5 scenario
     * grid, 6 margin status);
     * {@code instrumentId} is the quote's or the hedge's instrument (0 otherwise).
     */
    NON_FINITE_OUTPUT(40),
    /**
     * A quoted instrument's risk is unknown: it went to HALT (sizes 0) while the rest of its underlying may quote
     * on; it quotes again once known. {@code value} says why: 1 it cannot be priced (no usable index, forward or
     * volatility, or figures that are not finite), 2 its skew is not a finite number (an exposure or an index too
     * large for the arithmetic).
     */
    QUOTE_UNKNOWN_RISK(41);

    public static final AlertCode[] VALUES = values();
    private final int code;

    AlertCode(final int code)
    {
        this.code = code;
    }

    public int code()
    {
        return code;
    }

    /**
     * @return the alert with this wire code, or null.
     */
    public static AlertCode fromCode(final int code)
    {
        for (final AlertCode value : VALUES)
        {
            if (value.code == code)
            {
                return value;
            }
        }
        return null;
    }
}

package org.mmrisk.core.engine;

/**
 * What the engine counts. Values live in {@link EngineCounters}; the daemon mirrors them into its memory-mapped
 * counters file and replay prints them under {@code counters}, keyed by {@link #key()}.
 */
public enum EngineCounter
{
    EVENTS("events"),
    BATCHES("batches"),
    INSTRUMENTS_DEFINED("instrumentsDefined"),
    TICKS("ticks"),
    FILLS("fills"),
    FILLS_UNDEFINED_INSTRUMENT("fillsUndefinedInstrument"),
    FILLS_UNPRICEABLE("fillsUnpriceable"),
    FILLS_DUPLICATE("fillsDuplicate"),
    FILLS_HELD("fillsHeld"),
    FILLS_EXCHANGE_TIME_BACKWARDS("fillsExchangeTimeBackwards"),
    FILL_IDS_FORGOTTEN("fillIdsForgotten"),
    FILL_IDS_EVICTED_EARLY("fillIdsEvictedEarly"),
    POSITIONS("positions"),
    SETTLEMENTS("settlements"),
    FUNDING_EVENTS("fundingEvents"),
    VOL_UPDATES("volUpdates"),
    CONTROLS("controls"),
    TIMERS("timers"),
    REJECTED("rejected"),
    TIME_CLAMPED("timeClamped"),
    REVALUATIONS("revaluations"),
    FULL_REVALUATIONS("fullRevaluations"),
    JUMP_REVALUATIONS("jumpRevaluations"),
    BUDGET_REVALUATIONS("budgetRevaluations"),
    REANCHORS("reanchors"),
    MAX_APPROX_ERROR_PPB("maxApproxErrorPpb"),
    QUOTES_EMITTED("quotesEmitted"),
    QUOTES_RATE_CAPPED("quotesRateCapped"),
    SKEW_PASSES_SKIPPED("skewPassesSkipped"),
    HEDGES_EMITTED("hedgesEmitted"),
    SNAPSHOTS_EMITTED("snapshotsEmitted"),
    ALERTS_EMITTED("alertsEmitted"),
    ALERTS_DROPPED("alertsDropped"),
    SKEW_CANDIDATES("skewCandidates"),
    /** Quote adjustments sent as HALT because the instrument's risk is unknown (alert QUOTE_UNKNOWN_RISK). */
    QUOTES_UNKNOWN_RISK("quotesUnknownRisk"),
    /** Outputs with a non-finite required field, halted or withheld (alert NON_FINITE_OUTPUT). */
    OUTPUTS_NON_FINITE("outputsNonFinite"),
    /** Margin and liquidation-distance refreshes (one per finished curve cycle per underlying). */
    SCENARIO_REFRESHES("scenarioRefreshes");

    /** All constants, shared so that iterating them does not allocate. */
    public static final EngineCounter[] VALUES = values();

    private final String key;

    EngineCounter(final String key)
    {
        this.key = key;
    }

    /**
     * @return the camelCase name used in replay state and the counters file.
     */
    public String key()
    {
        return key;
    }
}

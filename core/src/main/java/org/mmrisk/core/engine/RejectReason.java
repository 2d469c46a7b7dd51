package org.mmrisk.core.engine;

/**
 * Why an input was rejected. A closed list: docs/counters-and-rejects.md documents each code, replay reports them
 * under {@code rejects[].reason} and the daemon counts each under its own counter.
 * <p>
 * The parse codes ({@link #MALFORMED_JSON}, {@link #UNKNOWN_LINE_TYPE}, {@link #BAD_FIELD}) are decided by whoever
 * turns text or bytes into events; every other code by the engine (so the daemon and replay agree). The ordinal is
 * the wire number (the schema's {@code RejectReason}): codes are added at the end, never reordered.
 */
public enum RejectReason
{
    /** A number is NaN or infinite. */
    NOT_FINITE,
    /** A required field is absent. */
    MISSING_FIELD,
    /** A field holds a value outside its domain (negative strike, zero contract size, bad code...). */
    INVALID_VALUE,
    /** Quantity of a fill is zero or negative. */
    NON_POSITIVE_QUANTITY,
    /** A price that must be positive is not. */
    NON_POSITIVE_PRICE,
    /** A tick's bid is above its ask. */
    CROSSED_MARKET,
    /** A tick or position names an instrument that is not defined. */
    UNKNOWN_INSTRUMENT,
    /** An instrument is defined again with different terms. */
    INSTRUMENT_REDEFINED,
    /** An option or future whose expiry is not after the event's time. */
    EXPIRED_INSTRUMENT,
    /** A vol smile or surface that is not valid (see the vol surface's reason). */
    INVALID_SMILE,
    /** A control command with missing or bad arguments. */
    INVALID_CONTROL,
    /** A tick whose exchange time is before the instrument's last tick's: older than what the engine holds. */
    STALE_TICK,
    /** A fill whose (venue, fill id) was already applied: a gateway's re-send. Nothing changes. */
    DUPLICATE_FILL,
    /**
     * A fill whose exchange time is older than the fill-id horizon: whether it was applied before can no longer be
     * known, so it is held (not applied), listed and alerted for an operator to reconcile with a position message.
     */
    FILL_BEYOND_HORIZON,
    /**
     * A control command names an underlying the engine does not know: no instrument of it was defined and the
     * configuration names it nowhere (limits, balances, smile dynamics, hedging). Nothing changes.
     */
    UNKNOWN_UNDERLYING,
    /** The event type is not known to the engine. */
    UNKNOWN_TYPE,
    /** Replay only: the line is not a JSON object. */
    MALFORMED_JSON,
    /** Replay only: {@code type} is missing or not one of the documented types. */
    UNKNOWN_LINE_TYPE,
    /** Replay only: a field has the wrong JSON type or an unparseable value (time, enum, number). */
    BAD_FIELD,
    /** A price beyond {@code engine.inputBounds.maxPrice}. */
    PRICE_OUT_OF_BOUNDS,
    /** A fill's price further than {@code engine.inputBounds.maxFillPriceRatio} times from its instrument's mark. */
    PRICE_AWAY_FROM_MARK,
    /**
     * A tick moves a non-option's mark (else mid) from its recent last tick's by more than
     * {@code engine.inputBounds.maxMovePercent}.
     */
    MOVE_OUT_OF_BOUNDS,
    /** A fill's quantity beyond {@code engine.inputBounds.maxFillContracts}. */
    QUANTITY_OUT_OF_BOUNDS,
    /** A fill's resulting position, or a position message, beyond {@code engine.inputBounds.maxPositionContracts}. */
    POSITION_OUT_OF_BOUNDS,
    /** A tick's mark IV or a smile's at-the-money vol beyond {@code engine.inputBounds.maxVol}. */
    VOL_OUT_OF_BOUNDS,
    /**
     * A fill's or tick's exchange time further ahead of engine time than
     * {@code engine.inputBounds.maxExchangeTimeAheadMs}: accepted, it would anchor the venue's time order and the
     * fill-id horizon on a time that has not come.
     */
    EXCHANGE_TIME_AHEAD,
    /** A SET_LIMIT or SET_EQUITY value beyond {@code engine.inputBounds.maxControlValue}. */
    CONTROL_VALUE_OUT_OF_BOUNDS;

    /** All constants, shared so that iterating them does not allocate. */
    public static final RejectReason[] VALUES = values();

    public static RejectReason fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}

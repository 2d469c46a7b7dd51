package org.mmrisk.core.event;

/**
 * The kinds of {@link RiskEvent} the engine consumes: one per replay line type.
 */
public enum EventType
{
    INSTRUMENT,
    TICK,
    FILL,
    POSITION,
    VOL,
    SURFACE,
    CONTROL,
    TIMER
}

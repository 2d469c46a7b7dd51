package org.mmrisk.core.event;

/**
 * The vol shock of a scenario point: each option keeps its own implied vol σ (sticky strike within the scenario)
 * moved up, left, or moved down by a fraction that grows as expiry nears ({@code ScenarioVols}).
 */
public enum VolShock
{
    UP,
    SAME,
    DOWN;

    /** All constants, shared so that iterating them does not allocate. */
    public static final VolShock[] VALUES = values();
}

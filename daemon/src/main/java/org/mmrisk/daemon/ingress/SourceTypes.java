package org.mmrisk.daemon.ingress;

import org.mmrisk.core.event.EventType;

import java.util.List;
import java.util.Map;

/**
 * Which message types each source may carry, as one bit per {@link EventType} ordinal: {@code Control} only from the
 * control queue (the last source), every other input type from the inputs, optionally fewer per input
 * ({@code ingress.inputTypes}). Built once at start-up; immutable.
 */
public final class SourceTypes
{
    /** The types a gateway's input may carry: every input type but operator commands (and timers, which ingress makes). */
    public static final int INPUT_TYPES = everyTypeBut(EventType.CONTROL, EventType.TIMER);
    /** The types the control queue may carry. */
    public static final int CONTROL_TYPES = bit(EventType.CONTROL);
    /** No restriction: what an agent built without source types accepts (tests, benchmarks). */
    public static final int ANY_TYPE = everyTypeBut(EventType.TIMER, EventType.TIMER);

    private SourceTypes()
    {
    }

    /**
     * @param inputs     the configured inputs, in source-id order; the control queue follows them.
     * @param inputTypes per input name, the only types it may carry (names as in the replay format); an input not
     *                   named carries every input type.
     * @return per source id, the accepted types' bits.
     */
    public static int[] of(final List<String> inputs, final Map<String, List<EventType>> inputTypes)
    {
        final int[] accepted = new int[inputs.size() + 1];
        for (int i = 0; i < inputs.size(); i++)
        {
            final List<EventType> only = inputTypes.get(inputs.get(i));
            accepted[i] = only == null ? INPUT_TYPES : bits(only);
        }
        accepted[inputs.size()] = CONTROL_TYPES;
        return accepted;
    }

    /**
     * @return the input type of a replay-format name (fill, tick, ...): every type but control and timer.
     * @throws IllegalArgumentException naming the types that may be given.
     */
    public static EventType inputType(final String name)
    {
        for (final EventType type : EventType.values())
        {
            if ((INPUT_TYPES & bit(type)) != 0 && type.name().toLowerCase(java.util.Locale.ROOT).equals(name))
            {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown input type '" + name +
            "' (one of instrument, tick, fill, position, vol, surface; control comes only from the control queue)");
    }

    public static boolean accepts(final int acceptedTypes, final EventType type)
    {
        return (acceptedTypes & bit(type)) != 0;
    }

    private static int bits(final List<EventType> types)
    {
        int bits = 0;
        for (final EventType type : types)
        {
            bits |= bit(type);
        }
        return bits;
    }

    private static int everyTypeBut(final EventType first, final EventType second)
    {
        return ((1 << EventType.values().length) - 1) & ~bit(first) & ~bit(second);
    }

    private static int bit(final EventType type)
    {
        return 1 << type.ordinal();
    }
}

package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.daemon.json.EventJsonReader;
import org.mmrisk.daemon.json.JsonTime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which lines {@code risk tail} prints: by type, instrument, underlying and time, on input, journal and output lines
 * alike. A filter on a field keeps only the lines that carry it with that value; a line's underlying is its own
 * field, else that of its instrument's definition seen earlier in the same queue (a tick, a fill, a position). A
 * line's time is its {@code time} (a heartbeat's: its {@code engineTime}); {@code since} is inclusive, {@code until}
 * exclusive. Owned by the tailing thread.
 */
final class TailFilter
{
    /** Output line types (and the tail's own {@code undecodable}), beside the input types of {@link EventType}. */
    private static final List<String> OTHER_TYPES = List.of("quoteAdjustment", "riskSnapshot", "hedge", "alert",
        "scenarioGrid", "marginStatus", "heartbeat", "undecodable");

    private final Set<String> types;
    private final Long instrumentId;
    private final String underlying;
    private final long sinceNs;
    private final long untilNs;
    private final Map<Long, String> underlyingOfInstrument = new HashMap<>();

    /**
     * @param types        type names to keep (empty: every type), checked against {@link #typeNames()}.
     * @param instrumentId the instrument to keep, or null.
     * @param underlying   the underlying to keep, or null.
     * @param sinceNs      the first time kept (epoch ns), {@link Long#MIN_VALUE} for no bound.
     * @param untilNs      the first time no longer kept, {@link Long#MAX_VALUE} for no bound.
     * @throws IllegalArgumentException naming unknown types and the valid ones.
     */
    TailFilter(final List<String> types, final Long instrumentId, final String underlying, final long sinceNs,
        final long untilNs)
    {
        this.types = checkedTypes(types);
        this.instrumentId = instrumentId;
        this.underlying = underlying;
        this.sinceNs = sinceNs;
        this.untilNs = untilNs;
    }

    /**
     * @return every type name a line can have, inputs first.
     */
    static List<String> typeNames()
    {
        final List<String> names = new ArrayList<>();
        for (final EventType type : EventType.values())
        {
            names.add(EventJsonReader.lineTypeName(type));
        }
        names.addAll(OTHER_TYPES);
        return Collections.unmodifiableList(names);
    }

    private static Set<String> checkedTypes(final List<String> requested)
    {
        final Set<String> kept = new LinkedHashSet<>();
        final List<String> unknown = new ArrayList<>();
        final List<String> valid = typeNames();
        for (final String name : requested)
        {
            final String trimmed = name.strip();
            if (valid.contains(trimmed))
            {
                kept.add(trimmed);
            }
            else
            {
                unknown.add(trimmed);
            }
        }
        if (!unknown.isEmpty())
        {
            throw new IllegalArgumentException("--type: unknown " + String.join(", ", unknown) + "; valid: " +
                String.join(", ", valid));
        }
        return kept;
    }

    /**
     * Learns from every line (printed or not) what it defines, then says whether to print it.
     */
    boolean accept(final JsonNode line)
    {
        learn(line);
        if (!types.isEmpty() && !types.contains(line.path("type").asText()))
        {
            return false;
        }
        if (instrumentId != null && (!line.has("instrumentId") || line.get("instrumentId").asLong() != instrumentId))
        {
            return false;
        }
        if (underlying != null && !underlying.equals(underlyingOf(line)))
        {
            return false;
        }
        return inTimeRange(line);
    }

    private void learn(final JsonNode line)
    {
        if ("instrument".equals(line.path("type").asText()) && line.has("underlying"))
        {
            underlyingOfInstrument.put(line.get("instrumentId").asLong(), line.get("underlying").asText());
        }
    }

    private String underlyingOf(final JsonNode line)
    {
        if (line.has("underlying"))
        {
            return line.get("underlying").asText();
        }
        return line.has("instrumentId") ? underlyingOfInstrument.get(line.get("instrumentId").asLong()) : null;
    }

    private boolean inTimeRange(final JsonNode line)
    {
        if (sinceNs == Long.MIN_VALUE && untilNs == Long.MAX_VALUE)
        {
            return true;
        }
        final JsonNode time = line.has("time") ? line.get("time") : line.get("engineTime");
        if (time == null)
        {
            return false;
        }
        final long timeNs = JsonTime.parseNs(time.asText());
        return timeNs >= sinceNs && timeNs < untilNs;
    }
}

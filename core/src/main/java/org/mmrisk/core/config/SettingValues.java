package org.mmrisk.core.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the values a config file holds (as a YAML or JSON reader gives them: Number, Boolean, String, List, Map)
 * into a {@link Setting}'s typed form, values into words for messages, and a flat section of entries onto a table
 * of settings. Stateless.
 */
final class SettingValues
{
    private static final double LARGEST_EXACT_LONG = 0x1p53;

    private SettingValues()
    {
    }

    /**
     * @return the typed value, or null when the raw value does not have the type's shape.
     */
    static Object typed(final Setting.Type type, final Object raw)
    {
        return switch (type)
        {
            case NUMBER -> number(raw);
            case INTEGER ->
            {
                final Double n = number(raw);
                yield n != null && isWhole(n) ? (Object)n.longValue() : null;
            }
            case FLAG -> raw instanceof Boolean ? raw : "true".equals(raw) ? Boolean.TRUE :
                "false".equals(raw) ? Boolean.FALSE : null;
            case CHOICE, TEXT -> raw instanceof String || raw instanceof Number || raw instanceof Boolean ?
                raw.toString() : null;
            case NUMBER_LIST -> numbers(raw);
            case TEXT_LIST -> texts(raw);
            case MAP -> null;
        };
    }

    /**
     * A YAML number, or a quoted one ({@code "0.6"}), as files written for the earlier loader may hold.
     */
    private static Double number(final Object raw)
    {
        if (raw instanceof Number n)
        {
            return n.doubleValue();
        }
        if (raw instanceof String text)
        {
            try
            {
                return Double.valueOf(text.trim());
            }
            catch (final NumberFormatException ex)
            {
                return null;
            }
        }
        return null;
    }

    static String rangeText(final Setting.Type type, final double min, final boolean minOpen, final double max,
        final boolean maxOpen)
    {
        final String kind = type == Setting.Type.INTEGER ? "a whole number" : "a finite number";
        final boolean noMin = min == Double.NEGATIVE_INFINITY;
        final boolean noMax = max == Double.POSITIVE_INFINITY;
        if (noMin && noMax)
        {
            return kind;
        }
        if (min == 0 && noMax)
        {
            return minOpen ? "positive" : "zero or positive";
        }
        final String lower = (minOpen ? "above " : "at least ") + show(min);
        final String upper = (maxOpen ? "below " : "at most ") + show(max);
        if (noMin || noMax)
        {
            return noMin ? upper : lower;
        }
        return !minOpen && !maxOpen ? "from " + show(min) + " to " + show(max) : lower + ", " + upper;
    }

    static boolean finiteAndOrdered(final double[] values, final boolean ascending)
    {
        for (int i = 0; i < values.length; i++)
        {
            if (!Double.isFinite(values[i]) || (ascending && i > 0 && values[i] <= values[i - 1]))
            {
                return false;
            }
        }
        return true;
    }

    static String show(final Object value)
    {
        if (value instanceof Double d && isWhole(d))
        {
            return Long.toString(d.longValue());
        }
        if (value instanceof double[] list)
        {
            return Arrays.toString(list);
        }
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    private static boolean isWhole(final double value)
    {
        return value == Math.rint(value) && Math.abs(value) < LARGEST_EXACT_LONG;
    }

    private static double[] numbers(final Object raw)
    {
        if (!(raw instanceof List<?> list))
        {
            return null;
        }
        final double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++)
        {
            if (!(list.get(i) instanceof Number n))
            {
                return null;
            }
            values[i] = n.doubleValue();
        }
        return values;
    }

    private static List<String> texts(final Object raw)
    {
        if (!(raw instanceof List<?> list))
        {
            return null;
        }
        final List<String> values = new ArrayList<>();
        for (final Object item : list)
        {
            if (!(item instanceof String text))
            {
                return null;
            }
            values.add(text);
        }
        return List.copyOf(values);
    }

    /**
     * Parses the entries of a flat section against a table, fills the rest with defaults and applies all to the
     * target.
     *
     * @param prefix put before each key in errors, e.g. "engine.hedging.BTC.".
     * @return the effective value of every setting, in table order, keyed without the prefix.
     * @throws IllegalArgumentException naming an unknown key, a missing required one, or a bad value.
     */
    static <C> Map<String, Object> applySection(final List<Setting<C>> table, final String prefix,
        final Map<?, ?> entries, final C target)
    {
        final List<String> known = new ArrayList<>();
        table.forEach(s -> known.add(s.key()));
        for (final Object key : entries.keySet())
        {
            if (!known.contains(String.valueOf(key)))
            {
                throw new IllegalArgumentException(prefix + key + ": unknown key; known: " + String.join(", ", known));
            }
        }
        final Map<String, Object> values = new LinkedHashMap<>();
        for (final Setting<C> setting : table)
        {
            final String name = prefix + setting.key();
            if (setting.isRequired() && !entries.containsKey(setting.key()))
            {
                throw new IllegalArgumentException(name + ": missing; " + setting.requirement());
            }
            final Object value = entries.containsKey(setting.key()) ?
                setting.parse(entries.get(setting.key()), name) : setting.defaultValue();
            setting.apply(target, value, name);
            values.put(setting.key(), value);
        }
        return values;
    }
}

package org.mmrisk.core.config;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.ToDoubleFunction;

/**
 * One setting of a configuration file: its key, type, default, range and meaning, and how its value reaches the
 * object it configures ({@code C}). Values are in the file's units (the key names the unit); the setter converts to
 * the object's. A table of these ({@link EngineSettings}, the daemon's settings) is the only place where a default or
 * a range is written. Built in static initialisers, immutable afterwards; not for the hot path.
 *
 * @param <C> the configured object.
 */
public final class Setting<C>
{
    /**
     * The shape of a value in the file, and of {@link #defaultValue()}: Double, Long, Boolean, String (choice and
     * text), double[], List of String, or a Map (a per-key section, parsed by its table).
     */
    public enum Type
    {
        NUMBER, INTEGER, FLAG, CHOICE, TEXT, NUMBER_LIST, TEXT_LIST, MAP
    }

    private final String key;
    private final Type type;
    private final Object defaultValue;
    private final BiConsumer<C, Object> setter;
    private final Function<C, Object> getter;
    private BiFunction<String, Object, Object> mapParser;
    private double min = Double.NEGATIVE_INFINITY;
    private double max = Double.POSITIVE_INFINITY;
    private boolean minOpen;
    private boolean maxOpen;
    private boolean powerOfTwo;
    private boolean ascending;
    private boolean required;
    private boolean fingerprinted = true;
    private List<String> choices = List.of();
    private String reason;
    private String alias;
    private String doc = "";

    @SuppressWarnings("unchecked")
    private <V> Setting(final String key, final Type type, final Object defaultValue, final BiConsumer<C, V> setter,
        final Function<C, ?> getter)
    {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.setter = (c, v) -> setter.accept(c, (V)v);
        this.getter = getter == null ? c -> null : (Function<C, Object>)getter;
    }

    public static <C> Setting<C> number(final String key, final double defaultValue, final ObjDoubleConsumer<C> set,
        final ToDoubleFunction<C> get)
    {
        return new Setting<C>(key, Type.NUMBER, defaultValue, (C c, Double v) -> set.accept(c, v), get::applyAsDouble);
    }

    /**
     * A whole number in the file; the getter may return a fraction (a value set in finer units by code).
     */
    public static <C> Setting<C> integer(final String key, final long defaultValue, final ObjLongConsumer<C> set,
        final ToDoubleFunction<C> get)
    {
        return new Setting<C>(key, Type.INTEGER, defaultValue, (C c, Long v) -> set.accept(c, v), get::applyAsDouble);
    }

    public static <C> Setting<C> flag(final String key, final boolean defaultValue, final BiConsumer<C, Boolean> set,
        final Function<C, Boolean> get)
    {
        return new Setting<>(key, Type.FLAG, defaultValue, set, get);
    }

    public static <C> Setting<C> choice(final String key, final String defaultValue, final List<String> choices,
        final BiConsumer<C, String> set, final Function<C, String> get)
    {
        final Setting<C> setting = new Setting<>(key, Type.CHOICE, defaultValue, set, get);
        setting.choices = List.copyOf(choices);
        return setting;
    }

    /**
     * Free text; a setter that cannot use the text throws, and {@link #reason} says what it must be.
     */
    public static <C> Setting<C> text(final String key, final String defaultValue, final BiConsumer<C, String> set,
        final Function<C, String> get)
    {
        return new Setting<>(key, Type.TEXT, defaultValue, set, get);
    }

    public static <C> Setting<C> numbers(final String key, final double[] defaultValue,
        final BiConsumer<C, double[]> set, final Function<C, double[]> get)
    {
        return new Setting<>(key, Type.NUMBER_LIST, defaultValue.clone(), set, get);
    }

    public static <C> Setting<C> texts(final String key, final List<String> defaultValue,
        final BiConsumer<C, List<String>> set, final Function<C, List<String>> get)
    {
        return new Setting<>(key, Type.TEXT_LIST, List.copyOf(defaultValue), set, get);
    }

    /**
     * A section of entries (per underlying, per coin), empty by default. The parser gets the key to name in errors
     * and the raw map, checks every entry, and returns the map with typed values in the file's order; it throws an
     * IllegalArgumentException whose message starts with the offending entry's key.
     */
    public static <C> Setting<C> map(final String key, final BiFunction<String, Object, Object> parser,
        final BiConsumer<C, Map<String, Object>> set)
    {
        final Setting<C> setting = new Setting<>(key, Type.MAP, Map.of(), set, null);
        setting.mapParser = parser;
        return setting;
    }

    public Setting<C> range(final double min, final double max)
    {
        this.min = min;
        this.max = max;
        return this;
    }

    public Setting<C> above(final double min)
    {
        this.min = min;
        this.minOpen = true;
        return this;
    }

    public Setting<C> atLeast(final double min)
    {
        this.min = min;
        return this;
    }

    public Setting<C> atMost(final double max)
    {
        this.max = max;
        return this;
    }

    public Setting<C> below(final double max)
    {
        this.max = max;
        this.maxOpen = true;
        return this;
    }

    public Setting<C> powerOfTwo()
    {
        powerOfTwo = true;
        return this;
    }

    /**
     * A list of strictly ascending numbers.
     */
    public Setting<C> ascending()
    {
        ascending = true;
        return this;
    }

    /**
     * No default: an entry of a section must give it.
     */
    public Setting<C> required()
    {
        required = true;
        return this;
    }

    /**
     * Left out of the configuration fingerprint: a knob that changes neither the state nor the outputs.
     */
    public Setting<C> notFingerprinted()
    {
        fingerprinted = false;
        return this;
    }

    /**
     * What a valid value is, in words, in place of the one the range implies.
     */
    public Setting<C> reason(final String text)
    {
        reason = text;
        return this;
    }

    /**
     * An older key still read for this setting; giving both is an error.
     */
    public Setting<C> alias(final String oldKey)
    {
        alias = oldKey;
        return this;
    }

    public Setting<C> doc(final String text)
    {
        doc = text;
        return this;
    }

    public String key()
    {
        return key;
    }

    public Type type()
    {
        return type;
    }

    /**
     * @return the alias (older key), or null.
     */
    public String alias()
    {
        return alias;
    }

    public boolean isRequired()
    {
        return required;
    }

    public boolean isFingerprinted()
    {
        return fingerprinted;
    }

    public String doc()
    {
        return doc;
    }

    /**
     * @return the default in the file's form (see {@link Type}); a copy where mutable, null where none.
     */
    public Object defaultValue()
    {
        return defaultValue instanceof double[] edges ? edges.clone() : defaultValue;
    }

    /**
     * @return the current value of the setting in {@code target}, in the file's units (null for a section).
     */
    public Object valueIn(final C target)
    {
        return getter.apply(target);
    }

    /**
     * @return the value as the file states it, checked against the type and the range.
     * @throws IllegalArgumentException "NAME: REASON (got VALUE)".
     */
    public Object parse(final Object raw, final String name)
    {
        if (type == Type.MAP)
        {
            if (!(raw instanceof Map))
            {
                throw new IllegalArgumentException(name + ": must be a section of entries (got " + raw + ")");
            }
            return mapParser.apply(name, raw);
        }
        final Object value = SettingValues.typed(type, raw);
        if (value == null || violates(value))
        {
            throw new IllegalArgumentException(name + ": " + requirement() + " (got " + SettingValues.show(raw) + ")");
        }
        return value;
    }

    /**
     * Applies a value from {@link #parse} (or the default) to the target.
     */
    public void apply(final C target, final Object value, final String name)
    {
        try
        {
            setter.accept(target, value);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException(name + ": " + requirement() + " (got " + SettingValues.show(value) + ")",
                ex);
        }
    }

    /**
     * Checks the target's current value against the range.
     *
     * @throws IllegalArgumentException "KEY: REASON (got VALUE)".
     */
    public void check(final C target)
    {
        if (type == Type.MAP)
        {
            return;
        }
        Object value;
        try
        {
            value = getter.apply(target);
        }
        catch (final RuntimeException ex)
        {
            value = null;
        }
        if (value == null || violates(value))
        {
            throw new IllegalArgumentException(key + ": " + requirement() + " (got " + SettingValues.show(value) + ")");
        }
    }

    /**
     * @return what a valid value is, as "must be ...".
     */
    public String requirement()
    {
        if (reason != null)
        {
            return reason;
        }
        return switch (type)
        {
            case NUMBER, INTEGER -> "must be " + (powerOfTwo ? "a power of two, " : "") +
                SettingValues.rangeText(type, min, minOpen, max, maxOpen);
            case NUMBER_LIST -> "must be a list of " + (ascending ? "ascending " : "") + "finite numbers";
            case CHOICE -> "must be one of " + String.join(", ", choices);
            case FLAG -> "must be true or false";
            default -> "must be " + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    private boolean violates(final Object value)
    {
        return switch (type)
        {
            case NUMBER, INTEGER -> violatesRange(((Number)value).doubleValue());
            case CHOICE -> !choices.contains(value);
            case NUMBER_LIST -> !SettingValues.finiteAndOrdered((double[])value, ascending);
            default -> false;
        };
    }

    private boolean violatesRange(final double value)
    {
        final boolean aboveMin = minOpen ? value > min : value >= min;
        final boolean belowMax = maxOpen ? value < max : value <= max;
        final boolean shape = !powerOfTwo || (value == (long)value && Long.bitCount((long)value) == 1);
        return !(Double.isFinite(value) && aboveMin && belowMax && shape);
    }
}

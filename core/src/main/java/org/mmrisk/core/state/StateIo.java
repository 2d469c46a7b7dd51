package org.mmrisk.core.state;

/**
 * One pass over the engine's state, in either direction: the same method writes a field when saving and reads it
 * when restoring, so the two directions cannot drift apart field by field.
 * <p>
 * Every method takes the value held now and returns the value to hold: a writer records it and hands it back
 * unchanged, a reader ignores it and returns the one recorded. A class writes {@code x = io.f64(x);} for each field.
 * Structure (lists, maps, references between objects) is where the directions differ; callers branch on
 * {@link #isReading()} there. {@link #section(int)} tags mark each block so that a reader out of step fails at
 * once, naming the block, rather than restoring shifted values.
 * <p>
 * Owned by the thread that owns the state it walks (the engine thread, or the start-up thread before the engine
 * runs). A writer allocates nothing once its buffer has grown to the state's size.
 */
public interface StateIo
{
    boolean isReading();

    double f64(double value);

    long i64(long value);

    int i32(int value);

    boolean bool(boolean value);

    /**
     * Marks the start of a block: written as {@code tag}; read and checked against it.
     *
     * @throws StateFormatException when reading and the recorded tag differs.
     */
    void section(int tag);

    /**
     * An enum constant by ordinal, null allowed.
     */
    default <E extends Enum<E>> E enumValue(final E value, final E[] values)
    {
        final int ordinal = i32(value == null ? -1 : value.ordinal());
        if (ordinal < -1 || ordinal >= values.length)
        {
            throw new StateFormatException("enum ordinal " + ordinal + " out of range for " +
                values.getClass().getComponentType().getSimpleName());
        }
        return ordinal < 0 ? null : values[ordinal];
    }

    /**
     * Elements [0, count) of an array held in place.
     */
    default void f64s(final double[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            values[i] = f64(values[i]);
        }
    }

    default void i64s(final long[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            values[i] = i64(values[i]);
        }
    }

    default void i32s(final int[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            values[i] = i32(values[i]);
        }
    }

    default void bools(final boolean[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            values[i] = bool(values[i]);
        }
    }

    /**
     * Bytes [0, length) of an array held in place; the length itself is the caller's to record.
     */
    void bytes(byte[] values, int offset, int length);

    /**
     * An ASCII string (symbols): written without allocating, read into a new string.
     */
    String ascii(String value);

    /**
     * A count recorded on write and checked on read against an upper bound, so that a damaged count fails cleanly
     * instead of sizing an allocation.
     */
    default int count(final int value, final int max, final String what)
    {
        final int count = i32(value);
        if (count < 0 || count > max)
        {
            throw new StateFormatException(what + " count " + count + " outside [0, " + max + "]");
        }
        return count;
    }
}

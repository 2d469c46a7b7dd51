package org.mmrisk.core.limits;

import org.mmrisk.core.output.AlertCode;

/**
 * A limit known by a name (in the config and in {@code risk control set-limit}) that raises its own alert code.
 */
public interface NamedLimit
{
    /**
     * Characters of a limit's name a control message carries: a longer key travels as its first this many
     * characters, which name it uniquely (checked by the tests over every kind).
     */
    int WIRE_LENGTH = 16;

    String key();

    AlertCode alertCode();

    /**
     * @return the name as a control message carries it: the key, or its first {@link #WIRE_LENGTH} characters.
     */
    static String wireName(final String key)
    {
        return key.length() > WIRE_LENGTH ? key.substring(0, WIRE_LENGTH) : key;
    }

    /**
     * @return the limit among {@code values} named by the ASCII bytes {@code key[0, length)} (a key longer than
     * {@link #WIRE_LENGTH} by its first {@link #WIRE_LENGTH} characters), or null; allocation-free.
     */
    static <T extends NamedLimit> T byKey(final T[] values, final byte[] key, final int length)
    {
        for (final T value : values)
        {
            if (matches(value.key(), key, length))
            {
                return value;
            }
        }
        return null;
    }

    /**
     * @return the limit among {@code values} named {@code key}, or null.
     */
    static <T extends NamedLimit> T byKey(final T[] values, final String key)
    {
        for (final T value : values)
        {
            if (value.key().equals(key))
            {
                return value;
            }
        }
        return null;
    }

    private static boolean matches(final String expected, final byte[] key, final int length)
    {
        final boolean truncated = length == WIRE_LENGTH && expected.length() > WIRE_LENGTH;
        if (expected.length() != length && !truncated)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (expected.charAt(i) != key[i])
            {
                return false;
            }
        }
        return true;
    }
}

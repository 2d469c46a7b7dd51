package org.mmrisk.core.limits;

import org.mmrisk.core.output.AlertCode;

/**
 * A limit known by a name (in the config and in {@code risk control set-limit}) that raises its own alert code.
 */
public interface NamedLimit
{
    String key();

    AlertCode alertCode();

    /**
     * @return the limit among {@code values} named by the ASCII bytes {@code key[0, length)}, or null; allocation-free.
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
        if (expected.length() != length)
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

package org.mmrisk.core.event;

/**
 * A short ASCII code (venue, underlying, currency) of at most 8 characters packed into one {@code long}:
 * byte i of the little-endian word is character i, unused bytes are zero. The packing is the same as the
 * wire's zero-padded 8-byte char fields, so a decoder can read a code as one little-endian long.
 * <p>
 * Codes let the hot path key maps and compare venues without {@link String}s. Stateless.
 */
public final class AsciiCode
{
    public static final int MAX_LENGTH = 8;
    public static final long NONE = 0L;

    private AsciiCode()
    {
    }

    /**
     * @param code printable ASCII, 1 to 8 characters.
     * @return the packed code.
     * @throws IllegalArgumentException if the code is empty, too long or not printable ASCII.
     */
    public static long pack(final CharSequence code)
    {
        final int length = code.length();
        if (length == 0 || length > MAX_LENGTH)
        {
            throw new IllegalArgumentException("code must be 1 to " + MAX_LENGTH + " characters: '" + code + "'");
        }
        long packed = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = code.charAt(i);
            if (c <= ' ' || c > '~')
            {
                throw new IllegalArgumentException("code must be printable ASCII without spaces: '" + code + "'");
            }
            packed |= ((long)c) << (8 * i);
        }
        return packed;
    }

    /**
     * @return true when {@code code} is 1 to 8 printable ASCII characters.
     */
    public static boolean isValid(final CharSequence code)
    {
        final int length = code.length();
        if (length == 0 || length > MAX_LENGTH)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            final char c = code.charAt(i);
            if (c <= ' ' || c > '~')
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return true when the packed word holds printable characters followed only by zero padding.
     */
    public static boolean isWellFormed(final long packed)
    {
        if (packed == NONE)
        {
            return false;
        }
        boolean ended = false;
        for (int i = 0; i < MAX_LENGTH; i++)
        {
            final int c = (int)((packed >>> (8 * i)) & 0xFF);
            if (c == 0)
            {
                ended = true;
            }
            else if (ended || c <= ' ' || c > '~')
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Allocates: for tools and reports, not the hot path.
     */
    public static String toString(final long packed)
    {
        final StringBuilder sb = new StringBuilder(MAX_LENGTH);
        for (int i = 0; i < MAX_LENGTH; i++)
        {
            final int c = (int)((packed >>> (8 * i)) & 0xFF);
            if (c == 0)
            {
                break;
            }
            sb.append((char)c);
        }
        return sb.toString();
    }
}

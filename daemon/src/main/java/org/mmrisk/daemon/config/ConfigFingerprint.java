package org.mmrisk.daemon.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.zip.CRC32C;

/**
 * What a checkpoint records of the configuration it was taken under, in one 64-bit value: the high 32 bits are the
 * CRC32C of the input list, the low 32 bits that of the {@code engine} section (each as JSON). Recovery compares the
 * halves apart: the input list must match for a checkpoint's input positions to mean anything, while an engine change
 * may be accepted by the operator. Stateless.
 */
public final class ConfigFingerprint
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigFingerprint()
    {
    }

    public static long of(final DaemonConfig config)
    {
        // the engine's checksum is unsigned: sign-extended, a negative one would hide the inputs' half
        return ((long)crc(config.inputs) << 32) | (crc(config.engineValues) & 0xFFFF_FFFFL);
    }

    public static boolean sameInputs(final long a, final long b)
    {
        return (a >>> 32) == (b >>> 32);
    }

    public static boolean sameEngine(final long a, final long b)
    {
        return (int)a == (int)b;
    }

    private static int crc(final Object section)
    {
        try
        {
            final CRC32C crc = new CRC32C();
            crc.update(JSON.writeValueAsBytes(section));
            return (int)crc.getValue();
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("cannot fingerprint the configuration", ex);
        }
    }
}

package org.mmrisk.daemon.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for numeric options. NaN and ±Infinity are refused, so a bad number becomes a usage error
 * that names its option (picocli prefixes the message with "Invalid value for option '--x'") instead of a NaN
 * that travels into the output.
 */
public final class NumberConverters
{
    private NumberConverters()
    {
    }

    /**
     * Any finite number (a rate, a price that may be checked against its bounds later).
     */
    public static final class Finite implements ITypeConverter<Double>
    {
        @Override
        public Double convert(final String text)
        {
            final double value = parse(text);
            if (!Double.isFinite(value))
            {
                throw new TypeConversionException("'" + text + "' is not a finite number");
            }
            return value;
        }
    }

    /**
     * A finite number above zero (forward, strike, time to expiry, volatility).
     */
    public static final class PositiveFinite implements ITypeConverter<Double>
    {
        @Override
        public Double convert(final String text)
        {
            final double value = parse(text);
            if (!(value > 0.0 && value < Double.POSITIVE_INFINITY))
            {
                throw new TypeConversionException("'" + text + "' is not a positive finite number");
            }
            return value;
        }
    }

    private static double parse(final String text)
    {
        try
        {
            return Double.parseDouble(text.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new TypeConversionException("'" + text + "' is not a number");
        }
    }
}

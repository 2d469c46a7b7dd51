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

    /**
     * A whole number above zero (a rate in messages per second).
     */
    public static final class PositiveInteger implements ITypeConverter<Integer>
    {
        @Override
        public Integer convert(final String text)
        {
            try
            {
                final int value = Integer.parseInt(text.trim());
                if (value <= 0)
                {
                    throw new TypeConversionException("'" + text + "' is not a positive whole number");
                }
                return value;
            }
            catch (final NumberFormatException ex)
            {
                throw new TypeConversionException("'" + text + "' is not a whole number");
            }
        }
    }

    /**
     * A fraction within [0, 1] (a share of messages).
     */
    public static final class Fraction implements ITypeConverter<Double>
    {
        @Override
        public Double convert(final String text)
        {
            final double value = parse(text);
            if (!(value >= 0.0 && value <= 1.0))
            {
                throw new TypeConversionException("'" + text + "' is not within [0, 1]");
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

package org.mmrisk.bench.pricing;

import java.util.concurrent.TimeUnit;

import org.mmrisk.core.pricing.ImpliedVol;
import org.mmrisk.core.pricing.ImpliedVolResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;

/**
 * Implied volatility of one price: ours ({@link ImpliedVol#solve}, discounted price) against Strata's
 * {@code BlackFormulaRepository.impliedVolatility} (undiscounted price). Inputs cycle through 1,024 options.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    JvmFlags.EXPORT_MISC, JvmFlags.EXPORT_REF, JvmFlags.EXPORT_NIO_CH, JvmFlags.OPEN_REFLECT, JvmFlags.OPEN_NIO,
    JvmFlags.OPEN_NIO_CH, JvmFlags.OPEN_LANG, JvmFlags.OPEN_UTIL, JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER})
public class ImpliedVolBenchmark
{
    private static final int MASK = 1023;
    private final OptionSample sample = new OptionSample(MASK + 1);
    private final ImpliedVolResult result = new ImpliedVolResult();
    private int index;

    @Benchmark
    public double ours()
    {
        final int i = index++ & MASK;
        ImpliedVol.solve(sample.price[i], OptionSample.FORWARD, sample.strike[i], sample.years[i], sample.isCall[i],
            OptionSample.RATE, result);
        return result.vol;
    }

    @Benchmark
    public double strata()
    {
        final int i = index++ & MASK;
        return BlackFormulaRepository.impliedVolatility(sample.undiscountedPrice[i], OptionSample.FORWARD,
            sample.strike[i], sample.years[i], sample.isCall[i]);
    }
}

package org.mmrisk.bench.pricing;

import java.util.concurrent.TimeUnit;

import org.mmrisk.core.pricing.Black76;
import org.mmrisk.core.pricing.OptionGreeks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;

/**
 * One option's price and Greeks: ours in one pass (price and ten sensitivities) against Strata's seven
 * {@code BlackFormulaRepository} calls (price, delta, gamma, vega, theta, vanna, volga), each of which recomputes
 * d1 and the normal functions. Inputs cycle through 1,024 options.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    JvmFlags.EXPORT_MISC, JvmFlags.EXPORT_REF, JvmFlags.EXPORT_NIO_CH, JvmFlags.OPEN_REFLECT, JvmFlags.OPEN_NIO,
    JvmFlags.OPEN_NIO_CH, JvmFlags.OPEN_LANG, JvmFlags.OPEN_UTIL, JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER})
public class GreeksBenchmark
{
    private static final int MASK = 1023;
    private final OptionSample sample = new OptionSample(MASK + 1);
    private final OptionGreeks greeks = new OptionGreeks();
    private int index;

    @Benchmark
    public OptionGreeks oursPriceAndAllGreeks()
    {
        final int i = index++ & MASK;
        Black76.greeks(sample.isCall[i], OptionSample.FORWARD, sample.strike[i], sample.years[i], sample.vol[i],
            OptionSample.RATE, greeks);
        return greeks;
    }

    @Benchmark
    public double oursPriceOnly()
    {
        final int i = index++ & MASK;
        return Black76.price(sample.isCall[i], OptionSample.FORWARD, sample.strike[i], sample.years[i],
            sample.vol[i], OptionSample.RATE);
    }

    @Benchmark
    public void strataSevenCalls(final Blackhole blackhole)
    {
        final int i = index++ & MASK;
        final boolean isCall = sample.isCall[i];
        final double forward = OptionSample.FORWARD;
        final double strike = sample.strike[i];
        final double years = sample.years[i];
        final double vol = sample.vol[i];
        blackhole.consume(BlackFormulaRepository.price(forward, strike, years, vol, isCall));
        blackhole.consume(BlackFormulaRepository.delta(forward, strike, years, vol, isCall));
        blackhole.consume(BlackFormulaRepository.gamma(forward, strike, years, vol));
        blackhole.consume(BlackFormulaRepository.vega(forward, strike, years, vol));
        blackhole.consume(BlackFormulaRepository.theta(forward, strike, years, vol, isCall, OptionSample.RATE));
        blackhole.consume(BlackFormulaRepository.vanna(forward, strike, years, vol));
        blackhole.consume(BlackFormulaRepository.volga(forward, strike, years, vol));
    }

    @Benchmark
    public double strataPriceOnly()
    {
        final int i = index++ & MASK;
        return BlackFormulaRepository.price(OptionSample.FORWARD, sample.strike[i], sample.years[i], sample.vol[i],
            sample.isCall[i]);
    }
}

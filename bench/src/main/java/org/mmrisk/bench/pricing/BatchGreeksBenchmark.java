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

import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;

/**
 * A full revaluation of a 1,000-option book in a scalar loop, writing price, delta, gamma, vega, theta, vanna and
 * volga into arrays (what a re-anchoring slice does). Ours: one pass per option; Strata: seven calls per option.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    JvmFlags.EXPORT_MISC, JvmFlags.EXPORT_REF, JvmFlags.EXPORT_NIO_CH, JvmFlags.OPEN_REFLECT, JvmFlags.OPEN_NIO,
    JvmFlags.OPEN_NIO_CH, JvmFlags.OPEN_LANG, JvmFlags.OPEN_UTIL, JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER})
public class BatchGreeksBenchmark
{
    private static final int BOOK = 1_000;
    private final OptionSample sample = new OptionSample(BOOK);
    private final OptionGreeks greeks = new OptionGreeks();
    private final double[] price = new double[BOOK];
    private final double[] delta = new double[BOOK];
    private final double[] gamma = new double[BOOK];
    private final double[] vega = new double[BOOK];
    private final double[] theta = new double[BOOK];
    private final double[] vanna = new double[BOOK];
    private final double[] volga = new double[BOOK];

    @Benchmark
    public double[] oursBook()
    {
        final OptionSample s = sample;
        for (int i = 0; i < BOOK; i++)
        {
            Black76.greeks(s.isCall[i], OptionSample.FORWARD, s.strike[i], s.years[i], s.vol[i], OptionSample.RATE,
                greeks);
            price[i] = greeks.price;
            delta[i] = greeks.delta;
            gamma[i] = greeks.gamma;
            vega[i] = greeks.vega;
            theta[i] = greeks.theta;
            vanna[i] = greeks.vanna;
            volga[i] = greeks.volga;
        }
        return price;
    }

    @Benchmark
    public double[] strataBook()
    {
        final OptionSample s = sample;
        final double forward = OptionSample.FORWARD;
        for (int i = 0; i < BOOK; i++)
        {
            final boolean isCall = s.isCall[i];
            final double strike = s.strike[i];
            final double years = s.years[i];
            final double vol = s.vol[i];
            price[i] = BlackFormulaRepository.price(forward, strike, years, vol, isCall);
            delta[i] = BlackFormulaRepository.delta(forward, strike, years, vol, isCall);
            gamma[i] = BlackFormulaRepository.gamma(forward, strike, years, vol);
            vega[i] = BlackFormulaRepository.vega(forward, strike, years, vol);
            theta[i] = BlackFormulaRepository.theta(forward, strike, years, vol, isCall, OptionSample.RATE);
            vanna[i] = BlackFormulaRepository.vanna(forward, strike, years, vol);
            volga[i] = BlackFormulaRepository.volga(forward, strike, years, vol);
        }
        return price;
    }
}

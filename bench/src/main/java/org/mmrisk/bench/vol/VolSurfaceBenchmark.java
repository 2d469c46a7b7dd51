package org.mmrisk.bench.vol;

import java.util.concurrent.TimeUnit;

import org.mmrisk.bench.pricing.JvmFlags;
import org.mmrisk.core.vol.SmileDynamics;
import org.mmrisk.core.vol.SmileRejectReason;
import org.mmrisk.core.vol.SmileValidator;
import org.mmrisk.core.vol.VolPoint;
import org.mmrisk.core.vol.VolSurface;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the engine thread pays for the surface: a whole surface update of eight BTC-like expiries (every no-arbitrage
 * check, then the swap), one expiry's update (the other smiles re-fitted to its time, its own checks and its two
 * calendar pairs), and one read between two quoted expiries, a day after the fit, under each smile dynamic.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    JvmFlags.EXPORT_MISC, JvmFlags.EXPORT_REF, JvmFlags.EXPORT_NIO_CH, JvmFlags.OPEN_REFLECT, JvmFlags.OPEN_NIO,
    JvmFlags.OPEN_NIO_CH, JvmFlags.OPEN_LANG, JvmFlags.OPEN_UTIL, JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER})
public class VolSurfaceBenchmark
{
    private static final long NOW_NS = 1_795_000_000_000_000_000L;
    private static final long DAY_NS = 86_400_000_000_000L;
    private static final int EXPIRIES = 8;
    private static final double[] DAYS = { 1, 2, 7, 14, 30, 60, 90, 180 };

    @Param({ "sticky-moneyness", "sticky-strike", "sticky-delta" })
    public String dynamics;

    private final long[] expiryNs = new long[EXPIRIES];
    private final double[] a = new double[EXPIRIES];
    private final double[] b = new double[EXPIRIES];
    private final double[] rho = new double[EXPIRIES];
    private final double[] m = new double[EXPIRIES];
    private final double[] sigma = new double[EXPIRIES];
    private final VolPoint point = new VolPoint();
    private VolSurface surface;
    private long readNs;
    private long betweenNs;
    private double k;

    @Setup
    public void setUp()
    {
        for (int i = 0; i < EXPIRIES; i++)
        {
            final double years = DAYS[i] / 365.25;
            expiryNs[i] = NOW_NS + (long)(DAYS[i] * DAY_NS);
            // ATM vol 55–70%, a put skew and smile that scale with the expiry
            a[i] = 0.30 * years;
            b[i] = 0.08 * Math.sqrt(years) + 0.02;
            rho[i] = -0.35;
            m[i] = 0.0;
            sigma[i] = 0.10;
        }
        surface = new VolSurface(VolSurface.DEFAULT_CAPACITY, new SmileValidator(),
            SmileDynamics.fromConfigName(dynamics));
        if (surface.applySurface(EXPIRIES, expiryNs, a, b, rho, m, sigma, NOW_NS, 100_000) != SmileRejectReason.NONE)
        {
            throw new IllegalStateException("benchmark surface rejected");
        }
        readNs = NOW_NS + DAY_NS / 2;
        betweenNs = NOW_NS + 20 * DAY_NS;
        k = -0.12;
    }

    @Benchmark
    public SmileRejectReason wholeSurfaceUpdate()
    {
        return surface.applySurface(EXPIRIES, expiryNs, a, b, rho, m, sigma, NOW_NS, 100_000);
    }

    @Benchmark
    public SmileRejectReason oneExpiryUpdate()
    {
        return surface.applySmile(expiryNs[4], a[4], b[4], rho[4], m[4], sigma[4], NOW_NS, 100_000);
    }

    @Benchmark
    public double readBetweenExpiries()
    {
        surface.evaluate(betweenNs, k, readNs, 103_000, point);
        return point.impliedVol;
    }
}

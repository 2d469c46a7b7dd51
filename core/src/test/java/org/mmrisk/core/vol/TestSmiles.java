package org.mmrisk.core.vol;

import org.mmrisk.core.time.YearFraction;

/**
 * Smiles and expiries shared by the vol tests: a BTC-like surface (ATM vols 50–70%) that passes every check.
 */
final class TestSmiles
{
    /** 2025-01-01T00:00:00Z. */
    static final long NOW_NS = 1_735_689_600_000_000_000L;

    static final long[] EXPIRY_NS = { days(7), days(30), days(90), days(180) };
    static final double[] A = { 0.004, 0.018, 0.055, 0.110 };
    static final double[] B = { 0.030, 0.050, 0.080, 0.100 };
    static final double[] RHO = { -0.10, -0.10, -0.10, -0.10 };
    static final double[] M = { 0.00, 0.00, 0.00, 0.00 };
    static final double[] SIGMA = { 0.20, 0.20, 0.20, 0.20 };

    /** Axel Vogt's smile, quoted by Gatheral and Jacquier: every parameter check passes, the density does not. */
    static final double[] VOGT = { -0.0410, 0.1331, 0.3060, 0.3586, 0.4153 };

    private TestSmiles()
    {
    }

    static long days(final double days)
    {
        return NOW_NS + (long)(days * YearFraction.NANOS_PER_DAY);
    }

    static SviSmile smile(final int index)
    {
        return new SviSmile().set(A[index], B[index], RHO[index], M[index], SIGMA[index]);
    }

    static SviSmile vogt()
    {
        return new SviSmile().set(VOGT[0], VOGT[1], VOGT[2], VOGT[3], VOGT[4]);
    }

    static VolSurface validSurface()
    {
        final VolSurface surface = new VolSurface();
        final SmileRejectReason reason = surface.applySurface(EXPIRY_NS.length, EXPIRY_NS, A, B, RHO, M, SIGMA, NOW_NS);
        if (reason != SmileRejectReason.NONE)
        {
            throw new IllegalStateException("test surface rejected: " + reason);
        }
        return surface;
    }
}

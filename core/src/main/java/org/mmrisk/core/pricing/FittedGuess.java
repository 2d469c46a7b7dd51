package org.mmrisk.core.pricing;

/**
 * A starting point for {@link NormalisedImpliedVol} on the working range of a derivatives desk, accurate enough that
 * one sixth-order correction reaches machine precision: s = σ√T from x = ln(F/K) &le; 0 and the normalised price β,
 * by polynomials fitted to the exact inverse, or NaN outside the range they were fitted on (the general scheme takes
 * over there). Stateless and allocation-free.
 * <p>
 * <b>Range.</b> |x| &le; {@link #MAX_ABS_X} (strikes 0.49F–2.05F), and either β &ge; e^{−1}·|x| with s₀ &le;
 * {@link #MAX_ATM_STD_DEV} (below), or e^{−16}·|x| &le; β &lt; e^{−1}·|x| (out of the money up to |x|/s ≈ 5).
 * <p>
 * <b>Coordinates.</b> Each region has variables in which s is smooth and nearly polynomial:
 * <ul>
 *   <li>Out of the money, β &lt; e^{−1}·|x|: as x → 0 the normalised price tends to Bachelier's, b ≈ s·B(x/s), so
 *       ζ = |x|/s is a function of β/|x| alone there, and for large ζ, ln(β/|x|) ≈ −ζ²/2 − 3 ln ζ. With
 *       y = ln(β/|x|) and v = √(1 − 2y), ζ is fitted as a polynomial in (k², v), k² = |x|/2, in two pieces split at
 *       y = −4.</li>
 *   <li>Nearer the money: with s₀ = 2Φ⁻¹(½ + p/2), p = β·e^{−x/2}, the exact inverse at x = 0, the ratio s/s₀ is
 *       a polynomial in (x/s₀, s₀): it is 1 at x = 0 and tends to a function of x/s₀ alone as s₀ → 0.</li>
 * </ul>
 * <b>Fit.</b> Tensor-product polynomials in the variables scaled to [−1, 1], of degree 4 × 6 (y &lt; −4), 5 × 6
 * (−4 &le; y &lt; −1) and 6 × 6 (near the money), fitted by iteratively reweighted least squares towards the least
 * maximum relative error, on about 10⁵ points per region whose prices were computed in 40-digit arithmetic, the
 * regions widened by 0.05 in y and 0.02 in s₀. On a separate sample the largest relative error of s is 1.1e-6,
 * 2.8e-6 and 1.3e-5 respectively ({@code FittedGuessTest} checks 2e-5). The
 * correction then takes the error to about 42·κ⁵·|ν|, κ ≈ (x²/s² + s²/4)·(error): below 1e-19·s in every region,
 * which is what {@link NormalisedImpliedVol} asks before it stops after one step.
 */
final class FittedGuess
{
    /** |x| at most this, k² = |x|/2 at most 0.36. */
    static final double MAX_ABS_X = 0.72;
    /** s₀ at most this: σ√T up to 2 at the money, somewhat more away from it. */
    static final double MAX_ATM_STD_DEV = 2.0;
    /** e^{−1}: at or above this β/|x| the near fit applies. */
    private static final double NEAR_RATIO = 0.36787944117144233;
    private static final double DEEP_LOG_RATIO = -4.0;
    private static final double MIN_LOG_RATIO = -16.0;
    private static final int DEEP_DEGREE_K = 4;
    /** Every fit is of degree 6 in its second variable: 7 coefficients a row. */
    private static final int ROW = 7;
    private static final int MID_DEGREE_K = 5;
    private static final int NEAR_DEGREE_U = 6;
    /** v at y = −4 + 0.05 and y = −16 − 0.05: √8.9 and √33.1. */
    private static final double DEEP_V_LOW = 2.9832867780352594;
    private static final double DEEP_V_HIGH = 5.75325994545701;
    /** v at y = −1 + 0.05 and y = −4 − 0.05: √2.9 and √9.1. */
    private static final double MID_V_LOW = 1.70293863659264;
    private static final double MID_V_HIGH = 3.0166206257996713;
    /** x/s₀ from this to 0. */
    private static final double NEAR_U_LOW = -1.14;
    /** s₀ from 0 to this. */
    private static final double NEAR_S_HIGH = 2.02;
    /** ζ = |x|/s for y in [−16, −4], row i for (scaled k²)^i, column j for (scaled v)^j. */
    private static final double[] DEEP = {
        3.0183529935549602, 1.5597140567074472, 0.0050062738859512805, -0.02064781211986861, 0.012481622046769215, -0.0052414801859336805, 0.001179470929469189,
        -0.0007944231050569832, 0.0009870729635096506, -0.0007928849377914012, 0.0004907200755866936, -0.00025665002685123085, 0.00014642101692834662, -5.790751019549177e-05,
        -0.00039750688423212757, 0.00049516329300149, -0.00039975617272014247, 0.0002458740029506077, -0.0001263086706135278, 7.776148308262443e-05, -3.426915168705992e-05,
        -4.095173569738012e-07, 1.3913160818138529e-06, -2.2675232235399403e-06, 8.630056414166975e-07, -1.034896966592e-06, 4.464153489689029e-06, -3.0979702587324787e-06,
        -1.952392098989876e-07, 9.252988968355555e-08, 1.2241745994263263e-07, 6.717164154935445e-07, -2.229906516009562e-06, 9.258632274941443e-07, 6.739288521261747e-07
    };
    /** ζ = |x|/s for y in [−4, −1], as {@link #DEEP}. */
    private static final double[] MID = {
        0.9271339268038263, 0.5327053376676569, 0.09319643118531376, -0.013964099937008123, -0.00340645547852309, 0.0013095479108321275, 0.00015112705992432926,
        -0.008007871153077363, 0.0070959653922445486, -0.0031859445981807398, 0.0007968072381260385, -6.799158990712634e-05, -1.1629001629278376e-05, -9.341571431193295e-07,
        -0.004101670635901296, 0.0037620118179351254, -0.0018346520507971117, 0.0005867607653475415, -0.0001480513336068062, 3.965828038708122e-05, -6.715027449880232e-06,
        -0.000100030624189938, 0.00022235186868416667, -0.00025468901405006195, 0.00020429122092849924, -0.00013798849679263906, 6.561021230858184e-05, -1.1050013834086001e-05,
        -2.8237310982728915e-05, 6.92998979340511e-05, -8.382229368112374e-05, 5.820828764290691e-05, -5.235881806491266e-05, 6.843149753756574e-05, -3.487527737270675e-05,
        -1.7528514233174873e-06, 8.130676263435072e-06, -1.1303700595392955e-05, -2.1181384293991173e-06, -3.7264251516576244e-06, 3.706499502369179e-05, -2.7011779577324626e-05
    };
    /** s/s₀, row i for (scaled x/s₀)^i, column j for (scaled s₀)^j. */
    private static final double[] NEAR = {
        1.4114707436150566, -0.13615457156569674, 0.04417728518623676, -0.015163667928533768, 0.005334844168309267, -0.00019521089945459655, 0.0023358491347628546,
        -0.35208158782753196, 0.12055842642435208, -0.04329146177969749, 0.023587099611288992, -0.014045163349233775, -0.015616319963278781, -0.012659699551571743,
        -0.04234169936872197, 0.008370738092688297, -0.010739273101684798, -0.010716503192658476, 0.039663573865914105, 0.06395154955637918, 0.03109463846658479,
        -0.010084114982732876, 0.017378949430733932, 0.026954346723246037, -0.028157516399418207, -0.1081932251739705, -0.09694645614784633, -0.028391644920111748,
        -0.008716571804183658, -0.026576240393922725, -0.01840655034486835, 0.07979857762160915, 0.13951957925801833, 0.06549923267538207, 0.002534703828333637,
        0.0068263169794765865, 0.020017354599468788, -0.01059242607272981, -0.06605393788735658, -0.06497026278371014, -0.019405760781856168, 0.00045060563259122514,
        -0.005079095141171968, -0.0035865373759211964, 0.01197922266809562, 0.01668566512426244, 0.0025493773577892464, 0.0027171185752607285, 0.004702450957206994
    };

    private FittedGuess()
    {
    }

    /**
     * @param x    ln(F/K), at most 0.
     * @param beta the normalised out-of-the-money price, 0 &lt; β &lt; e^{x/2}.
     * @param bMax e^{x/2}.
     * @return s = σ√T to about 1e-5 relative, or NaN outside the fitted range.
     */
    static double stdDev(final double x, final double beta, final double bMax)
    {
        final double absX = -x;
        if (!(absX <= MAX_ABS_X))
        {
            return Double.NaN;
        }
        if (beta >= NEAR_RATIO * absX)
        {
            return nearTheMoney(x, beta / bMax);
        }
        final double y = Logarithm.log(beta / absX);
        if (!(y >= MIN_LOG_RATIO))
        {
            return Double.NaN;
        }
        final double v = Math.sqrt(1.0 - 2.0 * y);
        final double kScaled = absX * (1.0 / 0.36) - 1.0;
        final double zeta = y < DEEP_LOG_RATIO ?
            polynomial(DEEP, DEEP_DEGREE_K, kScaled, scale(v, DEEP_V_LOW, DEEP_V_HIGH)) :
            polynomial(MID, MID_DEGREE_K, kScaled, scale(v, MID_V_LOW, MID_V_HIGH));
        return absX / zeta;
    }

    /**
     * @param p β/e^{x/2}, the price as a fraction of its upper bound.
     */
    private static double nearTheMoney(final double x, final double p)
    {
        final double s0 = 2.0 * Normal.acklamCentralInverseCdf(0.5 * p);
        if (!(s0 <= MAX_ATM_STD_DEV))
        {
            return Double.NaN;
        }
        final double u = x / s0;
        return s0 * polynomial(NEAR, NEAR_DEGREE_U, scale(u, NEAR_U_LOW, 0.0),
            scale(s0, 0.0, NEAR_S_HIGH));
    }

    /**
     * @return v mapped from [low, high] to [−1, 1].
     */
    private static double scale(final double v, final double low, final double high)
    {
        return (2.0 * v - (low + high)) * (1.0 / (high - low));
    }

    /**
     * Σ c[i][j]·u^i·v^j, j &le; 6: each row in Estrin's scheme on v, v² and v⁴ (the rows are independent, so they
     * overlap), then Horner's rule in u.
     */
    private static double polynomial(final double[] c, final int degreeU, final double u, final double v)
    {
        final double v2 = v * v;
        final double v4 = v2 * v2;
        double sum = row(c, degreeU * ROW, v, v2, v4);
        for (int i = degreeU - 1; i >= 0; i--)
        {
            sum = sum * u + row(c, i * ROW, v, v2, v4);
        }
        return sum;
    }

    private static double row(final double[] c, final int at, final double v, final double v2, final double v4)
    {
        return (c[at] + c[at + 1] * v) + v2 * (c[at + 2] + c[at + 3] * v)
            + v4 * ((c[at + 4] + c[at + 5] * v) + v2 * c[at + 6]);
    }
}

package org.mmrisk.core.pricing;

/**
 * Inverts the normalised out-of-the-money Black function b(x, s) of {@link NormalisedBlack} for s = σ√T, in the
 * manner of Jäckel's "Let's Be Rational" (2016): a starting point from rational cubic interpolation in one of four
 * branches, then at most {@link #MAX_ITERATIONS} corrections on an objective chosen per branch so that it is nearly
 * linear in s. Stateless.
 * <p>
 * <b>Working range first.</b> Where {@link FittedGuess} answers (strikes about 0.5F–2F, s₀ &le; 2, |x|/s up to
 * about 5) its starting point is within 1.3e-5 and one correction on b − β finishes the solve, with no nodes; the
 * branches below take over outside that range, or if that step fails the convergence test.
 * <p>
 * <b>Branches.</b> They split β at the inflection point s_c = √(2|x|) of b, with value b_c and vega v_c, and at the
 * points where the tangent there meets 0 and b_max = e^{x/2}: s_l = s_c − b_c/v_c, s_u = s_c + (b_max − b_c)/v_c.
 * <ul>
 *   <li>β &lt; b_l: interpolate f(β) = (2π|x|/√27)·Φ(−|x|/(√3·s))³, whose inverse is explicit and which
 *       matches b as s → 0 (f(0) = 0, f'(0) = 1); objective 1/ln b(s) − 1/ln β.</li>
 *   <li>b_l &le; β &lt; b_c and b_c &le; β &le; b_u: interpolate s(β) itself with slopes 1/b' and zero
 *       curvature at the inflection point; objective b(s) − β.</li>
 *   <li>β &gt; b_u: interpolate f(β) = Φ(−s/2), the shape of b_max − b as s → ∞; objective
 *       ln(b_max − β) − ln(b_max − b(s)) when β &gt; b_max/2, else b(s) − β.</li>
 * </ul>
 * <b>Corrections.</b> With b' = exp(−(x²/s² + s²/4)/2)/√(2π), every derivative of b is b' times a polynomial in
 * A = b''/b' = x²/s³ − s/4 and its derivatives A' = −3x²/s⁴ − 1/4, A'' = 12x²/s⁵, A''' = −60x²/s⁶. Each objective
 * is φ(b) (φ(b) = b, 1/ln b or −ln(b_max − b)), so Faà di Bruno gives its derivatives to fifth order in closed form,
 * and a step inverts its Taylor polynomial: with ν = −g/g' and c_k = g⁽ᵏ⁾/(k!·g'),
 * <pre>
 *   Δs = ν·(1 − c₂ν + (2c₂² − c₃)ν² − (5c₂³ − 5c₂c₃ + c₄)ν³ + (14c₂⁴ − 21c₂²c₃ + 6c₂c₄ + 3c₃² − c₅)ν⁴)
 * </pre>
 * (series reversion), which converges with order six. The middle branches start within about 1e-3 and mostly
 * finish in one step; the lowest starts within about 10% and takes two. Where |c₂ν| is too large for the series,
 * the step is Householder's third-order rational form ν(1 + c₂ν)/(1 + ν(2c₂ + c₃ν)).
 * <p>
 * <b>Size.</b> Over 400 lines on purpose: one algorithm whose four branches share the inflection point, the tangent
 * points and their interpolants; split, each part would recompute or pass around what the others need.
 */
final class NormalisedImpliedVol
{
    /** The most corrections taken; each costs one evaluation of b. */
    static final int MAX_ITERATIONS = 3;
    /**
     * The estimated error, relative to s, that a step may leave for the iteration to stop after it: set 100 times
     * below double precision because a 200,000-point random test found the estimate optimistic by about that much.
     */
    private static final double CONVERGED_ERROR = 1e-19;
    /** No step larger than this, relative to s, is taken as the last, whatever the error estimate says. */
    private static final double MAX_CONVERGED_STEP = 1e-2;
    /** Relative widening of the brackets at the guess-placing nodes; see {@link #widenUp}. */
    private static final double NODE_MARGIN = 1e-12;
    /**
     * A lower-branch correction smaller than this, relative to s, leaves an error of order its sixth power: the
     * next is taken on b − β.
     */
    private static final double PLAIN_OBJECTIVE_STEP = 0.1;
    /** Beyond this |c₂ν| the reversion series is not trusted. */
    private static final double SERIES_LIMIT = 0.25;
    private static final double EPSILON = Math.ulp(1.0);
    private static final double SQRT3 = 1.7320508075688772935;
    private static final double LOG_HALF = -0.69314718055994530942;
    /** 2π/√27, the constant of the lower map. */
    private static final double LOWER_MAP_SCALE = 1.2091995761561452337;
    private static final int LOWER = 0;
    private static final int MIDDLE = 1;
    private static final int UPPER = 2;

    private NormalisedImpliedVol()
    {
    }

    /**
     * @param x    ln(F/K), at most 0.
     * @param beta the normalised out-of-the-money price, 0 &lt; β &lt; e^{x/2}.
     * @param gap  e^{x/2} − β, given separately so that prices near the upper bound keep their precision.
     * @return s = σ√T.
     */
    static double solve(final double x, final double beta, final double gap)
    {
        final double bMax = Exponential.exp(0.5 * x);
        final double fitted = fromFittedGuess(x, beta, bMax);
        if (fitted > 0.0)
        {
            return fitted;
        }
        if (x == 0.0)
        {
            // The inflection point sits at s = 0, where b = 0 and b' = 1/√(2π).
            return aboveInflection(x, beta, gap, bMax, 0.0, 0.0, Normal.INV_SQRT_2PI);
        }
        // At s_c, d1 = 0 and h² + t² = |x|: the density is b_max/√(2π) and b_c = ρ_c·(Y(0) − Y(−s_c)).
        final double sC = Math.sqrt(-2.0 * x);
        final double tC = 0.5 * sC;
        final double vC = Normal.INV_SQRT_2PI * bMax;
        final double bC = NormalisedBlack.guessCall(x, bMax, -tC, tC, vC);
        if (beta < bC)
        {
            return belowInflection(x, beta, bMax, sC, bC, vC);
        }
        return aboveInflection(x, beta, gap, bMax, sC, bC, vC);
    }

    /**
     * On the working range of {@link FittedGuess} its starting point is within about 1e-5, so one correction on
     * b − β (no logarithms, no nodes) is all a solve takes; the test that accepts it is the one {@link #iterate}
     * applies to every step.
     *
     * @return s, or NaN outside that range or when the step does not pass the test (the branches then start over).
     */
    private static double fromFittedGuess(final double x, final double beta, final double bMax)
    {
        final double s = FittedGuess.stdDev(x, beta, bMax);
        if (!(s > 0.0))
        {
            return Double.NaN;
        }
        final double invS = 1.0 / s;
        final double h = x * invS;
        final double t = 0.5 * s;
        final double vega = NormalisedBlack.density(h, t);
        final double value = NormalisedBlack.otmCall(x, h, t, vega);
        if (!(value > 0.0 && vega > 0.0))
        {
            return Double.NaN;
        }
        return plainCorrection((beta - value) / vega, h * invS, s, invS);
    }

    /**
     * {@link #seriesStep} and {@link #isConverged} for the objective b − β alone (all ρ_k = 0), sharing their
     * terms: c_k = P_k/k!.
     *
     * @return s + Δs, or NaN when the step is not certainly the last or |c₂ν| is beyond the series.
     */
    private static double plainCorrection(final double newton, final double hOverS, final double s, final double invS)
    {
        final double q = hOverS * hOverS;
        final double a = q * s - 0.25 * s;
        final double a1 = -3.0 * q - 0.25;
        final double a2 = 12.0 * q * invS;
        final double a3 = -60.0 * q * invS * invS;
        final double p3 = a * a + a1;
        final double p4 = a * p3 + 2.0 * a * a1 + a2;
        final double p5 = a * p4 + 3.0 * a1 * p3 + 3.0 * a * a2 + a3;
        final double c2 = 0.5 * a;
        final double c3 = p3 * (1.0 / 6.0);
        final double c4 = p4 * (1.0 / 24.0);
        final double c5 = p5 * (1.0 / 120.0);
        final double c2Nu = Math.abs(c2 * newton);
        final double size = Math.abs(newton);
        if (!(c2Nu <= SERIES_LIMIT && size <= MAX_CONVERGED_STEP * s))
        {
            return Double.NaN;
        }
        final double b3 = 2.0 * c2 * c2 - c3;
        final double b4 = -5.0 * c2 * c2 * c2 + 5.0 * c2 * c3 - c4;
        final double b5 = 14.0 * c2 * c2 * c2 * c2 - 21.0 * c2 * c2 * c3 + 6.0 * c2 * c4 + 3.0 * c3 * c3 - c5;
        final double ds = newton * (1.0 + newton * (-c2 + newton * (b3 + newton * (b4 + newton * b5))));
        final double kappa = c2Nu + Math.sqrt(Math.abs(c3)) * size;
        final double kappa2 = kappa * kappa;
        final double next = s + ds;
        if (Math.abs(ds) <= EPSILON * next ||
            42.0 * kappa2 * kappa2 * kappa * size <= CONVERGED_ERROR * s && Math.abs(ds) <= 2.0 * size)
        {
            return next;
        }
        return Double.NaN;
    }

    private static double belowInflection(
        final double x, final double beta, final double bMax, final double sC, final double bC, final double vC)
    {
        double sL = sC - bC / vC;
        if (!(sL > 0.0))
        {
            sL = 0.5 * sC;
        }
        final double hL = x / sL;
        final double tL = 0.5 * sL;
        final double vL = NormalisedBlack.density(hL, tL);
        final double bL = NormalisedBlack.guessCall(x, bMax, hL, tL, vL);
        if (beta < bL)
        {
            return iterate(LOWER, x, beta, 0.0, lowerGuess(x, beta, sL, bL), 0.0, widenUp(sL));
        }
        final double width = bC - bL;
        final double r = RationalCubic.convexControlRight(width, sL, sC, 1.0 / vL, 1.0 / vC, 0.0, false);
        final double tau = (beta - bL) / width;
        final double guess = RationalCubic.interpolate(tau, 1.0 - tau, width, sL, sC, 1.0 / vL, 1.0 / vC, r);
        return iterate(MIDDLE, x, beta, 0.0, guess, widenDown(sL), widenUp(sC));
    }

    private static double aboveInflection(
        final double x, final double beta, final double gap, final double bMax, final double sC, final double bC,
        final double vC)
    {
        final double sU = vC > Double.MIN_NORMAL ? sC + (bMax - bC) / vC : sC;
        final double hU = x / sU;
        final double tU = 0.5 * sU;
        final double vU = NormalisedBlack.density(hU, tU);
        final double gapU = NormalisedBlack.guessGap(x, bMax, hU, tU, vU);
        final double bU = bMax - gapU;
        if (beta <= bU)
        {
            final double width = bU - bC;
            final double r = RationalCubic.convexControlLeft(width, sC, sU, 1.0 / vC, 1.0 / vU, 0.0, false);
            final double tau = (beta - bC) / width;
            final double guess = RationalCubic.interpolate(tau, 1.0 - tau, width, sC, sU, 1.0 / vC, 1.0 / vU, r);
            return iterate(MIDDLE, x, beta, 0.0, guess, widenDown(sC), widenUp(sU));
        }
        final double guess = upperGuess(x, gap, sU, gapU);
        if (beta > 0.5 * bMax)
        {
            return iterate(UPPER, x, beta, gap, guess, widenDown(sU), Double.POSITIVE_INFINITY);
        }
        return iterate(MIDDLE, x, beta, 0.0, guess, widenDown(sU), Double.POSITIVE_INFINITY);
    }

    /**
     * The nodes' values of b come from the body forms (4e-14 relative), so β may sit just past a node although the
     * branch chose otherwise: the bracket handed to the corrections is widened by {@link #NODE_MARGIN} so that such
     * a root is still inside it. At s_l and s_c, where b is convex, s·b'/b &ge; 1, so 1e-12 in s covers far more
     * than 4e-14 in b; at s_u (d1 &gt; 0) the gap is the sum of two Mills ratios, as precise as the solver's own.
     */
    private static double widenUp(final double s)
    {
        return s * (1.0 + NODE_MARGIN);
    }

    private static double widenDown(final double s)
    {
        return s * (1.0 - NODE_MARGIN);
    }

    /**
     * Interpolates the lower map f between (0, 0) with slope 1 and (b_l, f(s_l)) with its slope and curvature.
     */
    private static double lowerGuess(final double x, final double beta, final double sL, final double bL)
    {
        final double absX = -x;
        final double z = absX / (SQRT3 * sL);
        final double y = z * z;
        final double mills = Normal.lowerCdfOverPdf(-z);
        // two exponentials serve all three: Φ(−z) = φ(z)·Y(−z) and exp(3y/2) = exp(−y/2)^−3
        final double expEighth = Exponential.exp(0.125 * sL * sL);
        final double expHalfY = Exponential.exp(-0.5 * y);
        final double cdf = Normal.INV_SQRT_2PI * expHalfY * mills;
        final double fL = LOWER_MAP_SCALE * absX * cdf * cdf * cdf;
        final double fpL = y * mills * mills * expEighth;
        final double fppL = Normal.SQRT_2PI * y * mills * expEighth * expEighth / (expHalfY * expHalfY * expHalfY)
            * (2.0 * z / sL + mills * (0.25 * sL - 2.0 * (1.0 + y) / sL));
        final double tau = beta / bL;
        double f = Double.NaN;
        if (Math.abs(fppL) < Double.MAX_VALUE)
        {
            final double r = RationalCubic.convexControlRight(bL, 0.0, fL, 1.0, fpL, fppL, true);
            f = RationalCubic.interpolate(tau, 1.0 - tau, bL, 0.0, fL, 1.0, fpL, r);
        }
        if (!(f > 0.0))
        {
            // The quadratic through f(0) = 0, f'(0) = 1 and f(b_l): rounding can defeat the cubic for |x| ≫ 1.
            f = (fL * tau + bL * (1.0 - tau)) * tau;
        }
        // Φ(−z) = (f/(2π|x|/√27))^⅓, taken through its logarithm, which the tail of Φ⁻¹ wants anyway
        final double logP = Math.min(Logarithm.log(f / (LOWER_MAP_SCALE * absX)) / 3.0, LOG_HALF);
        return absX / (SQRT3 * -Normal.acklamInverseCdfOfLog(logP));
    }

    /**
     * Interpolates the upper map f = Φ(−s/2) between (b_u, f(s_u)) with its slope and curvature and
     * (b_max, 0) with slope −½, in the distance to b_max so that nothing cancels near the top.
     */
    private static double upperGuess(final double x, final double gap, final double sU, final double gapU)
    {
        final double fU = Normal.cdf(-0.5 * sU);
        final double w = (x / sU) * (x / sU);
        final double fpU = -0.5 * Exponential.exp(0.5 * w);
        final double fppU = Normal.SQRT_HALF_PI * Exponential.exp(w + 0.125 * sU * sU) * w / sU;
        final double omTau = gap / gapU;
        final double tau = 1.0 - omTau;
        double f = Double.NaN;
        if (Math.abs(fppU) < Double.MAX_VALUE)
        {
            final double r = RationalCubic.convexControlLeft(gapU, fU, 0.0, fpU, -0.5, fppU, true);
            f = RationalCubic.interpolate(tau, omTau, gapU, fU, 0.0, fpU, -0.5, r);
        }
        if (!(f > 0.0))
        {
            // The quadratic through f(b_u), f(b_max) = 0 and f'(b_max) = −½.
            f = (fU * omTau + 0.5 * gapU * tau) * omTau;
        }
        return -2.0 * Normal.acklamInverseCdf(Math.min(f, 0.5));
    }

    /**
     * Corrects s on the objective g = φ(b(s)) − φ(β) of the branch, with G = b_max − b and L = ln b:
     * MIDDLE φ = b, scale W = b'; LOWER φ = 1/L, W = b'/b; UPPER φ = −ln G, W = b'/G (see {@link #rho}).
     * A step that leaves the bracket found so far is replaced by bisection.
     */
    private static double iterate(
        final int branchObjective, final double x, final double beta, final double gapBeta, final double start,
        final double sLeft, final double sRight)
    {
        final double invLnBeta = branchObjective == LOWER ? 1.0 / Logarithm.log(beta) : 0.0;
        int objective = branchObjective;
        double s = start;
        double left = sLeft;
        double right = sRight;
        for (int i = 0; i < MAX_ITERATIONS; i++)
        {
            if (i > 0 && !(s > left && s < right))
            {
                s = right < Double.POSITIVE_INFINITY ? 0.5 * (left + right) : 2.0 * left;
            }
            final double invS = 1.0 / s;
            final double h = x * invS;
            final double t = 0.5 * s;
            final double vega = NormalisedBlack.density(h, t);
            final double value = objective == UPPER ?
                NormalisedBlack.upperGap(x, h, t, vega) : NormalisedBlack.otmCall(x, h, t, vega);
            final double excess = objective == UPPER ? gapBeta - value : value - beta;
            if (excess > 0.0)
            {
                right = Math.min(right, s);
            }
            else if (excess < 0.0)
            {
                left = Math.max(left, s);
            }
            if (!(value > 0.0 && vega > 0.0))
            {
                // underflow far out: bisect the bracket instead
                s = right < Double.POSITIVE_INFINITY ? 0.5 * (left + right) : 2.0 * s;
                continue;
            }
            final double l = objective == LOWER ? Logarithm.log(value) : 0.0;
            final double w = objective == MIDDLE ? vega : vega / value;
            final double newton = objective == MIDDLE ? -excess / vega :
                objective == LOWER ? (1.0 / l - invLnBeta) * l * l / w : -Logarithm.log(gapBeta / value) / w;
            final double hOverS = h * invS;
            final double step = seriesStep(objective, l, newton, w, hOverS, s, invS);
            final double ds = Math.max(-0.5 * s, step);
            s += ds;
            if (Math.abs(ds) <= EPSILON * s || isConverged(objective, l, ds, s - ds, newton, w, hOverS))
            {
                break;
            }
            if (objective == LOWER && Math.abs(ds) <= PLAIN_OBJECTIVE_STEP * s)
            {
                // this close, b − β is as good an objective as 1/ln b, and needs no logarithm
                objective = MIDDLE;
            }
        }
        return s;
    }

    /**
     * ρ_k = φ⁽ᵏ⁾·(b or G)^(k−1)/φ' of the objective, k = 2 … 5: 0 for MIDDLE, (k − 1)! for UPPER and, for LOWER with
     * L = ln b, −(L + 2)/L, (2L² + 6L + 6)/L², −(6L³ + 22L² + 36L + 24)/L³, (24L⁴ + 100L³ + 210L² + 240L + 120)/L⁴.
     */
    private static double rho(final int objective, final int k, final double l)
    {
        if (objective == MIDDLE)
        {
            return 0.0;
        }
        if (objective == UPPER)
        {
            return k == 2 ? 1.0 : k == 3 ? 2.0 : k == 4 ? 6.0 : 24.0;
        }
        final double il = 1.0 / l;
        switch (k)
        {
            case 2:
                return -(l + 2.0) * il;
            case 3:
                return ((2.0 * l + 6.0) * l + 6.0) * il * il;
            case 4:
                return -(((6.0 * l + 22.0) * l + 36.0) * l + 24.0) * il * il * il;
            default:
                return ((((24.0 * l + 100.0) * l + 210.0) * l + 240.0) * l + 120.0) * il * il * il * il;
        }
    }

    /**
     * The correction from ν and the normalised derivatives of the objective:
     * g''/g' = ρ₂W + P₂, g'''/g' = ρ₃W² + 3ρ₂WP₂ + P₃, g⁗/g' = ρ₄W³ + 6ρ₃W²P₂ + ρ₂W(3P₂² + 4P₃) + P₄,
     * g⁽⁵⁾/g' = ρ₅W⁴ + 10ρ₄W³P₂ + ρ₃W²(15P₂² + 10P₃) + ρ₂W(10P₂P₃ + 5P₄) + P₅, where b⁽ᵏ⁾ = b'·P_k:
     * P₂ = A, P₃ = A² + A', P₄ = A³ + 3AA' + A'', P₅ = A⁴ + 6A²A' + 3A'² + 4AA'' + A'''.
     *
     * @param hOverS x/s².
     */
    private static double seriesStep(
        final int objective, final double l, final double newton, final double w, final double hOverS,
        final double s, final double invS)
    {
        final double rho2 = rho(objective, 2, l);
        final double rho3 = rho(objective, 3, l);
        final double q = hOverS * hOverS;
        final double a = q * s - 0.25 * s;
        final double a1 = -3.0 * q - 0.25;
        final double a2 = 12.0 * q * invS;
        final double a3 = -60.0 * q * invS * invS;
        final double p3 = a * a + a1;
        final double p4 = a * p3 + 2.0 * a * a1 + a2;
        final double p5 = a * p4 + 3.0 * a1 * (a * a + a1) + 3.0 * a * a2 + a3;
        final double c2 = 0.5 * (rho2 * w + a);
        final double c3 = (w * (rho3 * w + 3.0 * rho2 * a) + p3) * (1.0 / 6.0);
        if (Math.abs(c2 * newton) > SERIES_LIMIT)
        {
            return newton * (1.0 + c2 * newton) / (1.0 + newton * (2.0 * c2 + c3 * newton));
        }
        final double rho4 = rho(objective, 4, l);
        final double rho5 = rho(objective, 5, l);
        final double c4 = (w * (w * (rho4 * w + 6.0 * rho3 * a) + rho2 * (3.0 * a * a + 4.0 * p3)) + p4)
            * (1.0 / 24.0);
        final double c5 = (w * (w * (w * (rho5 * w + 10.0 * rho4 * a) + rho3 * (15.0 * a * a + 10.0 * p3))
            + rho2 * (10.0 * a * p3 + 5.0 * p4)) + p5) * (1.0 / 120.0);
        final double b3 = 2.0 * c2 * c2 - c3;
        final double b4 = -5.0 * c2 * c2 * c2 + 5.0 * c2 * c3 - c4;
        final double b5 = 14.0 * c2 * c2 * c2 * c2 - 21.0 * c2 * c2 * c3 + 6.0 * c2 * c4 + 3.0 * c3 * c3 - c5;
        return newton * (1.0 + newton * (-c2 + newton * (b3 + newton * (b4 + newton * b5))));
    }

    /**
     * Whether the step just taken leaves an error below double precision. With κ = |c₂ν| + √|c₃|·|ν|, the
     * nonlinearity over the step, the reversion series (order six) leaves about 42κ⁵|ν| (42 being the next
     * coefficient of the pure quadratic case) and the rational fallback (order four) about 5κ³|ν|; the step
     * itself must also be small, which guards the cases where κ underestimates the higher derivatives.
     */
    private static boolean isConverged(
        final int objective, final double l, final double ds, final double s, final double newton, final double w,
        final double hOverS)
    {
        final double rho2 = rho(objective, 2, l);
        final double rho3 = rho(objective, 3, l);
        final double q = hOverS * hOverS;
        final double a = q * s - 0.25 * s;
        final double c2 = 0.5 * (rho2 * w + a);
        final double c3 = (w * (rho3 * w + 3.0 * rho2 * a) + a * a - 3.0 * q - 0.25) * (1.0 / 6.0);
        final double size = Math.abs(newton);
        if (!(size <= MAX_CONVERGED_STEP * s))
        {
            return false;
        }
        final double kappa = Math.abs(c2 * newton) + Math.sqrt(Math.abs(c3)) * size;
        final double kappa2 = kappa * kappa;
        final double leftOver = Math.abs(c2 * newton) > SERIES_LIMIT ?
            5.0 * kappa2 * kappa * size : 42.0 * kappa2 * kappa2 * kappa * size;
        return leftOver <= CONVERGED_ERROR * s && Math.abs(ds) <= 2.0 * size;
    }
}

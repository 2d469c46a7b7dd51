package org.mmrisk.daemon.var;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A delta-hedged long straddle: 10 calls and 10 puts 100,000 (linear, 1 BTC, 30 days, vol 60%), short the straddle's
 * delta in a linear perpetual of 0.001 BTC, BTC at 100,000 and a configured 60% index vol. Its quadratic form is
 * nearly ½Γy² with Γ > 0: a gain in every scenario (a convex book with no delta, and no time passing in the VaR),
 * skew +2.8, excess kurtosis 12. The 99% loss quantile is then about −½Γs²·χ²₁(0.01) ≈ 0: the book cannot lose.
 * <p>
 * Cornish-Fisher for the lower tail of so skewed a form is not monotone at z = −2.326 (dw/dz < 0), and the
 * normal quantile of κ1, κ2 would report a loss of about 1.14·Γs², while Cornish-Fisher as written gives about
 * −0.47·Γs² (a gain) and the truth is ≈ 0. The book cannot lose more than δ²/(2Γ): the engine's documented rule
 * (docs/var.md) holds the figure within that bound. The test asserts the bound and the truth, and keeps the literal
 * Cornish-Fisher reading disabled.
 */
class LongGammaVarTest
{
    private static final Instant EXPIRY = VarBook.START.plus(Duration.ofDays(30));

    @TempDir
    Path dir;

    @Test
    void shouldNeverReportALossTheBookCannotMake() throws IOException
    {
        final Figures f = figures();
        // ½Γy² + δy ≥ −δ²/(2Γ) for every index move y: the most this book can lose, whatever the expansion says
        final double maxLoss = f.delta * f.delta / (2 * f.gamma);
        System.out.printf("long straddle: delta %.6f gamma %.6e, slope dw/dz %.4f, Cornish-Fisher %.4f, normal of " +
                "κ1, κ2 %.4f, MC of the quadratic form %.4f, max loss %.6f, engine deltaGamma %s deltaNormal %s%n",
            f.delta, f.gamma, f.slope, f.cornishFisher, f.normal, f.monteCarlo, maxLoss,
            f.row == null ? "none" : f.row.path("deltaGamma"), f.row == null ? "none" : f.row.path("deltaNormal"));
        final SoftAssertions soft = new SoftAssertions();
        soft.assertThat(f.gamma).as("long gamma").isPositive();
        soft.assertThat(f.slope).as("Cornish-Fisher not monotone here").isNegative();
        soft.assertThat(f.monteCarlo).as("the form's true 99%% loss: about zero").isCloseTo(0, within(0.01 * f.normal));
        soft.assertThat(f.row).as("var[] BTC").isNotNull();
        if (f.row != null)
        {
            final double engine = f.row.path("deltaGamma").asDouble();
            soft.assertThat(engine).as("engine: within the form's largest loss").isLessThanOrEqualTo(maxLoss * (1 + 1e-9));
            soft.assertThat(engine).as("engine: near the true quantile, far from the normal quantile's phantom loss")
                .isCloseTo(f.monteCarlo, within(0.01 * f.normal));
        }
        soft.assertAll();
    }

    @Test
    @Disabled("docs/var.md replaces Cornish-Fisher outside its domain (dw/dz <= 0) by the normal quantile of κ1, κ2 "
        + "held within the form's largest loss; the definitions ask for Cornish-Fisher: Cornish-Fisher ≈ −0.47·Γs² "
        + "(a gain), engine ≈ the bound δ²/(2Γ) ≈ 0, truth ≈ 0")
    void shouldReportCornishFisherAsDefinedEvenWhereItIsNotMonotone() throws IOException
    {
        final Figures f = figures();
        assertThat(f.row).isNotNull();
        assertThat(f.row.path("deltaGamma").asDouble()).isCloseTo(f.cornishFisher,
            within(1e-8 * Math.abs(f.cornishFisher)));
    }

    /** Everything the two tests compare, from one replay. */
    private static final class Figures
    {
        double delta;
        double gamma;
        double slope;
        double cornishFisher;
        double normal;
        double monteCarlo;
        JsonNode row;
    }

    private Figures figures() throws IOException
    {
        final double fillYears = (30 * 86_400 - 2) / (VarReference.DAYS_PER_YEAR * 86_400);
        final double call = VarReference.black(100_000, 100_000, fillYears, 0.6, true);
        final double put = VarReference.black(100_000, 100_000, fillYears, 0.6, false);
        final double straddleDelta = 10 * (VarReference.blackDelta(100_000, 100_000, fillYears, 0.6, true) +
            VarReference.blackDelta(100_000, 100_000, fillYears, 0.6, false));
        final double hedge = -Math.round(straddleDelta / 0.001);
        final VarBook book = new VarBook().index(1, "BTC").linearPerpetual(2, "BTC", 0.001)
            .linearOption(10, "BTC", 1, EXPIRY, 100_000, true).linearOption(11, "BTC", 1, EXPIRY, 100_000, false)
            .tick(1, 1, 100_000, 100_000).tick(1, 2, 99_999, 100_001)
            .optionTick(1, 10, 0.98 * call, 1.02 * call, 0.6, 100_000, Double.NaN, Double.NaN)
            .optionTick(1, 11, 0.98 * put, 1.02 * put, 0.6, 100_000, Double.NaN, Double.NaN)
            .fill(2, 10, 10, call).fill(2, 11, 10, put).fill(2, 2, hedge, 100_000).timer(3);
        final JsonNode state = book.run(dir, "engine:\n  var:\n    vols: {BTC: 0.6}\n");
        assertThat(state.get("rejects")).as("rejects").isEmpty();
        final Figures f = new Figures();
        final JsonNode underlying = VarBook.underlying(state, "BTC");
        f.delta = underlying.get("delta").asDouble();
        f.gamma = underlying.get("gamma").asDouble();
        final double[][] c = VarReference.priceCovariance(new double[] { underlying.get("index").asDouble() },
            new double[] { 0.6 }, new double[][] { { 1 } }, 1);
        final double[] k = VarReference.cumulants(new double[] { f.delta }, new double[] { f.gamma }, c);
        f.slope = VarReference.cornishFisherSlope(k, 0.99);
        f.cornishFisher = VarReference.cornishFisherLoss(k, 0.99);
        f.normal = -k[0] + Math.sqrt(k[1]) * VarReference.inverseCdf(0.99);
        f.monteCarlo = VarReference.lossQuantile(VarReference.simulate(
            VarReference.quadraticBook(new double[] { f.delta }, new double[] { f.gamma }), c, 200_000, 5), 0.99);
        f.row = VarBook.var(state, "BTC");
        return f;
    }
}

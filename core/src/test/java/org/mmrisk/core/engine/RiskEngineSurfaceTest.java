package org.mmrisk.core.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.pricing.Black76;
import org.mmrisk.core.pricing.OptionGreeks;
import org.mmrisk.core.time.YearFraction;
import org.mmrisk.core.vol.SmileRejectReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * The engine prices options off the SVI surface and the forward curve, with smile-consistent Greeks. Values are
 * checked against SVI and Black-76 evaluated here by hand, and Greeks against finite differences of the engine's
 * own USD values under index moves (sticky moneyness: the smile is re-read at the moved forward).
 */
class RiskEngineSurfaceTest
{
    private static final int INDEX = 1;
    private static final int COIN_CALL = 4;
    private static final int LINEAR_PUT = 5;
    private static final int LONG_CALL = 6;
    private static final int FUTURE_14D = 7;
    private static final int FUTURE_60D = 8;
    private static final long EXPIRY_30D = T0 + 30 * DAY_NS;
    private static final long EXPIRY_60D = T0 + 60 * DAY_NS;
    private static final long EXPIRY_90D = T0 + 90 * DAY_NS;
    private static final double SPOT = 100_000;
    private static final double BASIS_PER_YEAR = 0.05;
    private static final double[] SMILE_30D = { 0.02, 0.10, -0.5, 0.0, 0.2 };
    private static final double[] SMILE_90D = { 0.06, 0.12, -0.5, 0.0, 0.2 };
    /** Axel Vogt's smile: every parameter check passes, the density does not. */
    private static final double[] VOGT = { -0.0410, 0.1331, 0.3060, 0.3586, 0.4153 };

    private final TestEvents events = new TestEvents();
    private final RecordingOutput output = new RecordingOutput();
    private final EngineConfig config = new EngineConfig().fallbackBasisPerYear(BASIS_PER_YEAR).conclude();
    private RiskEngine engine;

    @BeforeEach
    void setUp()
    {
        engine = new RiskEngine(config, output);
        apply(events.index(INDEX));
        apply(events.inverseOption(COIN_CALL, EXPIRY_30D, 110_000, PutCall.CALL));
        apply(events.linearOption(LINEAR_PUT, EXPIRY_30D, 90_000, PutCall.PUT));
        apply(events.inverseOption(LONG_CALL, EXPIRY_90D, 120_000, PutCall.CALL));
        apply(events.tick(T0, INDEX, SPOT, SPOT));
    }

    @Test
    void shouldPriceOptionsAtTheSviVolOfTheirMoneynessAgainstTheFallbackForward()
    {
        applySurface(T0 + 1, SMILE_30D, SMILE_90D);

        final double years = YearFraction.years(T0 + 1, EXPIRY_30D);
        final double forward = SPOT * Math.exp(BASIS_PER_YEAR * years);
        final double callVol = sviVol(SMILE_30D, Math.log(110_000 / forward), years);
        final double putVol = sviVol(SMILE_30D, Math.log(90_000 / forward), years);

        assertThat(risk(COIN_CALL).forward).isCloseTo(forward, within(forward * 1e-14));
        assertThat(risk(COIN_CALL).iv).isCloseTo(callVol, within(1e-13));
        assertThat(risk(LINEAR_PUT).iv).isCloseTo(putVol, within(1e-13));
        assertThat(risk(COIN_CALL).priceUsd)
            .isCloseTo(SPOT * Black76.price(true, forward, 110_000, years, callVol, 0) / forward, within(1e-8));
        assertThat(risk(LINEAR_PUT).priceUsd)
            .isCloseTo(0.01 * Black76.price(false, forward, 90_000, years, putVol, 0), within(1e-10));
    }

    @Test
    void shouldGiveSmileConsistentDeltaAndGammaEqualToFiniteDifferencesOfTheUsdValue()
    {
        applySurface(T0 + 1, SMILE_30D, SMILE_90D);
        final double h = 20;
        final double[] coinCall = new double[3];
        final double[] linearPut = new double[3];
        for (int i = 0; i < 3; i++)
        {
            apply(events.tick(T0 + 1, INDEX, SPOT + (i - 1) * h, SPOT + (i - 1) * h));
            coinCall[i] = risk(COIN_CALL).priceUsd;
            linearPut[i] = risk(LINEAR_PUT).priceUsd;
        }
        apply(events.tick(T0 + 1, INDEX, SPOT, SPOT));

        for (final int id : new int[] { COIN_CALL, LINEAR_PUT })
        {
            final double[] values = id == COIN_CALL ? coinCall : linearPut;
            final ContractRisk risk = risk(id);
            final double fdDelta = (values[2] - values[0]) / (2 * h);
            final double fdGamma = (values[2] - 2 * values[1] + values[0]) / (h * h);
            assertThat(risk.delta).isCloseTo(fdDelta, within(Math.abs(fdDelta) * 1e-6));
            assertThat(risk.gamma).isCloseTo(fdGamma, within(Math.abs(fdGamma) * 1e-3));
            // the smile term is material: the plain Black delta would fail the same check
            final double basis = risk.forward / SPOT;
            final double plainDelta = id == COIN_CALL ? risk.forwardDelta : basis * risk.forwardDelta;
            assertThat(Math.abs(plainDelta - fdDelta)).isGreaterThan(Math.abs(fdDelta) * 1e-3);
        }
    }

    @Test
    void shouldRejectAnArbitrageableSmileWithAReasonAndKeepThePreviousOne()
    {
        applySurface(T0 + 1, SMILE_30D, SMILE_90D);
        final double before = risk(COIN_CALL).iv;

        final RiskEvent vol = events.smiles(T0 + 2, false);
        events.smile(EXPIRY_30D, VOGT[0], VOGT[1], VOGT[2], VOGT[3], VOGT[4]);
        assertThat(apply(vol)).isEqualTo(RejectReason.INVALID_SMILE);

        assertThat(engine.lastSmileReject()).isEqualTo(SmileRejectReason.NEGATIVE_DENSITY);
        assertThat(output.alerts).contains(AlertCode.SMILE_REJECTED);
        assertThat(output.alertValues.get(output.alerts.lastIndexOf(AlertCode.SMILE_REJECTED)))
            .isEqualTo((double)SmileRejectReason.NEGATIVE_DENSITY.ordinal());
        apply(events.timer(T0 + 2));
        final double years = YearFraction.years(T0 + 2, EXPIRY_30D);
        final double forward = SPOT * Math.exp(BASIS_PER_YEAR * years);
        assertThat(risk(COIN_CALL).iv).isCloseTo(sviVol(SMILE_30D, Math.log(110_000 / forward), years), within(1e-13));
        assertThat(risk(COIN_CALL).iv).isCloseTo(before, within(1e-6));
    }

    @Test
    void shouldRejectAWholeSurfaceWhenOneSmileIsBadWithoutApplyingTheGoodOnes()
    {
        applySurface(T0 + 1, SMILE_30D, SMILE_90D);
        final double call30 = risk(COIN_CALL).iv;
        final double call90 = risk(LONG_CALL).iv;

        final RiskEvent surface = events.smiles(T0 + 1, true);
        events.smile(EXPIRY_30D, SMILE_30D[0] + 0.01, SMILE_30D[1], SMILE_30D[2], SMILE_30D[3], SMILE_30D[4]);
        events.smile(EXPIRY_90D, 0.06, 1.5, 0.5, 0.0, 0.2);
        assertThat(apply(surface)).isEqualTo(RejectReason.INVALID_SMILE);
        assertThat(engine.lastSmileReject()).isEqualTo(SmileRejectReason.SLOPE_TOO_STEEP);

        apply(events.timer(T0 + 1));
        assertThat(risk(COIN_CALL).iv).isEqualTo(call30);
        assertThat(risk(LONG_CALL).iv).isEqualTo(call90);
    }

    @Test
    void shouldRejectAnExpiredSmileAsAnInvalidSmileWithItsCheckAndAnAlert()
    {
        applySurface(T0 + 1, SMILE_30D, SMILE_90D);
        final long nowNs = T0 + 2 * DAY_NS;
        apply(events.timer(nowNs));

        // one expiry's smile, expiring now: not after engine time
        final RiskEvent vol = events.smiles(nowNs, false);
        events.smile(nowNs, SMILE_30D[0], SMILE_30D[1], SMILE_30D[2], SMILE_30D[3], SMILE_30D[4]);
        assertRejectedSmile(vol, SmileRejectReason.EXPIRED, 1);

        // a surface whose first smile expired yesterday: the whole surface is refused, the good smile too
        final RiskEvent surface = events.smiles(nowNs, true);
        events.smile(nowNs - DAY_NS, SMILE_30D[0], SMILE_30D[1], SMILE_30D[2], SMILE_30D[3], SMILE_30D[4]);
        events.smile(EXPIRY_30D, SMILE_30D[0] + 0.01, SMILE_30D[1], SMILE_30D[2], SMILE_30D[3], SMILE_30D[4]);
        assertRejectedSmile(surface, SmileRejectReason.EXPIRED, 2);

        // the 30-day option is still priced off the smile the surface had, at its vols as fitted
        apply(events.timer(nowNs + 1));
        final double years = YearFraction.years(T0 + 1, EXPIRY_30D);
        final double forward = risk(COIN_CALL).forward;
        assertThat(risk(COIN_CALL).iv).isCloseTo(sviVol(SMILE_30D, Math.log(110_000 / forward), years), within(1e-13));
    }

    @Test
    void shouldRejectAnEmptySurfaceAsAnInvalidSmileWithItsCheckAndAnAlert()
    {
        applySurface(T0 + 1, SMILE_30D, SMILE_90D);
        final double call30 = risk(COIN_CALL).iv;
        final double call90 = risk(LONG_CALL).iv;

        // refused rather than read as "clear the surface"
        assertRejectedSmile(events.smiles(T0 + 1, true), SmileRejectReason.EMPTY_SURFACE, 1);

        apply(events.timer(T0 + 1));
        assertThat(risk(COIN_CALL).iv).isEqualTo(call30);
        assertThat(risk(LONG_CALL).iv).isEqualTo(call90);
    }

    @Test
    void shouldLeaveNoUnderlyingBehindWhenTheFirstSmileOfANewOneIsRejected()
    {
        final int underlyingsBefore = engine.underlyings().size();
        final RiskEvent vol = events.smiles(T0 + 1, false);
        vol.underlying = org.mmrisk.core.event.AsciiCode.pack("SOL");
        events.smile(T0 + 30 * DAY_NS, 0.02, 1.9, -0.1, 0.0, 0.2);

        assertThat(apply(vol)).isEqualTo(RejectReason.INVALID_SMILE);
        assertThat(engine.underlyings()).hasSize(underlyingsBefore);

        final RiskEvent valid = events.smiles(T0 + 1, false);
        valid.underlying = org.mmrisk.core.event.AsciiCode.pack("SOL");
        events.smile(T0 + 30 * DAY_NS, 0.02, 0.1, -0.1, 0.0, 0.2);
        assertThat(apply(valid)).isNull();
        assertThat(engine.underlyings()).hasSize(underlyingsBefore + 1);
    }

    /**
     * The update is rejected as INVALID_SMILE with {@code check} as its detail and alert value, and counted.
     */
    private void assertRejectedSmile(final RiskEvent event, final SmileRejectReason check, final int rejectedSoFar)
    {
        final int alertsBefore = output.alerts.size();
        final long volUpdates = engine.counters().get(EngineCounter.VOL_UPDATES);

        assertThat(apply(event)).isEqualTo(RejectReason.INVALID_SMILE);

        assertThat(engine.lastSmileReject()).isEqualTo(check);
        assertThat(output.alerts.subList(alertsBefore, output.alerts.size())).containsExactly(AlertCode.SMILE_REJECTED);
        assertThat(output.alertValues.get(alertsBefore)).isEqualTo((double)check.ordinal());
        assertThat(engine.counters().rejected(RejectReason.INVALID_SMILE)).isEqualTo(rejectedSoFar);
        assertThat(engine.counters().rejected(RejectReason.EXPIRED_INSTRUMENT)).isZero();
        assertThat(engine.counters().rejected(RejectReason.MISSING_FIELD)).isZero();
        assertThat(engine.counters().get(EngineCounter.REJECTED)).isEqualTo(rejectedSoFar);
        assertThat(engine.counters().get(EngineCounter.VOL_UPDATES)).isEqualTo(volUpdates);
    }

    @Test
    void shouldTakeTheForwardFromFuturesAndInterpolateTheLogBasisBetweenThem()
    {
        apply(events.linearFuture(FUTURE_14D, T0 + 14 * DAY_NS));
        apply(events.linearFuture(FUTURE_60D, EXPIRY_60D));
        apply(events.inverseOption(9, EXPIRY_60D, 100_000, PutCall.PUT));
        apply(events.tick(T0 + 1, FUTURE_14D, 100_300, 100_400));
        apply(events.tick(T0 + 1, FUTURE_60D, 101_500, 101_600));
        applySurface(T0 + 1, SMILE_30D, SMILE_90D);

        final double t1 = YearFraction.years(T0 + 1, T0 + 14 * DAY_NS);
        final double t2 = YearFraction.years(T0 + 1, EXPIRY_60D);
        final double t = YearFraction.years(T0 + 1, EXPIRY_30D);
        final double q1 = Math.log(100_350 / SPOT) / t1;
        final double q2 = Math.log(101_550 / SPOT) / t2;
        final double q = q1 + (q2 - q1) * (t - t1) / (t2 - t1);
        assertThat(risk(COIN_CALL).forward).isCloseTo(SPOT * Math.exp(q * t), within(1e-8));
        assertThat(risk(9).forward).isEqualTo(101_550.0);
    }

    @Test
    void shouldKeepTheVenueForwardAsABasisThatMovesWithTheIndex()
    {
        apply(events.optionTick(T0 + 1, COIN_CALL, 0.03, 0.031, 0.6, 101_000));
        assertThat(risk(COIN_CALL).forward).isCloseTo(101_000, within(1e-9));

        apply(events.tick(T0 + 2, INDEX, 102_000, 102_000));
        assertThat(risk(COIN_CALL).forward).isCloseTo(101_000 * 1.02, within(1e-9));
    }

    @Test
    void shouldUseTheTickMarkIvWithoutASurfaceAndTheSurfaceOnceOneArrives()
    {
        apply(events.optionTick(T0 + 1, COIN_CALL, 0.03, 0.031, 0.6, 101_000));
        assertThat(risk(COIN_CALL).iv).isEqualTo(0.6);

        applySurface(T0 + 2, SMILE_30D, SMILE_90D);
        final double years = YearFraction.years(T0 + 2, EXPIRY_30D);
        assertThat(risk(COIN_CALL).iv).isCloseTo(sviVol(SMILE_30D, Math.log(110_000 / 101_000.0), years), within(1e-13));
    }

    @Test
    void shouldImplyTheVolFromTheMarkWhenNeitherSurfaceNorMarkIvIsGiven()
    {
        final double markCoins = 0.0215;
        apply(events.markTick(T0 + 1, COIN_CALL, markCoins));

        final ContractRisk risk = risk(COIN_CALL);
        assertThat(risk.priced).isTrue();
        assertThat(risk.iv).isBetween(0.05, 3.0);
        // USD value of one coin-settled contract: S · C(F)/F = S · mark
        assertThat(risk.priceUsd).isCloseTo(SPOT * markCoins, within(SPOT * markCoins * 1e-11));
    }

    @Test
    void shouldPriceAnOptionInsideThePinFloorAsIfTheFloorRemained()
    {
        final long expiryNs = T0 + 3_600_000_000_000L;
        apply(events.linearOption(10, expiryNs, 99_000, PutCall.CALL));
        apply(events.optionTick(T0 + 1, 10, 1, 2, 0.5, SPOT));
        final long nowNs = expiryNs - 60_000_000_000L;
        apply(events.timer(nowNs));

        final OptionGreeks floor = new OptionGreeks();
        Black76.greeks(true, SPOT, 99_000, config.optionTimeFloorYears(), 0.5, 0, floor);
        assertThat(risk(10).gamma).isCloseTo(0.01 * floor.gamma, within(Math.abs(floor.gamma) * 1e-14));
        assertThat(risk(10).theta).isCloseTo(0.01 * floor.theta, within(Math.abs(floor.theta) * 1e-14));
    }

    private void applySurface(final long timeNs, final double[] smile30, final double[] smile90)
    {
        final RiskEvent surface = events.smiles(timeNs, true);
        events.smile(EXPIRY_30D, smile30[0], smile30[1], smile30[2], smile30[3], smile30[4]);
        events.smile(EXPIRY_90D, smile90[0], smile90[1], smile90[2], smile90[3], smile90[4]);
        assertThat(apply(surface)).isNull();
    }

    /**
     * Raw SVI written out here, independently of the surface code: w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)).
     */
    private static double sviVol(final double[] p, final double k, final double years)
    {
        final double x = k - p[3];
        final double w = p[0] + p[1] * (p[2] * x + Math.sqrt(x * x + p[4] * p[4]));
        return Math.sqrt(w / years);
    }

    private ContractRisk risk(final int id)
    {
        return engine.instruments().get(id).risk();
    }

    private RejectReason apply(final RiskEvent event)
    {
        return TestEvents.apply(engine, event);
    }
}

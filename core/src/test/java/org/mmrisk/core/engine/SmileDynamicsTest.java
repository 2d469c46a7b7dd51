package org.mmrisk.core.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.time.YearFraction;
import org.mmrisk.core.vol.SmileDynamics;
import org.mmrisk.core.vol.SviSmile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.engine.TestEvents.BTC;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * Each smile dynamic gives smile-consistent Greeks: the book's delta, gamma and theta equal finite differences of
 * its full revaluation (every contract repriced from the surface) under that dynamic; and each dynamic moves the
 * vols it says it moves.
 */
class SmileDynamicsTest
{
    private static final int INDEX = 1;
    private static final int FIRST_OPTION = 10;
    private static final long[] EXPIRIES = { T0 + 7 * DAY_NS, T0 + 30 * DAY_NS };
    /** Skewed smiles, so that the dynamics differ. */
    private static final double[][] SMILES = { { 0.002, 0.02, -0.5, 0.02, 0.1 }, { 0.01, 0.06, -0.5, 0.02, 0.15 } };
    /** Two quoted expiries and one between them, read by interpolation. */
    private static final long[] OPTION_EXPIRIES = { EXPIRIES[0], T0 + 15 * DAY_NS, EXPIRIES[1] };
    private static final double[] STRIKES = { 85_000, 95_000, 100_000, 110_000, 120_000 };
    /** Two days after the fit, with the index 3% higher: held vols, the strike shift and the delta stretch all show. */
    private static final long NOW_NS = T0 + 2 * DAY_NS;
    private static final double INDEX_NOW = 103_000;

    private final TestEvents events = new TestEvents();
    private long timeNs = NOW_NS;
    private RiskEngine engine;

    private void book(final SmileDynamics dynamics)
    {
        // a sweep of every contract at every batch: the engine's figures are its full revaluation
        engine = new RiskEngine(new EngineConfig().reanchorSliceSize(1_000_000).equityDelta(false)
            .smileDynamics(BTC, dynamics).conclude(), new RecordingOutput());
        apply(events.index(INDEX));
        int id = FIRST_OPTION;
        for (final long expiryNs : OPTION_EXPIRIES)
        {
            for (final double strike : STRIKES)
            {
                final PutCall putCall = strike < 100_000 ? PutCall.PUT : PutCall.CALL;
                apply(id % 2 == 0 ? events.inverseOption(id, expiryNs, strike, putCall) :
                    events.linearOption(id, expiryNs, strike, putCall));
                id++;
            }
        }
        apply(events.tick(T0, INDEX, 100_000, 100_000));
        final org.mmrisk.core.event.RiskEvent surface = events.smiles(T0, true);
        for (int e = 0; e < EXPIRIES.length; e++)
        {
            events.smile(EXPIRIES[e], SMILES[e][0], SMILES[e][1], SMILES[e][2], SMILES[e][3], SMILES[e][4]);
        }
        apply(surface);
        for (int i = FIRST_OPTION; i < id; i++)
        {
            apply(events.fill(T0 + 1, i, i % 3 == 0 ? Side.SELL : Side.BUY, 5 + i % 4, 0.01));
        }
        apply(events.tick(NOW_NS, INDEX, INDEX_NOW, INDEX_NOW));
    }

    @ParameterizedTest
    @EnumSource(SmileDynamics.class)
    void shouldReportADeltaAndGammaEqualToFiniteDifferencesOfTheFullRevaluation(final SmileDynamics dynamics)
    {
        book(dynamics);
        final double delta = bookDelta();
        final double gamma = bookGamma();
        final double h = 1e-3 * INDEX_NOW;
        final double valueNow = valueAt(INDEX_NOW);
        final double valueUp = valueAt(INDEX_NOW + h);
        final double valueDown = valueAt(INDEX_NOW - h);

        final double deltaByDifferences = (valueUp - valueDown) / (2 * h);
        final double gammaByDifferences = (valueUp - 2 * valueNow + valueDown) / (h * h);
        assertThat(delta).isCloseTo(deltaByDifferences, within(1e-5 * grossDelta()));
        assertThat(gamma).isCloseTo(gammaByDifferences, within(1e-3 * Math.abs(gamma) + 1e-12));
    }

    @ParameterizedTest
    @EnumSource(SmileDynamics.class)
    void shouldReportAThetaEqualToTheFullRevaluationsDecay(final SmileDynamics dynamics)
    {
        book(dynamics);
        final double theta = bookTheta();
        final double valueNow = valueAt(INDEX_NOW);
        final double stepDays = 1.0 / 144;
        timeNs += 600_000_000_000L;

        final double decay = valueAt(INDEX_NOW) - valueNow;
        // to second order: over ten minutes the theta of the 5-day wings changes by about 0.7% (it scales like
        // e^(−k²/2σ²T)/√T), so the decay differs from theta × dt by about half that
        assertThat(decay).isCloseTo(theta * stepDays, within(0.005 * Math.abs(theta * stepDays)));
    }

    @ParameterizedTest
    @EnumSource(SmileDynamics.class)
    void shouldMoveEachOptionsVolAsItsDynamicSays(final SmileDynamics dynamics)
    {
        book(dynamics);
        for (int id = FIRST_OPTION; id < FIRST_OPTION + 2 * STRIKES.length; id++)
        {
            final InstrumentState s = engine.instruments().get(id);
            if (s.instrument().expiryNs() == OPTION_EXPIRIES[1])
            {
                continue;
            }
            final SviSmile fitted = smileOf(s.instrument().expiryNs());
            final double strike = s.instrument().strike();
            final double forward = s.risk().forward;
            final double fitYears = YearFraction.years(T0, s.instrument().expiryNs());
            final double years = YearFraction.years(NOW_NS, s.instrument().expiryNs());
            final double k = Math.log(strike / forward);
            final double expected = switch (dynamics)
            {
                case STICKY_MONEYNESS -> fitted.impliedVol(k, fitYears);
                // the forward at the fit moved with the index: the strike's moneyness then
                case STICKY_STRIKE -> fitted.impliedVol(Math.log(strike / (forward * 100_000 / INDEX_NOW)), fitYears);
                case STICKY_DELTA -> fitted.impliedVol(k * Math.sqrt(fitYears / years), fitYears);
            };

            assertThat(s.risk().iv).as("%s iv of %s", dynamics, s.instrument().symbol())
                .isCloseTo(expected, within(1e-13));
        }
    }

    private static SviSmile smileOf(final long expiryNs)
    {
        final double[] p = SMILES[expiryNs == EXPIRIES[0] ? 0 : 1];
        return new SviSmile().set(p[0], p[1], p[2], p[3], p[4]);
    }

    /**
     * The book's value by full revaluation with the index at {@code indexUsd}, one nanosecond on.
     */
    private double valueAt(final double indexUsd)
    {
        apply(events.tick(++timeNs, INDEX, indexUsd, indexUsd));
        double value = 0;
        for (final InstrumentState s : options())
        {
            value += s.position().quantity() * s.risk().valueUsd;
        }
        return value;
    }

    private double bookDelta()
    {
        double delta = 0;
        for (final InstrumentState s : options())
        {
            delta += s.position().quantity() * s.risk().delta;
        }
        return delta;
    }

    private double grossDelta()
    {
        double gross = 0;
        for (final InstrumentState s : options())
        {
            gross += Math.abs(s.position().quantity() * s.risk().delta);
        }
        return gross;
    }

    private double bookGamma()
    {
        double gamma = 0;
        for (final InstrumentState s : options())
        {
            gamma += s.position().quantity() * s.risk().gamma;
        }
        return gamma;
    }

    private double bookTheta()
    {
        double theta = 0;
        for (final InstrumentState s : options())
        {
            theta += s.position().quantity() * s.risk().theta;
        }
        return theta;
    }

    private Iterable<InstrumentState> options()
    {
        final java.util.List<InstrumentState> options = new java.util.ArrayList<>();
        for (final InstrumentState s : engine.instruments().values())
        {
            if (s.instrument().isOption())
            {
                assertThat(s.risk().priced).as("%s priced", s.instrument().symbol()).isTrue();
                options.add(s);
            }
        }
        return options;
    }

    private void apply(final org.mmrisk.core.event.RiskEvent event)
    {
        assertThat(TestEvents.apply(engine, event)).as("%s", event.type).isNull();
    }
}

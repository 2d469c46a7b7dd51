package org.mmrisk.core.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.exposure.ExposureBuckets;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.pricing.Black76;
import org.mmrisk.core.time.YearFraction;
import org.mmrisk.core.vol.SviSmile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * Rate, basis and smile-shape sensitivities per contract equal central differences of a Black-76 revaluation under
 * the documented shocks, computed here from the smile's parameters; per expiry they add up in the buckets.
 */
class SurfaceRiskTest
{
    private static final int INDEX = 1;
    private static final int FUTURE = 2;
    private static final int PERP = 3;
    private static final int FIRST_OPTION = 10;
    private static final long[] EXPIRIES = { T0 + 7 * DAY_NS, T0 + 60 * DAY_NS };
    private static final double[][] SMILES = { { 0.003, 0.03, -0.4, 0.0, 0.1 }, { 0.02, 0.08, -0.4, 0.0, 0.2 } };
    private static final double[] STRIKES = { 70_000, 85_000, 100_000, 115_000, 140_000 };

    private final TestEvents events = new TestEvents();
    private RiskEngine engine;
    private int lastOption;

    @BeforeEach
    void setUp()
    {
        engine = new RiskEngine(new EngineConfig().reanchorSliceSize(1_000_000).equityDelta(false).conclude(),
            new RecordingOutput());
        apply(events.index(INDEX));
        apply(events.linearFuture(FUTURE, EXPIRIES[1]));
        apply(events.inversePerpetual(PERP));
        int id = FIRST_OPTION;
        for (final long expiryNs : EXPIRIES)
        {
            for (final double strike : STRIKES)
            {
                for (final PutCall putCall : new PutCall[]{ PutCall.CALL, PutCall.PUT })
                {
                    apply(id % 2 == 0 ? events.inverseOption(id, expiryNs, strike, putCall) :
                        events.linearOption(id, expiryNs, strike, putCall));
                    id++;
                }
            }
        }
        lastOption = id - 1;
        apply(events.tick(T0, INDEX, 100_000, 100_000));
        apply(events.tick(T0, FUTURE, 101_000, 101_010));
        apply(events.tick(T0, PERP, 100_020, 100_030));
        final RiskEvent surface = events.smiles(T0, true);
        for (int e = 0; e < EXPIRIES.length; e++)
        {
            events.smile(EXPIRIES[e], SMILES[e][0], SMILES[e][1], SMILES[e][2], SMILES[e][3], SMILES[e][4]);
        }
        apply(surface);
        for (int i = FIRST_OPTION; i <= lastOption; i++)
        {
            apply(events.fill(T0 + 1, i, i % 3 == 0 ? Side.SELL : Side.BUY, 1 + i % 5, 0.01));
        }
        apply(events.fill(T0 + 1, FUTURE, Side.BUY, 30, 101_005));
        apply(events.fill(T0 + 1, PERP, Side.SELL, 4_000, 100_025));
        apply(events.tick(T0 + 2, INDEX, 100_000, 100_000));
    }

    @Test
    void shouldGiveEachOptionsSmileShapeRateAndBasisSensitivityByCentralDifferences()
    {
        for (int id = FIRST_OPTION; id <= lastOption; id++)
        {
            final InstrumentState s = engine.instruments().get(id);
            final Instrument instrument = s.instrument();
            final ContractRisk r = s.risk();
            final double years = YearFraction.years(T0 + 2, instrument.expiryNs());
            final double callDelta = callDelta(r.forward, instrument.strike(), years, r.iv);
            final double rrShock = 0.01 * (1 - 2 * callDelta);
            final double bfShock = 0.01 * 16 * (callDelta - 0.5) * (callDelta - 0.5);
            final double eps = 0.01;
            final String name = instrument.symbol() + " K=" + instrument.strike() + " " + instrument.putCall();

            // the differences' own error is (εΔσ)²·∂³V/∂σ³ / 6, up to 1e-6 of the figure in the deep wings
            assertThat(r.riskReversal25).as("RR25 of %s", name).isCloseTo(
                (usdValue(s, r.forward, r.iv + eps * rrShock, 0) - usdValue(s, r.forward, r.iv - eps * rrShock, 0)) /
                (2 * eps), within(1e-5 * Math.abs(r.riskReversal25) + 1e-10));
            assertThat(r.butterfly25).as("BF25 of %s", name).isCloseTo(
                (usdValue(s, r.forward, r.iv + eps * bfShock, 0) - usdValue(s, r.forward, r.iv - eps * bfShock, 0)) /
                (2 * eps), within(1e-5 * Math.abs(r.butterfly25) + 1e-10));
            final double bp = 1e-4;
            assertThat(r.rho).as("rho of %s", name).isCloseTo(
                (usdValue(s, r.forward, r.iv, bp) - usdValue(s, r.forward, r.iv, -bp)) / (2 * bp) * 0.01,
                within(1e-6 * Math.abs(r.rho) + 1e-12));
            // the forward up 1% at a fixed index, the smile sliding with it (sticky moneyness)
            final double h = 1e-5;
            final double up = r.forward * (1 + h);
            final double down = r.forward * (1 - h);
            final double byDifferences = (usdValue(s, up, smileVol(s, up), 0) - usdValue(s, down, smileVol(s, down), 0)) /
                (2 * h) * 0.01;
            assertThat(r.basisDelta).as("basis delta of %s", name)
                .isCloseTo(byDifferences, within(1e-6 * Math.abs(byDifferences) + 1e-9));
        }
    }

    @Test
    void shouldGiveFuturesTheirBasisP_L()
    {
        final ContractRisk future = engine.instruments().get(FUTURE).risk();
        final ContractRisk perp = engine.instruments().get(PERP).risk();

        // linear: 0.01 coin × F per 1%; inverse: its coin P&L 10·(1/entry − 1/F) in USD at the index
        assertThat(future.basisDelta).isCloseTo(0.01 * 0.01 * future.forward, within(1e-12));
        final double index = 100_000;
        final double h = 1e-5;
        final double coinPnl = 10 * (1 / (perp.forward * (1 - h)) - 1 / (perp.forward * (1 + h))) * index;
        assertThat(perp.basisDelta).isCloseTo(coinPnl / (2 * h) * 0.01, within(1e-8 * Math.abs(perp.basisDelta)));
        assertThat(future.rho).isZero();
        assertThat(future.riskReversal25).isZero();
    }

    @Test
    void shouldAddUpEachExpirysSurfaceRiskInItsBucket()
    {
        final UnderlyingRisk u = engine.underlyings().get(0);
        final double[] figures = new double[6];
        for (final long expiryNs : EXPIRIES)
        {
            double vega = 0;
            double rho = 0;
            double basis = 0;
            double rr = 0;
            double bf = 0;
            for (final InstrumentState s : engine.instruments().values())
            {
                if (s.instrument().expiryNs() == expiryNs)
                {
                    final double q = s.position().quantity();
                    vega += q * s.risk().vega;
                    rho += q * s.risk().rho;
                    basis += q * s.risk().basisDelta;
                    rr += q * s.risk().riskReversal25;
                    bf += q * s.risk().butterfly25;
                }
            }
            u.sums().buckets().readExpirySurface(expiryNs, u.indexUsd(), u.sums().evaluatedNs(), figures);

            final double tolerance = 1e-9 * (Math.abs(vega) + 1);
            assertThat(figures[0]).isCloseTo(vega, within(tolerance));
            final double days = YearFraction.days(u.sums().evaluatedNs(), expiryNs);
            assertThat(figures[1]).isCloseTo(vega * Math.sqrt(30 / days), within(tolerance));
            assertThat(figures[2]).isCloseTo(rho, within(tolerance));
            assertThat(figures[3]).isCloseTo(basis, within(1e-9 * (Math.abs(basis) + 1)));
            assertThat(figures[4]).isCloseTo(rr, within(tolerance));
            assertThat(figures[5]).isCloseTo(bf, within(tolerance));
        }
        u.sums().buckets().readExpirySurface(ExposureBuckets.NO_EXPIRY, u.indexUsd(), u.sums().evaluatedNs(), figures);
        assertThat(figures[1]).as("no time weight without an expiry").isZero();
        assertThat(figures[3]).as("the perpetual's basis").isNotZero();
    }

    private static double callDelta(final double forward, final double strike, final double years, final double vol)
    {
        final double stdDev = vol * Math.sqrt(years);
        final double d1 = (Math.log(forward / strike) + 0.5 * stdDev * stdDev) / stdDev;
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-d1 / Math.sqrt(2));
    }

    /**
     * USD value of one contract at forward F (index fixed at 100,000), vol and rate: c·C(F) linear, c·S·C(F)/F
     * coin-settled.
     */
    private static double usdValue(final InstrumentState s, final double forward, final double vol, final double rate)
    {
        final Instrument instrument = s.instrument();
        final double years = YearFraction.years(T0 + 2, instrument.expiryNs());
        final double price = Black76.price(instrument.isCall(), forward, instrument.strike(), years, vol, rate);
        return instrument.contractSize() * (instrument.isInverse() ? 100_000 * price / forward : price);
    }

    /**
     * The smile's vol at this strike for another forward, from the fitted parameters held two nanoseconds on.
     */
    private static double smileVol(final InstrumentState s, final double forward)
    {
        final long expiryNs = s.instrument().expiryNs();
        final double[] p = SMILES[expiryNs == EXPIRIES[0] ? 0 : 1];
        final SviSmile smile = new SviSmile().set(p[0], p[1], p[2], p[3], p[4]);
        return smile.impliedVol(Math.log(s.instrument().strike() / forward), YearFraction.years(T0, expiryNs));
    }

    private void apply(final RiskEvent event)
    {
        assertThat(TestEvents.apply(engine, event)).as("%s", event.type).isNull();
    }
}

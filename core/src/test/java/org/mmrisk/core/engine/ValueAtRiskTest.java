package org.mmrisk.core.engine;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Settlement;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.limits.PortfolioLimitKind;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.state.StateReader;
import org.mmrisk.core.state.StateWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.engine.TestEvents.BTC;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * The engine's VaR on books whose answer is worked by hand: coin balances are pure delta (equity counts as delta),
 * so delta-gamma equals delta-normal, z·√(δ'Σ̃δ); the estimator's vols against the closed-form weighted average of
 * the sampled returns, and the fallback before minSamples; the VaR limits on the ladder; a restored engine continuing
 * exactly.
 */
class ValueAtRiskTest
{
    private static final long ETH = AsciiCode.pack("ETH");
    private static final double Z99 = 2.3263478740408408;
    private static final double H = 1 / 365.25;
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final int BTC_INDEX = 1;
    private static final int ETH_INDEX = 2;

    private final TestEvents events = new TestEvents();
    private final RecordingOutput output = new RecordingOutput();

    private static EngineConfig twoCoins()
    {
        final EngineConfig config = new EngineConfig().coinBalance(BTC, 2.0).coinBalance(ETH, -30.0);
        config.var().vol(BTC, 0.6).vol(ETH, 0.8).correlation(ETH, BTC, 0.7);
        return config;
    }

    private RiskEngine engine(final EngineConfig config)
    {
        final RiskEngine engine = new RiskEngine(config.conclude(), output);
        TestEvents.apply(engine, events.index(BTC_INDEX));
        final RiskEvent eth = events.instrument(ETH_INDEX, "ETH-INDEX", InstrumentKind.INDEX, Settlement.LINEAR, "USD",
            "USD", 1, ContractUnit.COIN, 0.01);
        eth.underlying = ETH;
        TestEvents.apply(engine, eth);
        return engine;
    }

    private void prices(final RiskEngine engine, final long timeNs, final double btc, final double eth)
    {
        // one batch: both indices move before its end
        engine.onEvent(events.tick(timeNs, BTC_INDEX, btc, btc));
        engine.onEvent(events.tick(timeNs, ETH_INDEX, eth, eth));
        engine.onBatchEnd();
    }

    private static UnderlyingRisk named(final RiskEngine engine, final String name)
    {
        return engine.underlyings().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldComputeDeltaNormalByHandForTwoCoinsWithAConfiguredCorrelation()
    {
        final RiskEngine engine = engine(twoCoins());
        prices(engine, T0, 100_000, 4_000);

        // USD sd of each book over one day: δ·S·σ·√h
        final double btc = 2 * 100_000 * 0.6 * Math.sqrt(H);
        final double eth = -30 * 4_000 * 0.8 * Math.sqrt(H);
        final UnderlyingVar b = named(engine, "BTC").valueAtRisk();
        final UnderlyingVar e = named(engine, "ETH").valueAtRisk();
        assertThat(b.deltaNormalUsd()).isCloseTo(Z99 * btc, within(1e-6));
        assertThat(e.deltaNormalUsd()).isCloseTo(Z99 * -eth, within(1e-6));
        // no gamma: the Cornish–Fisher quantile is the normal one
        assertThat(b.deltaGammaUsd()).isCloseTo(b.deltaNormalUsd(), within(1e-6));
        final double portfolio = Z99 * Math.sqrt(btc * btc + eth * eth + 2 * 0.7 * btc * eth);
        final ValueAtRisk var = engine.valueAtRisk();
        assertThat(var.portfolioDeltaNormalUsd()).isCloseTo(portfolio, within(1e-6));
        assertThat(var.portfolioDeltaGammaUsd()).isCloseTo(portfolio, within(1e-6));
        assertThat(var.correlationUsed(named(engine, "BTC"), named(engine, "ETH"))).isEqualTo(0.7);
        // a long BTC, short ETH book diversifies: less than the sum
        assertThat(portfolio).isLessThan(b.deltaNormalUsd() + e.deltaNormalUsd());
        // and the snapshot carries the underlying's own figures
        assertThat(output.snapshotVars).isNotEmpty();
        assertThat(output.snapshotVars.get(0)).isCloseTo(Z99 * btc, within(1e-6));
    }

    @Test
    void shouldUseTheFallbackUntilMinSamplesThenTheWeightedAverageOfTheSampledReturns()
    {
        final EngineConfig config = new EngineConfig().coinBalance(BTC, 1.0).coinBalance(ETH, 10.0)
            .indexVolatility(0.5);
        config.var().minSamples(3).defaultCorrelation(0.25);
        final RiskEngine engine = engine(config);
        final double[] btc = { 100_000, 100_500, 99_800, 100_900, 100_100 };
        final double[] eth = { 4_000, 4_030, 3_990, 4_050, 4_020 };
        // batch ends at 0, 61, 121, 185, 240 s after a minute boundary: each is the first at or after its minute
        final long start = (T0 / MINUTE_NS + 1) * MINUTE_NS;
        final long[] at = { start, start + 61_000_000_000L, start + 121_000_000_000L, start + 185_000_000_000L,
            start + 240_000_000_000L };
        for (int i = 0; i < btc.length; i++)
        {
            prices(engine, at[i], btc[i], eth[i]);
            // a batch end inside the same minute takes no sample
            prices(engine, at[i] + 1_000_000_000L, btc[i], eth[i]);
            if (i < 3)
            {
                // 0, 1, 2 returns so far when this batch's VaR was computed (the sample comes last)
                assertThat(engine.valueAtRisk().volUsed(named(engine, "BTC"))).isEqualTo(0.5);
            }
        }
        // 4 returns; the VaR of the next batch uses them
        prices(engine, at[4] + 2_000_000_000L, btc[4], eth[4]);
        final double halfLifeNs = 259_200e9;
        double sumBb = 0;
        double sumBe = 0;
        double sumEe = 0;
        double weights = 0;
        for (int i = 1; i < btc.length; i++)
        {
            // weight of return i: (1 − keep_i) times every later keep, keep = 2^(−Δt/half-life)
            double w = 1 - Math.pow(2, -(at[i] - at[i - 1]) / halfLifeNs);
            for (int j = i + 1; j < btc.length; j++)
            {
                w *= Math.pow(2, -(at[j] - at[j - 1]) / halfLifeNs);
            }
            final double years = (at[i] - at[i - 1]) / (365.25 * 86_400e9);
            final double rb = Math.log(btc[i] / btc[i - 1]);
            final double re = Math.log(eth[i] / eth[i - 1]);
            sumBb += w * rb * rb / years;
            sumBe += w * rb * re / years;
            sumEe += w * re * re / years;
            weights += w;
        }
        final ValueAtRisk var = engine.valueAtRisk();
        assertThat(var.volUsed(named(engine, "BTC"))).isCloseTo(Math.sqrt(sumBb / weights), within(1e-12));
        assertThat(var.volUsed(named(engine, "ETH"))).isCloseTo(Math.sqrt(sumEe / weights), within(1e-12));
        assertThat(var.correlationUsed(named(engine, "BTC"), named(engine, "ETH")))
            .isCloseTo(sumBe / Math.sqrt(sumBb * sumEe), within(1e-12));
        assertThat(var.estimator().count(0, 0)).isEqualTo(4);
    }

    @Test
    void shouldBeUnknownWhileAPositionCannotBePriced()
    {
        final RiskEngine engine = engine(twoCoins());
        final int call = 10;
        TestEvents.apply(engine, events.linearOption(call, T0 + 30 * 24 * 60 * MINUTE_NS, 100_000, PutCall.CALL));
        // a call bought and never quoted: the engine cannot price it, so BTC's delta and gamma leave it out
        TestEvents.apply(engine, events.fill(T0, call, Side.BUY, 10, 1_000));
        prices(engine, T0 + 1, 100_000, 4_000);
        assertThat(named(engine, "BTC").unpricedPositions()).isEqualTo(1);
        assertThat(named(engine, "BTC").valueAtRisk().deltaNormalUsd()).isNaN();
        assertThat(named(engine, "BTC").valueAtRisk().deltaGammaUsd()).isNaN();
        assertThat(engine.valueAtRisk().portfolioDeltaGammaUsd()).isNaN();
        assertThat(named(engine, "ETH").valueAtRisk().deltaGammaUsd())
            .isCloseTo(Z99 * 30 * 4_000 * 0.8 * Math.sqrt(H), within(1e-6));
    }

    @Test
    void shouldMoveTheLadderOnAVarLimitAndAPortfolioVarLimit()
    {
        final EngineConfig config = twoCoins();
        config.limit(BTC, LimitKind.VAR, 10_000).portfolioLimit(PortfolioLimitKind.TOTAL_VAR, 1e9);
        final RiskEngine engine = engine(config);
        prices(engine, T0, 100_000, 4_000);
        // BTC's own VaR ≈ 14,607 USD against 10,000: above haltAt 1.5? no: 1.46, REDUCE_ONLY
        assertThat(output.alertCopies).anyMatch(a -> a.code == AlertCode.LIMIT_VAR && a.underlying == BTC);
        assertThat(named(engine, "BTC").state().name()).isEqualTo("REDUCE_ONLY");
        assertThat(output.alerts).doesNotContain(AlertCode.LIMIT_TOTAL_VAR);
    }

    @Test
    void shouldContinueExactlyAfterARestore()
    {
        final EngineConfig config = new EngineConfig().coinBalance(BTC, 1.0).coinBalance(ETH, -10.0);
        config.var().minSamples(2);
        final RiskEngine a = engine(config);
        final java.util.Random random = new java.util.Random(5);
        double btc = 100_000;
        double eth = 4_000;
        long t = T0;
        for (int i = 0; i < 20; i++)
        {
            t += 7_000_000_000L + random.nextInt(60_000) * 1_000_000L;
            btc *= Math.exp(0.002 * random.nextGaussian());
            eth *= Math.exp(0.003 * random.nextGaussian());
            prices(a, t, btc, eth);
        }
        final StateWriter writer = new StateWriter(1 << 16);
        a.saveState(writer);
        final RiskEngine b = new RiskEngine(config, new RecordingOutput());
        b.restoreState(new StateReader(writer.buffer(), 0, writer.length()));
        for (int i = 0; i < 40; i++)
        {
            t += 7_000_000_000L + random.nextInt(60_000) * 1_000_000L;
            btc *= Math.exp(0.002 * random.nextGaussian());
            eth *= Math.exp(0.003 * random.nextGaussian());
            prices(a, t, btc, eth);
            prices(b, t, btc, eth);
            assertThat(b.valueAtRisk().portfolioDeltaGammaUsd()).isEqualTo(a.valueAtRisk().portfolioDeltaGammaUsd());
            assertThat(named(b, "ETH").valueAtRisk().deltaGammaUsd())
                .isEqualTo(named(a, "ETH").valueAtRisk().deltaGammaUsd());
        }
        assertThat(b.valueAtRisk().volUsed(named(b, "BTC"))).isEqualTo(a.valueAtRisk().volUsed(named(a, "BTC")))
            .isNotEqualTo(config.indexVolatility());
    }
}

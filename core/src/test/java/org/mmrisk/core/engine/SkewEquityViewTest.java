package org.mmrisk.core.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.limits.LimitKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * The skew's gamma axis for an inverse perpetual, against the documented rule computed by hand:
 * shiftUsd_i = −(δ_i·γσ_S²τ·q + γ_i·W_ΓΓ·Γ + ν_i·W_νν·V). With the coin P&L counted as equity delta, the perpetual
 * and its coin P&L hold c/entry coins whatever the index, so γ_i is 0; without, γ_i is the contract's own −b/F per
 * coin. Checked through the engine's skew table and through the full pass it is compared with.
 */
class SkewEquityViewTest
{
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final int CALL = 4;
    private static final double SPOT = 100_000;
    private static final double PERP_MID = 100_400;
    private static final double GAMMA_WEIGHT = 3e8;

    private final TestEvents events = new TestEvents();
    private final RecordingOutput output = new RecordingOutput();
    private RiskEngine engine;

    private void start(final boolean equityDelta, final boolean fullPass)
    {
        start(new EngineConfig().equityDelta(equityDelta), fullPass);
    }

    private void start(final EngineConfig unconcluded, final boolean fullPass)
    {
        final EngineConfig config = unconcluded.maxQuotesPerSecond(0).skewWeights(GAMMA_WEIGHT, 0).conclude();
        engine = new RiskEngine(config, output);
        if (fullPass)
        {
            FullPassSkew.use(engine);
        }
        apply(events.index(INDEX));
        apply(events.inversePerpetual(PERP));
        apply(events.inverseOption(CALL, T0 + 30 * DAY_NS, 100_000, PutCall.CALL));
        apply(events.tick(T0, INDEX, SPOT, SPOT));
        apply(events.tick(T0, PERP, PERP_MID - 0.25, PERP_MID + 0.25));
        apply(events.optionTick(T0 + 1, CALL, 0.05, 0.051, 0.6, 100_500));
        // a perpetual position of its own, so that the aggregation takes its equity view when equity counts
        apply(events.fill(T0 + 2, PERP, Side.SELL, 1000, PERP_MID));
        // then a long option book, the batch whose quotes are checked: gamma for the skew's gamma axis
        apply(events.fill(T0 + 3, CALL, Side.BUY, 100, 0.05));
    }

    private void apply(final RiskEvent event)
    {
        assertThat(TestEvents.apply(engine, event)).isNull();
    }

    @ParameterizedTest(name = "full pass: {0}")
    @ValueSource(booleans = {false, true})
    void shouldGiveAnInversePerpetualNoSkewGammaWhenItsCoinPnlCountsAsEquity(final boolean fullPass)
    {
        start(true, fullPass);

        final double expected = -(perpetualDeltaPerCoin() * deltaTermUsd() + 0 * GAMMA_WEIGHT * btc().gamma());
        assertThat(btc().gamma()).isPositive();
        assertThat(output.lastShift.get(PERP)).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    @ParameterizedTest(name = "full pass: {0}")
    @ValueSource(booleans = {false, true})
    void shouldGiveAnInversePerpetualItsContractGammaInTheSkewWhenEquityIsNotCounted(final boolean fullPass)
    {
        start(false, fullPass);

        // USD view: −c·b/F² per contract of c/F coins, −b/F per coin
        final double gammaPerCoin = -(PERP_MID / SPOT) / PERP_MID;
        final double expected = -(perpetualDeltaPerCoin() * deltaTermUsd() + gammaPerCoin * GAMMA_WEIGHT * btc().gamma());
        assertThat(gammaPerCoin * GAMMA_WEIGHT * btc().gamma()).isNotCloseTo(0, within(0.01 * Math.abs(expected)));
        assertThat(output.lastShift.get(PERP)).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    @ParameterizedTest(name = "full pass: {0}")
    @ValueSource(booleans = {false, true})
    void shouldQuoteNeitherSideOfAnInversePerpetualWhenReducingDollarGammaWithEquityCounted(final boolean fullPass)
    {
        // about 2.3e5 USD of dollar gamma after the option fill: REDUCE_ONLY on the gamma axis
        start(new EngineConfig().equityDelta(true).limit(AsciiCode.NONE, LimitKind.DOLLAR_GAMMA, 2e5), fullPass);

        assertThat(btc().state()).isEqualTo(QuotingState.REDUCE_ONLY);
        assertThat(btc().quoting().reduceAxis()).isEqualTo(LimitKind.DOLLAR_GAMMA);
        // the perpetual with its coin P&L has no gamma to reduce; the long call only sells
        assertThat(output.lastQuote.get(PERP).bidSizeMult).isZero();
        assertThat(output.lastQuote.get(PERP).askSizeMult).isZero();
        assertThat(output.lastQuote.get(CALL).bidSizeMult).isZero();
        assertThat(output.lastQuote.get(CALL).askSizeMult).isEqualTo(1);
    }

    /** δ_i per coin of notional: the basis F/S (c/F coins of contract, each moving with the forward). */
    private static double perpetualDeltaPerCoin()
    {
        return PERP_MID / SPOT;
    }

    /** γ·σ_S²·τ·q, σ_S = vol × S. */
    private double deltaTermUsd()
    {
        final EngineConfig config = engine.config();
        final double sigmaUsd = config.indexVolatility() * SPOT;
        return config.riskAversionPerUsd() * sigmaUsd * sigmaUsd * config.skewHorizonYears() * btc().delta();
    }

    private UnderlyingRisk btc()
    {
        return engine.underlyings().get(0);
    }
}

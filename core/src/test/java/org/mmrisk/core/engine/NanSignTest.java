package org.mmrisk.core.engine;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.HedgeConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.skew.SkewRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing the engine decides or sends may depend on the sign bit of a NaN. Java fixes every finite result bit for
 * bit, but not which NaN an operation returns: with two NaN operands x86 returns the first, and the JIT may swap the
 * operands of a commutative operation, so the same input can give {@code +NaN} while a method is interpreted and
 * {@code -NaN} once it is compiled. {@code Math.copySign} with a NaN as the sign reads that bit; had the engine let it
 * through, a replay of the journal could differ from the live run (hostile input reaches such NaNs through overflow).
 * The hedge's other non-finite cases (an infinite delta, infinitely many contracts) send nothing either.
 */
class NanSignTest
{
    private static final double POSITIVE_NAN = Double.longBitsToDouble(0x7ff8000000000000L);
    private static final double NEGATIVE_NAN = Double.longBitsToDouble(0xfff8000000000000L);
    private static final long BTC = AsciiCode.pack("BTC");
    private static final HedgeConfig HEDGING = new HedgeConfig("BTC-PERPETUAL", 1.0, false, 1_000_000_000L);

    @Test
    void theTwoNansDifferOnlyInTheirSignBit()
    {
        assertThat(Double.isNaN(POSITIVE_NAN) && Double.isNaN(NEGATIVE_NAN)).isTrue();
        assertThat(Math.copySign(1.0, POSITIVE_NAN)).isNotEqualTo(Math.copySign(1.0, NEGATIVE_NAN));
    }

    @Test
    void shouldGiveNoVolShiftForANanShiftWhateverItsSign()
    {
        for (final double vegaUsdPerCoin : new double[] {0, -1, Double.NaN, 2.5})
        {
            assertThat(SkewRule.shiftInVolPoints(POSITIVE_NAN, vegaUsdPerCoin, 5)).as("+NaN, vega %s", vegaUsdPerCoin)
                .isNaN();
            assertThat(SkewRule.shiftInVolPoints(NEGATIVE_NAN, vegaUsdPerCoin, 5)).as("-NaN, vega %s", vegaUsdPerCoin)
                .isNaN();
        }
    }

    @Test
    void shouldStillCapAnInfiniteShiftTowardsItsSign()
    {
        assertThat(SkewRule.shiftInVolPoints(Double.POSITIVE_INFINITY, 0, 5)).isEqualTo(5);
        assertThat(SkewRule.shiftInVolPoints(Double.NEGATIVE_INFINITY, 0, 5)).isEqualTo(-5);
        assertThat(SkewRule.shiftInVolPoints(-3, 0, 5)).isEqualTo(-5);
    }

    @Test
    void shouldSendNoHedgeOnANanDeltaWhateverItsSign()
    {
        for (final double delta : new double[] {POSITIVE_NAN, NEGATIVE_NAN})
        {
            assertThat(decide(new HedgeSignals(), delta, 1.0)).as("a hedge on delta %s",
                Long.toHexString(Double.doubleToRawLongBits(delta))).isFalse();
        }
    }

    @Test
    void shouldSendNoHedgeOfInfinitelyManyContracts()
    {
        for (final double[] deltaAndHedgeDelta : new double[][] {{Double.POSITIVE_INFINITY, 1.0},
            {Double.NEGATIVE_INFINITY, 1.0}, {1e300, 1e-300}})
        {
            assertThat(decide(new HedgeSignals(), deltaAndHedgeDelta[0], deltaAndHedgeDelta[1]))
                .as("a hedge on delta %s per %s", deltaAndHedgeDelta[0], deltaAndHedgeDelta[1]).isFalse();
        }
    }

    @Test
    void shouldStillHedgeAFiniteDeltaOutsideTheBand()
    {
        final HedgeSignals signals = new HedgeSignals();

        assertThat(decide(signals, 3.4, 1.0)).isTrue();
        assertThat(signals.signal().quantity).as("contracts back to the band's edge").isEqualTo(2);
        assertThat(signals.signal().deltaTarget).isEqualTo(1.0);
    }

    /**
     * The decision for an underlying at {@code deltaCoins} whose hedge instrument is priced at {@code hedgeDelta}
     * coins per contract, no hedge outstanding.
     */
    private static boolean decide(final HedgeSignals signals, final double deltaCoins, final double hedgeDelta)
    {
        final InstrumentState hedge = new InstrumentState(7);
        hedge.risk().priced = true;
        hedge.risk().delta = hedgeDelta;
        return signals.decide(BTC, deltaCoins, hedge, new HedgeStatus(), HEDGING, 0);
    }
}

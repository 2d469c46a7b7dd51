package org.mmrisk.core.output;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.event.QuotingState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output contract: required fields finite, optional ones finite or absent (NaN), never infinite.
 */
class FiniteOutputsTest
{
    @Test
    void shouldAcceptAnAbsentVolShiftButNoOtherNonFiniteFieldOfAQuote()
    {
        final QuoteAdjustment q = quote();
        assertThat(FiniteOutputs.isFinite(q)).isTrue();
        q.shiftVol = Double.NaN;
        assertThat(FiniteOutputs.isFinite(q)).as("absent").isTrue();
        q.shiftVol = Double.POSITIVE_INFINITY;
        assertThat(FiniteOutputs.isFinite(q)).isFalse();
        for (int field = 0; field < 5; field++)
        {
            final QuoteAdjustment bad = quote();
            final double nan = Double.NaN;
            switch (field)
            {
                case 0 -> bad.shift = nan;
                case 1 -> bad.bidSpreadMult = nan;
                case 2 -> bad.askSpreadMult = Double.NEGATIVE_INFINITY;
                case 3 -> bad.bidSizeMult = nan;
                default -> bad.askSizeMult = nan;
            }
            assertThat(FiniteOutputs.isFinite(bad)).as("field %d", field).isFalse();
            FiniteOutputs.halt(bad);
            assertThat(FiniteOutputs.isFinite(bad)).isTrue();
            assertThat(bad.state).isEqualTo(QuotingState.HALT);
            assertThat(bad.bidSizeMult + bad.askSizeMult).isZero();
        }
    }

    @Test
    void shouldRefuseAHedgeOrASnapshotWithANonFiniteNumber()
    {
        final HedgeSignal h = new HedgeSignal();
        h.quantity = 3;
        h.deltaBefore = 2;
        h.deltaTarget = 0;
        assertThat(FiniteOutputs.isFinite(h)).isTrue();
        h.quantity = Double.POSITIVE_INFINITY;
        assertThat(FiniteOutputs.isFinite(h)).isFalse();

        final RiskSnapshot s = new RiskSnapshot();
        s.positionCount = 1;
        s.expiryCount = 1;
        assertThat(FiniteOutputs.isFinite(s)).isTrue();
        s.expiryButterfly25[0] = Double.NaN;
        assertThat(FiniteOutputs.isFinite(s)).as("an expiry's figure").isFalse();
        s.expiryButterfly25[0] = 0;
        s.positionUnrealizedPnlUsd[0] = Double.NEGATIVE_INFINITY;
        assertThat(FiniteOutputs.isFinite(s)).as("a position's figure").isFalse();
        s.positionUnrealizedPnlUsd[0] = 0;
        s.deltaUsd = Double.NaN;
        assertThat(FiniteOutputs.isFinite(s)).isFalse();
        s.deltaUsd = 0;
        s.positionCount = 0;
        s.quantity[0] = Double.NaN;
        assertThat(FiniteOutputs.isFinite(s)).as("past the positions sent").isTrue();
    }

    @Test
    void shouldSendAnAlertsInfiniteNumbersAsAbsent()
    {
        final Alert a = new Alert().set(1, AlertCode.LIMIT_DELTA, 0, 0, Double.POSITIVE_INFINITY, 40,
            QuotingState.HALT);
        assertThat(FiniteOutputs.isFinite(a)).isFalse();
        FiniteOutputs.withholdInfinite(a);
        assertThat(a.value).isNaN();
        assertThat(a.threshold).isEqualTo(40);
        assertThat(FiniteOutputs.isFinite(a)).isTrue();
    }

    private static QuoteAdjustment quote()
    {
        final QuoteAdjustment q = new QuoteAdjustment();
        q.shift = -0.5;
        q.shiftVol = 0.1;
        q.bidSpreadMult = 1;
        q.askSpreadMult = 1;
        q.bidSizeMult = 1;
        q.askSizeMult = 0;
        q.state = QuotingState.REDUCE_ONLY;
        return q;
    }
}

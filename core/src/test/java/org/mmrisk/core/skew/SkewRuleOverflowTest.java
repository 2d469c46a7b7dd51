package org.mmrisk.core.skew;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The skew's arithmetic at values too large for a double: an index of 1e290 squares to infinity, and infinity times
 * a zero exposure, or infinity minus infinity, is NaN. A NaN shift used to go out at full size; now a flat book has
 * no delta term whatever the index, and a shift that is not finite marks the instrument's risk unknown (HALT).
 */
class SkewRuleOverflowTest
{
    private static final double RISK_AVERSION_PER_USD = 1e-6;
    private static final double INDEX_VOL = 0.5;
    private static final double HORIZON_YEARS = 1.0 / 365.25;

    @Test
    void shouldGiveAFlatBookNoDeltaTermWhateverTheIndex()
    {
        final double sigmaUsd = INDEX_VOL * 1e290;
        assertThat(RISK_AVERSION_PER_USD * sigmaUsd * sigmaUsd * HORIZON_YEARS * 0.0).as("the fault: ∞·0").isNaN();

        assertThat(SkewRule.deltaTermUsd(RISK_AVERSION_PER_USD, INDEX_VOL, 1e290, HORIZON_YEARS, 0.0)).isZero();
        assertThat(SkewRule.deltaTermUsd(RISK_AVERSION_PER_USD, INDEX_VOL, 1e5, HORIZON_YEARS, 0.0)).isZero();
    }

    @Test
    void shouldKeepTheDeltaTermOfAnOrdinaryBookBitForBit()
    {
        final double sigmaUsd = INDEX_VOL * 1e5;
        assertThat(SkewRule.deltaTermUsd(RISK_AVERSION_PER_USD, INDEX_VOL, 1e5, HORIZON_YEARS, 2.5))
            .isEqualTo(RISK_AVERSION_PER_USD * sigmaUsd * sigmaUsd * HORIZON_YEARS * 2.5);
    }

    @Test
    void shouldCallAShiftFromAnOverflowingBookUnknown()
    {
        // an index of 1e290 with a position, or a coin balance of 1e308 at an ordinary index: the term overflows
        final double fromIndex = SkewRule.deltaTermUsd(RISK_AVERSION_PER_USD, INDEX_VOL, 1e290, HORIZON_YEARS, 1.0);
        final double fromEquity = SkewRule.deltaTermUsd(RISK_AVERSION_PER_USD, INDEX_VOL, 1e5, HORIZON_YEARS, 1e308);
        assertThat(fromIndex).isInfinite();
        assertThat(fromEquity).isInfinite();

        // an option with no delta left and the overflowing term: ∞·0; a delta term against an opposite gamma one: ∞ − ∞
        final double noDelta = SkewRule.shiftUsd(0.0, 0.0, 0.1, fromIndex, 0.0, 1.0);
        final double opposite = SkewRule.shiftUsd(1.0, 1.0, 0.0, fromEquity, Double.NEGATIVE_INFINITY, 0.0);
        assertThat(noDelta).isNaN();
        assertThat(opposite).isNaN();
        final double shiftVol = SkewRule.shiftVol(true, noDelta, 0.1, 5);

        assertThat(SkewRule.isKnown(SkewRule.shift(noDelta, 1.0), shiftVol, true, 1.0)).isFalse();
        assertThat(SkewRule.isKnown(SkewRule.shift(opposite, 1.0), Double.NaN, false, 1.0)).isFalse();
        assertThat(SkewRule.isKnown(SkewRule.shift(-fromEquity, 1.0), Double.NaN, false, 1.0)).isFalse();
        assertThat(SkewRule.isKnown(1.5, Double.NaN, false, Double.POSITIVE_INFINITY)).as("an infinite spread")
            .isFalse();
        assertThat(SkewRule.isKnown(1.5, Double.NaN, false, 1.2)).as("a future's absent vol shift").isTrue();
        assertThat(SkewRule.isKnown(1.5, 0.3, true, 1.2)).isTrue();
    }

    @Test
    void shouldDecideAnUnpricedInstrumentOnlyWhenItsHaltChangesWhatWasSent()
    {
        assertThat(SkewRule.isHaltDue(false, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN))
            .as("never sent").isFalse();
        assertThat(SkewRule.isHaltDue(true, false, 0.5, 1.0, 1.0, 1.0)).as("last sent NORMAL").isTrue();
        assertThat(SkewRule.isHaltDue(true, true, 0.5, 1.0, 0.0, 0.0)).as("halted already").isFalse();
        assertThat(SkewRule.isHaltDue(true, true, Double.NaN, 1.0, 0.0, 0.0)).as("halted with a NaN").isTrue();
        assertThat(SkewRule.isHaltDue(true, true, 0.5, 1.0, 1.0, 0.0)).as("a HALT that quoted a side").isTrue();
    }
}

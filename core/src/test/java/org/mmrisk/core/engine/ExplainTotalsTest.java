package org.mmrisk.core.engine;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.exposure.PnlExplain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The coin explain is the second-order expansion of the book's value in coins, V(S, σ)/S: checked on books whose
 * value is a known function of the index and the vol, against the exact change of that function.
 */
class ExplainTotalsTest
{
    private static final double INDEX = 100_000;

    @Test
    void shouldExplainAnIndexMoveInCoinsToSecondOrder()
    {
        // V(S) = 5·10⁵ + 3S − 10⁻⁵S² + 4 coins held (4S): the coins add 4 to Δ and 4S to V, nothing in coins
        final ExplainTotals totals = new ExplainTotals();
        final double valueStart = value(INDEX);
        totals.startIfNeeded(valueStart, valueStart, INDEX, 0);
        final double move = 1_500;
        totals.marketStep(valueStart, 3 - 2e-5 * INDEX + 4, -2e-5, -250, INDEX, move, 0.5);

        final PnlExplain coin = totals.totalCoin();
        final double exact = value(INDEX + move) / (INDEX + move) - valueStart / INDEX;
        assertThat(Math.abs(exact - coin.delta())).as("gamma matters").isGreaterThan(5e-4);
        // what is left is third order: V/S has a third derivative of −3·10⁶/S⁴ here
        assertThat(coin.delta() + coin.gamma()).isCloseTo(exact, within(0.02 * Math.abs(exact - coin.delta())));
        assertThat(coin.theta()).as("theta at a fixed index, in coins").isCloseTo(-250 * 0.5 / INDEX, within(1e-18));
    }

    @Test
    void shouldBookNothingInCoinsForCoinsHeldAndTheirDeltaInUsd()
    {
        // 7 coins, worth 7S, through a 2,000 move; then 2 more bought at the new index: inventory, not P&L
        final double indexAfter = INDEX + 2_000;
        final ExplainTotals totals = new ExplainTotals();
        totals.startIfNeeded(7 * INDEX, 7 * INDEX, INDEX, 0);
        totals.marketStep(7 * INDEX, 7, 0, 0, INDEX, 2_000, 1);
        totals.trade(7 * indexAfter, 9 * indexAfter, 7 * indexAfter, 9 * indexAfter, indexAfter);

        assertThat(totals.total().delta()).isEqualTo(7 * 2_000.0);
        assertThat(totals.total().actual(9 * indexAfter)).isEqualTo(7 * 2_000.0);
        assertThat(totals.totalCoin().delta()).isCloseTo(0, within(1e-15));
        assertThat(totals.totalCoin().gamma()).isCloseTo(0, within(1e-15));
        assertThat(totals.totalCoin().actual(9 * indexAfter / indexAfter)).isCloseTo(0, within(1e-15));
    }

    @Test
    void shouldExplainAVolChangeCrossedWithAnIndexMoveInCoinsToSecondOrder()
    {
        // V(S, σ) = a·S·σ + b·σ² (σ in vol points): ν = a·S + 2b·σ, volga = 2b, vanna = a, Δ = a·σ, Γ = 0
        final double a = 0.08;
        final double b = -900;
        final double vol = 55;
        final double volMove = -1.2;
        final double move = -2_000;
        final ExplainTotals totals = new ExplainTotals();
        final double valueStart = volValue(a, b, INDEX, vol);
        totals.startIfNeeded(valueStart, valueStart, INDEX, 0);
        totals.marketStep(valueStart, a * vol, 0, 0, INDEX, move, 0);
        totals.volChange(1, a * INDEX + 2 * b * vol, 2 * b, a, volMove, INDEX, move);

        final PnlExplain coin = totals.totalCoin();
        final double valueNowCoin = volValue(a, b, INDEX + move, vol + volMove) / (INDEX + move);
        final double exact = valueNowCoin - valueStart / INDEX;
        assertThat(coin.vega()).isCloseTo((a + 2 * b * vol / INDEX) * volMove, within(1e-15));
        assertThat(coin.explained()).isCloseTo(exact, within(1e-4 * Math.abs(exact)));
        assertThat(coin.unexplained(valueNowCoin)).isCloseTo(exact - coin.explained(), within(1e-15));

        final ExplainTotals uncrossed = new ExplainTotals();
        uncrossed.startIfNeeded(valueStart, valueStart, INDEX, 0);
        uncrossed.marketStep(valueStart, a * vol, 0, 0, INDEX, move, 0);
        uncrossed.volChange(1, a * INDEX + 2 * b * vol, 2 * b, a, volMove, INDEX, 0);
        assertThat(Math.abs(uncrossed.totalCoin().explained() - exact)).as("the cross term matters")
            .isGreaterThan(100 * Math.abs(coin.explained() - exact));
    }

    private static double value(final double indexUsd)
    {
        return 5e5 + 3 * indexUsd - 1e-5 * indexUsd * indexUsd + 4 * indexUsd;
    }

    private static double volValue(final double a, final double b, final double indexUsd, final double vol)
    {
        return a * indexUsd * vol + b * vol * vol;
    }
}

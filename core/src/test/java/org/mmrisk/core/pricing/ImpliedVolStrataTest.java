package org.mmrisk.core.pricing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Implied volatility round trip on the 10,416-point {@link PricingGrid}, side by side with Strata's
 * {@code BlackFormulaRepository.impliedVolatility} (which takes the undiscounted price).
 * <p>
 * The input is our discounted price. Where its time value exceeds {@link ImpliedVol#MIN_TIME_VALUE_RATIO}·F the
 * recovered vol must reprice to 1e-12 relative; below, the status must be {@link ImpliedVolStatus#AT_BOUND}.
 * Strata "fails" a point when it throws or its vol reprices worse than 1e-12. The points where Strata fails and
 * ours solves are counted and pinned: {@value #STRATA_FAILURES_WHERE_OURS_SOLVED} with strata-pricer 2.12.48 (all
 * of them vols that reprice worse than 1e-12; none throws). A change in that count is a change in Strata or in our
 * prices: look before updating it, and update bench/BENCHMARKS.md with it.
 */
class ImpliedVolStrataTest
{
    private static final double REPRICE_RELATIVE = 1e-12;
    private static final int STRATA_FAILURES_WHERE_OURS_SOLVED = 23;

    private final ImpliedVolResult result = new ImpliedVolResult();
    private final List<String> failures = new ArrayList<>();
    private int solved;
    private int atBound;
    private int strataThrew;
    private int strataInaccurate;
    private int strataThrewWhereOursSolved;
    private int strataInaccurateWhereOursSolved;
    private double worstReprice;

    @Test
    void shouldRoundTripImpliedVolOnTheGridAndCountStrataFailures()
    {
        PricingGrid.forEach(this::checkPoint);
        System.out.printf("IV grid: %d points. Time value > 1e-14·F at %d: ours reprices all to 1e-12 (worst %.2e); " +
            "Strata threw at %d and was off by more than 1e-12 at %d. Below: ours AT_BOUND at all %d; Strata threw " +
            "at %d, off at %d%n", PricingGrid.size(), solved, worstReprice, strataThrewWhereOursSolved,
            strataInaccurateWhereOursSolved, atBound, strataThrew - strataThrewWhereOursSolved,
            strataInaccurate - strataInaccurateWhereOursSolved);
        assertThat(failures).isEmpty();
        assertThat(solved + atBound).isEqualTo(PricingGrid.size());
        assertThat(strataThrewWhereOursSolved + strataInaccurateWhereOursSolved)
            .as("grid points where Strata's solver failed and ours did not, of %d solved: %d threw, %d repriced " +
                "worse than 1e-12", solved, strataThrewWhereOursSolved, strataInaccurateWhereOursSolved)
            .isEqualTo(STRATA_FAILURES_WHERE_OURS_SOLVED);
    }

    private void checkPoint(
        final boolean isCall, final double forward, final double strike, final double years, final double vol,
        final double rate)
    {
        final double price = Black76.price(isCall, forward, strike, years, vol, rate);
        final double discount = Math.exp(-rate * years);
        final double timeValue = price / discount - Black76.intrinsic(isCall, forward, strike);
        final ImpliedVolStatus status = ImpliedVol.solve(price, forward, strike, years, isCall, rate, result);
        final String where = String.format("call=%s F=%s K=%s T=%s vol=%s r=%s price=%s", isCall, forward, strike,
            years, vol, rate, price);
        boolean oursSolved = false;
        if (timeValue > ImpliedVol.MIN_TIME_VALUE_RATIO * forward)
        {
            final double reprice = status == ImpliedVolStatus.OK ?
                relativeError(Black76.price(isCall, forward, strike, years, result.vol, rate), price) : Double.NaN;
            if (!(reprice <= REPRICE_RELATIVE))
            {
                failures.add("reprice " + status + " " + reprice + " " + where);
            }
            else
            {
                solved++;
                oursSolved = true;
                worstReprice = Math.max(worstReprice, reprice);
            }
        }
        else if (status == ImpliedVolStatus.AT_BOUND)
        {
            atBound++;
        }
        else
        {
            failures.add("expected AT_BOUND, got " + status + " " + where);
        }
        final int threwBefore = strataThrew;
        final int inaccurateBefore = strataInaccurate;
        checkStrata(isCall, forward, strike, years, rate, price, discount);
        if (oursSolved)
        {
            strataThrewWhereOursSolved += strataThrew - threwBefore;
            strataInaccurateWhereOursSolved += strataInaccurate - inaccurateBefore;
        }
    }

    private void checkStrata(
        final boolean isCall, final double forward, final double strike, final double years, final double rate,
        final double price, final double discount)
    {
        final double strataVol;
        try
        {
            strataVol = BlackFormulaRepository.impliedVolatility(price / discount, forward, strike, years, isCall);
        }
        catch (final RuntimeException ex)
        {
            strataThrew++;
            return;
        }
        final double reprice = relativeError(Black76.price(isCall, forward, strike, years, strataVol, rate), price);
        if (!(reprice <= REPRICE_RELATIVE))
        {
            strataInaccurate++;
        }
    }

    private static double relativeError(final double actual, final double expected)
    {
        return Math.abs(actual - expected) / Math.abs(expected);
    }
}

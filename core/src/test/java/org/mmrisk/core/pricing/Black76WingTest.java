package org.mmrisk.core.pricing;

import org.junit.jupiter.api.Test;

import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;

import static org.assertj.core.api.Assertions.assertThat;

class Black76WingTest
{
    @Test
    void shouldKeepRelativePrecisionOfTinyPricesAgainstHighPrecisionReference()
    {
        final double forward = 65_000.0;
        double worst = 0.0;
        double strataWorst = 0.0;
        int points = 0;
        int strataLost = 0;
        String worstAt = "";
        for (double moneyness = 0.2; moneyness <= 5.0001; moneyness *= 1.17)
        {
            for (double years = 1.0 / 8766.0; years <= 3.0; years *= 2.9)
            {
                for (double vol = 0.05; vol <= 3.0; vol *= 1.8)
                {
                    for (final boolean isCall : new boolean[] {true, false})
                    {
                        final double strike = forward * moneyness;
                        final double reference = new HighPrecision.Black(isCall, forward, strike, years, vol, 0.0)
                            .price.doubleValue();
                        if (!(reference > 1e-290))
                        {
                            continue;
                        }
                        points++;
                        final double ours = Black76.price(isCall, forward, strike, years, vol, 0.0);
                        final double relative = Math.abs(ours / reference - 1.0);
                        if (relative > worst)
                        {
                            worst = relative;
                            worstAt = "K/F=" + moneyness + " T=" + years + " vol=" + vol + " call=" + isCall +
                                " ref=" + reference + " ours=" + ours;
                        }
                        final double strata = BlackFormulaRepository.price(forward, strike, years, vol, isCall);
                        final double strataRelative = Math.abs(strata / reference - 1.0);
                        strataWorst = Math.max(strataWorst, strataRelative);
                        if (strataRelative > 1e-12)
                        {
                            strataLost++;
                        }
                    }
                }
            }
        }
        System.out.printf("wings: %d points, our worst relative error %.3e (%s); Strata worst %.3e, %d points " +
            "beyond 1e-12%n", points, worst, worstAt, strataWorst, strataLost);
        assertThat(worst).isLessThan(1e-12);
    }
}

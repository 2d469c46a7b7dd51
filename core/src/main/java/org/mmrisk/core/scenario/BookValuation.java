package org.mmrisk.core.scenario;

import org.mmrisk.core.event.VolShock;

/**
 * The value of an underlying's open positions at any index level, each contract moved from its own centre (its
 * forward by the same factor as the index, its vol shocked): the coin-settled ones in coins, the USD-settled ones in
 * USD, entry prices left out (they are balances). Exact ({@link ScenarioBook}) or interpolated ({@link ValueCurves}).
 */
public interface BookValuation
{
    /**
     * @return the coin-settled positions' value with the index at {@code indexUsd}, coins.
     */
    double coinValue(double indexUsd, VolShock shock);

    /**
     * @return the USD-settled positions' value with the index at {@code indexUsd}, USD.
     */
    double usdValue(double indexUsd, VolShock shock);
}

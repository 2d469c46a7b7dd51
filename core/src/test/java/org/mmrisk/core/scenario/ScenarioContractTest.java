package org.mmrisk.core.scenario;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.VolShock;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A scenario valuation from the centre's precomputed log-moneyness and standard deviations equals Black-76's own
 * price of the moved forward, for calls and puts, coin-settled and linear, from an hour to two years, deep in and
 * out of the money.
 */
class ScenarioContractTest
{
    @Test
    void shouldValueAsBlack76DoesAtEveryMoveAndShock()
    {
        final Random random = new Random(7);
        final EngineConfig config = new EngineConfig().conclude();
        final ScenarioContract contract = new ScenarioContract();
        for (int i = 0; i < 2_000; i++)
        {
            final double index = 100_000 * Math.exp(random.nextGaussian() * 0.3);
            final double forward = index * (1 + 0.02 * random.nextDouble());
            final double strike = index * Math.exp(random.nextGaussian() * 0.4);
            final double years = Math.exp(Math.log(1 / 8766.0) + random.nextDouble() * Math.log(2 * 8766.0));
            contract.option(random.nextBoolean(), random.nextBoolean(), strike, 1 + random.nextInt(3), index, forward,
                0.2 + random.nextDouble(), years, years * 365.25, config.scenario());
            final double move = -0.9 + 6 * random.nextDouble();
            final VolShock shock = VolShock.VALUES[random.nextInt(3)];
            final double expected = contract.settlementValue(forward * (1 + move), contract.vol(shock));
            final double actual = contract.valueAt(1 + move, Math.log1p(move), shock);
            assertThat(actual).as("case %d", i).isCloseTo(expected, within(1e-12 * Math.max(Math.abs(expected),
                1e-9 * strike)));
        }
    }

    @Test
    void shouldChargeTheFuturesContingencyOnFuturesThatOffsetOneAnotherNotOnSpot()
    {
        final EngineConfig config = new EngineConfig().conclude();
        final ScenarioContract spot = new ScenarioContract();
        spot.spot(1, 100_000);
        final ScenarioContract longFuture = new ScenarioContract();
        longFuture.future(false, 1, 100_000, 101_000);
        final ScenarioContract shortPerpetual = new ScenarioContract();
        shortPerpetual.future(true, 10, 100_000, 100_000);
        final ScenarioBook book = new ScenarioBook();
        book.reset(org.mmrisk.core.event.MarginCurrency.COIN, 100_000, 0, 0);
        book.add(spot, 5, 100_000);
        book.add(shortPerpetual, -30_000, 100_000);
        // 5 coins of spot against 3 coins short of perpetual: spot offsets nothing
        assertThat(book.contingency(1, 0.01, 0.01)).isZero();
        book.add(longFuture, 2, 100_000);
        // 2.02 coins long of future against 3 short: 0.01 x 2.02
        assertThat(book.contingency(1, 0.01, 0.01)).isCloseTo(0.0202, within(1e-12));
        assertThat(config.scenario().futuresContingency()).isEqualTo(0.01);
    }
}

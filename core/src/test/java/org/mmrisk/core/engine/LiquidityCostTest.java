package org.mmrisk.core.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * The cost of unwinding a hand-built BTC book at its displayed quotes, every number worked by hand below:
 * <ul>
 *   <li>a linear option (0.01 BTC, USD prices), long 30, book 1,000 / 1,100: h = 50 USD, 0.5 USD a contract; with 10
 *       shown at the bid: 10 + 3 × 20 = 70 weighted contracts, 35 USD; without sizes 30 × 0.5 = 15 USD;</li>
 *   <li>an inverse perpetual (10 USD), short 1,000, book 99,000 / 101,000 (mid 100,000): buying at the ask costs
 *       10 × (1/100,000 − 1/101,000) = 1/1,010,000 BTC a contract; with 400 shown: 400 + 3 × 600 = 2,200
 *       weighted, 2,200/1,010,000 BTC = 217.8217… USD at an index of 100,000; without sizes 1,000/1,010,000 BTC =
 *       99.0099… USD;</li>
 *   <li>a coin-settled option (1 BTC, BTC prices), long 2, book 0.05 / 0.06: h = 0.005 BTC; 5 shown (more than the
 *       position): 2 × 0.005 = 0.01 BTC = 1,000 USD.</li>
 * </ul>
 */
class LiquidityCostTest
{
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final int LINEAR_CALL = 3;
    private static final int COIN_CALL = 4;
    private static final long EXPIRY = T0 + 30 * DAY_NS;

    private final TestEvents events = new TestEvents();
    private final EngineConfig config = RiskEngineTest.withoutScenarios(new EngineConfig()).conclude();
    private RiskEngine engine;
    private long timeNs = T0;

    @BeforeEach
    void setUp()
    {
        engine = new RiskEngine(config, new RecordingOutput());
        apply(events.index(INDEX));
        apply(events.inversePerpetual(PERP));
        apply(events.linearOption(LINEAR_CALL, EXPIRY, 100_000, PutCall.CALL));
        apply(events.inverseOption(COIN_CALL, EXPIRY, 100_000, PutCall.CALL));
        apply(events.tick(next(), INDEX, 100_000, 100_000));
        apply(events.tick(next(), PERP, 99_000, 101_000));
        apply(events.tick(next(), LINEAR_CALL, 1_000, 1_100));
        apply(events.tick(next(), COIN_CALL, 0.05, 0.06));
        apply(events.fill(next(), PERP, Side.SELL, 1_000, 100_000));
        apply(events.fill(next(), LINEAR_CALL, Side.BUY, 30, 1_050));
        apply(events.fill(next(), COIN_CALL, Side.BUY, 2, 0.055));
    }

    @Test
    void shouldCostHalfTheSpreadOnEveryContractWithoutSizes()
    {
        final double expected = 15 + 1_000.0 / 1_010_000 * 100_000 + 1_000;
        assertThat(liquidity().costUsd()).isCloseTo(expected, within(1e-9));
        assertThat(liquidity().costUsd()).isCloseTo(1_114.0099010, within(1e-6));
    }

    @Test
    void shouldCostTheMultipleBeyondTheDisplayedSize()
    {
        apply(sized(events.tick(next(), PERP, 99_000, 101_000), 5_000, 400));
        apply(sized(events.tick(next(), LINEAR_CALL, 1_000, 1_100), 10, 50));
        apply(sized(events.tick(next(), COIN_CALL, 0.05, 0.06), 5, 1));
        final double expected = 35 + 2_200.0 / 1_010_000 * 100_000 + 1_000;
        assertThat(liquidity().costUsd()).isCloseTo(expected, within(1e-9));
        assertThat(liquidity().costUsd()).isCloseTo(1_252.8217822, within(1e-6));
        assertThat(liquidity().costCoins()).isCloseTo(2_200.0 / 1_010_000 + 0.01, within(1e-15));
        assertThat(liquidity().costLinearUsd()).isCloseTo(35, within(1e-12));
    }

    @Test
    void shouldConvertTheCoinPartAtTheIndexNow()
    {
        apply(events.tick(next(), INDEX, 110_000, 110_000));
        // the coins are unchanged (the books did not move); only their USD value is
        final double expected = 15 + (1_000.0 / 1_010_000 + 0.01) * 110_000;
        assertThat(liquidity().costUsd()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void shouldFollowThePositionAndForgetAClosedOne()
    {
        apply(events.fill(next(), LINEAR_CALL, Side.SELL, 30, 1_050));
        apply(events.fill(next(), COIN_CALL, Side.SELL, 2, 0.055));
        assertThat(liquidity().costUsd()).isCloseTo(1_000.0 / 1_010_000 * 100_000, within(1e-9));
        // a long perpetual sells at the bid: 10 × (1/99,000 − 1/100,000) = 1/990,000 BTC a contract
        apply(events.fill(next(), PERP, Side.BUY, 1_500, 100_000));
        assertThat(liquidity().costUsd()).isCloseTo(500.0 / 990_000 * 100_000, within(1e-9));
    }

    @Test
    void shouldBeUnknownWhileAFuturesBookOrAnOptionsAskIsEmpty()
    {
        apply(events.tick(next(), PERP, 0, 101_000));
        assertThat(liquidity().unknownPositions()).isEqualTo(1);
        assertThat(liquidity().costUsd()).isNaN();
        apply(events.tick(next(), PERP, 99_000, 101_000));
        apply(events.tick(next(), LINEAR_CALL, 1_000, 0));
        assertThat(liquidity().unknownPositions()).isEqualTo(1);
        assertThat(liquidity().costUsd()).isNaN();
        apply(events.tick(next(), LINEAR_CALL, 1_000, 1_100));
        assertThat(liquidity().costUsd()).isCloseTo(1_114.0099010, within(1e-6));
    }

    @Test
    void shouldReadAnOptionsEmptyBidAsAPriceOfZero()
    {
        // nobody bids for the call: selling the 30 calls of 0.01 BTC gets 0 against a mid of 550, 30 × 0.01 × 550
        apply(events.tick(next(), LINEAR_CALL, 0, 1_100));
        assertThat(liquidity().unknownPositions()).isZero();
        assertThat(liquidity().costUsd()).isCloseTo(165 + 1_000.0 / 1_010_000 * 100_000 + 1_000, within(1e-9));
    }

    @Test
    void shouldTakeASizeOfZeroOnAnEmptySide()
    {
        assertThat(apply(sized(events.tick(next(), LINEAR_CALL, 0, 1_100), 0, 20))).isNull();
        assertThat(engine.instruments().get(LINEAR_CALL).market().bid()).isZero();
        assertThat(apply(sized(events.tick(next(), LINEAR_CALL, 1_000, 1_100), 0, 20)))
            .isEqualTo(RejectReason.NON_POSITIVE_PRICE);
    }

    @Test
    void shouldRejectANonPositiveOrInfiniteSizeAndKeepTheQuote()
    {
        assertThat(apply(sized(events.tick(next(), PERP, 98_000, 102_000), 0, 10)))
            .isEqualTo(RejectReason.NON_POSITIVE_PRICE);
        assertThat(apply(sized(events.tick(next(), PERP, 98_000, 102_000), 10, -1)))
            .isEqualTo(RejectReason.NON_POSITIVE_PRICE);
        assertThat(apply(sized(events.tick(next(), PERP, 98_000, 102_000), Double.POSITIVE_INFINITY, 10)))
            .isEqualTo(RejectReason.NOT_FINITE);
        assertThat(engine.instruments().get(PERP).market().bid()).isEqualTo(99_000);
        assertThat(engine.counters().rejected(RejectReason.NON_POSITIVE_PRICE)).isEqualTo(2);
    }

    private static RiskEvent sized(final RiskEvent tick, final double bidSize, final double askSize)
    {
        tick.bidSize = bidSize;
        tick.askSize = askSize;
        return tick;
    }

    private UnderlyingLiquidity liquidity()
    {
        return engine.underlyings().get(0).liquidity();
    }

    private long next()
    {
        timeNs += 1_000_000;
        return timeNs;
    }

    private RejectReason apply(final RiskEvent event)
    {
        return TestEvents.apply(engine, event);
    }
}

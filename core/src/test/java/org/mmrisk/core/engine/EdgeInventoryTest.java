package org.mmrisk.core.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * A market maker's trading P&L split into the edge its fills earned against fair value (the mid) and the inventory's
 * P&L, on sequences of fills and ticks worked by hand.
 */
class EdgeInventoryTest
{
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final int FUTURE = 3;

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
        apply(events.linearFuture(FUTURE, T0 + 60 * DAY_NS));
        apply(events.tick(next(), INDEX, 100_000, 100_000));
    }

    /**
     * Linear future, 0.01 BTC a contract, USD prices. Book 101,990 / 102,010 (mid 102,000): buy 100 at 101,990, fee
     * 0.50 USD: edge 100 × 0.01 × (102,000 − 101,990) − 0.50 = 9.50. The book moves to 102,490 / 102,510 (mid
     * 102,500): sell 40 at 102,510 with a rebate of 0.20 USD: edge 40 × 0.01 × 10 + 0.20 = 4.20. Edge 13.70.
     * Realized 40 × 0.01 × (102,510 − 101,990) = 208, less the fees 0.30: 207.70; unrealized 60 × 0.01 × (102,500 −
     * 101,990) = 306: trading P&L 513.70. Inventory 500: the 100 contracts held from mid 102,000 to 102,500.
     */
    @Test
    void shouldSplitALinearContractsPnlIntoEdgeAndInventory()
    {
        apply(events.tick(next(), FUTURE, 101_990, 102_010));
        apply(fee(events.fill(next(), FUTURE, Side.BUY, 100, 101_990), 0.5, "USD"));
        assertThat(btc().edgeUsd()).isCloseTo(9.5, within(1e-9));
        apply(events.tick(next(), FUTURE, 102_490, 102_510));
        apply(fee(events.fill(next(), FUTURE, Side.SELL, 40, 102_510), -0.2, "USD"));

        assertThat(btc().edgeUsd()).isCloseTo(13.7, within(1e-9));
        assertThat(btc().tradingPnlUsd()).isCloseTo(513.7, within(1e-9));
        assertThat(btc().inventoryUsd()).isCloseTo(500, within(1e-9));
        assertThat(btc().edgeUsd() + btc().inventoryUsd()).isEqualTo(btc().tradingPnlUsd());
        // in coins: each edge at its fill's index (100,000), the trading P&L at the index now (100,000)
        assertThat(btc().explain().edge().edgeCoin()).isCloseTo(13.7 / 100_000, within(1e-15));
    }

    /**
     * Inverse perpetual, 10 USD a contract, coin-settled. Index 100,000, book 99,950 / 100,050 (mid 100,000): buy
     * 1,000 at 99,950 with a rebate of 0.00002 BTC: edge 10,000 × (1/99,950 − 1/100,000) + 0.00002 BTC
     * = 0.0000500250… + 0.00002 = 0.0000700250… BTC, 7.00250… USD at the fill's index. The index and the book move to
     * 105,000 (104,950 / 105,050): unrealized 10,000 × (1/99,950 − 1/105,000) BTC = 0.00481192… BTC, × 105,000 =
     * 505.2526… USD; realized: the rebate, 0.00002 BTC booked at 100,000 = 2 USD. Trading P&L 507.2526…, inventory
     * 500.2501…
     */
    @Test
    void shouldSplitAnInverseContractsPnlIntoEdgeAndInventory()
    {
        apply(events.tick(next(), PERP, 99_950, 100_050));
        apply(fee(events.fill(next(), PERP, Side.BUY, 1_000, 99_950), -0.00002, "BTC"));
        final double edgeCoin = 10_000 * (1 / 99_950.0 - 1 / 100_000.0) + 0.00002;
        assertThat(btc().explain().edge().edgeCoin()).isCloseTo(edgeCoin, within(1e-15));
        assertThat(btc().edgeUsd()).isCloseTo(edgeCoin * 100_000, within(1e-9));
        assertThat(btc().edgeUsd()).isCloseTo(7.0025012, within(1e-6));

        apply(events.tick(next(), INDEX, 105_000, 105_000));
        apply(events.tick(next(), PERP, 104_950, 105_050));
        final double unrealizedUsd = 10_000 * (1 / 99_950.0 - 1 / 105_000.0) * 105_000;
        final double tradingUsd = unrealizedUsd + 2;
        assertThat(btc().tradingPnlUsd()).isCloseTo(tradingUsd, within(1e-9));
        assertThat(btc().tradingPnlUsd()).isCloseTo(507.2526263, within(1e-6));
        assertThat(btc().inventoryUsd()).isCloseTo(tradingUsd - edgeCoin * 100_000, within(1e-9));
        assertThat(btc().inventoryUsd()).isCloseTo(500.250125, within(1e-6));
    }

    /**
     * Without a quote, or with a book wider than engine.margin.maxSpreadForMid (5% of the mid), the fair value is the
     * model value: the future's forward, 100,000 with no basis known (the fallback basis is 0), then 102,000 once its
     * own mid gives the basis. 10 contracts bought at 101,000: edge 0.1 × (100,000 − 101,000) − 0.10 fee = −100.10,
     * then 0.1 × (102,000 − 101,000) = +100.
     */
    @Test
    void shouldTakeTheModelValueWithoutAFairMid()
    {
        apply(fee(events.fill(next(), FUTURE, Side.BUY, 10, 101_000), 0.1, "USD"));
        assertThat(btc().edgeUsd()).isCloseTo(-100.1, within(1e-9));
        apply(events.tick(next(), FUTURE, 90_000, 114_000));
        apply(events.fill(next(), FUTURE, Side.BUY, 10, 101_000));
        assertThat(btc().edgeUsd()).isCloseTo(-0.1, within(1e-9));
    }

    /**
     * A contract never priced (no index yet) and never quoted has no fair value: its price earns no edge, its fee
     * still counts.
     */
    @Test
    void shouldCountOnlyTheFeeWithoutAnyFairValue()
    {
        engine = new RiskEngine(config, new RecordingOutput());
        apply(events.linearFuture(FUTURE, T0 + 60 * DAY_NS));
        apply(fee(events.fill(next(), FUTURE, Side.BUY, 10, 101_000), 0.1, "USD"));
        assertThat(btc().edgeUsd()).isEqualTo(-0.1);
    }

    private static RiskEvent fee(final RiskEvent fill, final double fee, final String currency)
    {
        fill.fee = fee;
        fill.feeCurrency = AsciiCode.pack(currency);
        return fill;
    }

    private UnderlyingRisk btc()
    {
        return engine.underlyings().get(0);
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

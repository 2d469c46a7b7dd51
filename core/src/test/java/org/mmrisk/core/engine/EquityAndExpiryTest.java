package org.mmrisk.core.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.exposure.PnlExplain;
import org.mmrisk.core.output.AlertCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.engine.TestEvents.BTC;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * The coin account's equity counts as delta (and, being coins, earns no coin P&L, while what is worth USD does), and
 * expiring contracts settle out of the book.
 */
class EquityAndExpiryTest
{
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final int COIN_CALL = 3;
    private static final int LINEAR_PUT = 4;
    private static final long EXPIRY = T0 + DAY_NS;

    private final TestEvents events = new TestEvents();
    private final RecordingOutput output = new RecordingOutput();
    private RiskEngine engine;

    @BeforeEach
    void setUp()
    {
        engine = new RiskEngine(new EngineConfig().coinBalance(BTC, 2.0).conclude(), output);
        apply(events.index(INDEX));
        apply(events.inversePerpetual(PERP));
        apply(events.inverseOption(COIN_CALL, EXPIRY, 95_000, PutCall.CALL));
        apply(events.linearOption(LINEAR_PUT, EXPIRY, 105_000, PutCall.PUT));
        apply(events.tick(T0, INDEX, 100_000, 100_000));
        apply(events.tick(T0, PERP, 100_000, 100_000));
        apply(events.optionTick(T0, COIN_CALL, 0.05, 0.06, 0.5, 100_000));
        apply(events.optionTick(T0, LINEAR_PUT, 5_000, 5_100, 0.5, 100_000));
    }

    @Test
    void shouldCountTheBalanceAsDeltaAndAPerpetualHedgeAtItsEntryNotionalWithoutGamma()
    {
        assertThat(btc().delta()).isCloseTo(2.0, within(1e-12));

        apply(events.fill(T0 + 1, PERP, Side.SELL, 10_000, 100_000));
        apply(events.tick(T0 + 2, INDEX, 110_000, 110_000));
        apply(events.tick(T0 + 2, PERP, 110_000, 110_000));

        // short $100,000 at 100,000: −1 BTC of contract at entry, whatever the index; the coin P&L is equity
        assertThat(btc().delta()).isCloseTo(2.0 - 1.0, within(1e-9));
        assertThat(btc().gamma()).isCloseTo(0, within(1e-15));
        final double coinPnl = -100_000 * (1 / 100_000.0 - 1 / 110_000.0);
        assertThat(btc().equityCoins()).isCloseTo(2.0 + coinPnl, within(1e-12));
    }

    @Test
    void shouldBookTheCoinsHeldNoCoinPnlAndTheInverseHedgeItsCoinPnl()
    {
        // in equity view the short perpetual is −1 BTC at its entry whatever the index: with the 2 BTC balance the
        // book's USD delta is 1 BTC, which earns its delta P&L in USD. In coins the balance earns nothing, but the
        // hedge does: its coin P&L −100,000·(1/entry − 1/F) grows as the index falls
        apply(events.fill(T0 + 1, PERP, Side.SELL, 10_000, 100_000));
        long timeNs = T0 + 2;
        for (final double index : new double[] { 103_000, 101_500, 96_000, 98_250 })
        {
            timeNs += 3_600_000_000_000L;
            apply(events.tick(timeNs, INDEX, index, index));
            apply(events.tick(timeNs, PERP, index, index));
        }

        final PnlExplain usd = btc().explain().total();
        final double valueNowUsd = btc().sums().valueAtLastEvaluationUsd();
        assertThat(usd.actual(valueNowUsd)).isCloseTo(98_250 - 100_000, within(1e-6));
        assertThat(usd.delta()).isCloseTo(98_250 - 100_000, within(1e-6));
        assertThat(usd.unexplained(valueNowUsd)).isCloseTo(0, within(1e-6));

        final PnlExplain coin = btc().explain().totalCoin();
        final double valueNowCoin = btc().sums().valueAtLastEvaluationCoins();
        final double hedgeCoinPnl = -100_000 * (1 / 100_000.0 - 1 / 98_250.0);
        assertThat(valueNowCoin).as("the account's coin equity").isCloseTo(btc().equityCoins(), within(1e-12));
        assertThat(valueNowCoin).isCloseTo(2.0 + hedgeCoinPnl, within(1e-12));
        assertThat(coin.actual(valueNowCoin)).isCloseTo(hedgeCoinPnl, within(1e-12));
        // second order per hourly step of up to 5.4%: the cubic term of 100,000/S is left
        assertThat(Math.abs(coin.unexplained(valueNowCoin))).isLessThan(0.03 * Math.abs(hedgeCoinPnl));
    }

    @Test
    void shouldCountTheCashOfAUsdSettledContractInTheBooksWorthInCoins()
    {
        // a linear future of 1 BTC bought at 100,000: 10,000 USD of P&L at 110,000 is 10,000/110,000 BTC
        final int future = 5;
        apply(events.linearFuture(future, T0 + 30 * DAY_NS));
        apply(events.tick(T0 + 1, future, 100_000, 100_000));
        apply(events.fill(T0 + 1, future, Side.BUY, 100, 100_000));
        final double worthBefore = btc().sums().valueAtLastEvaluationCoins();
        apply(events.tick(T0 + 2, INDEX, 110_000, 110_000));
        apply(events.tick(T0 + 2, future, 110_000, 110_000));

        final double worthAfter = btc().sums().valueAtLastEvaluationCoins();
        assertThat(worthBefore).isCloseTo(2.0, within(1e-12));
        assertThat(worthAfter).isCloseTo(2.0 + 10_000 / 110_000.0, within(1e-9));
        final PnlExplain coin = btc().explain().totalCoin();
        assertThat(coin.actual(worthAfter)).isCloseTo(10_000 / 110_000.0, within(1e-9));
    }

    @Test
    void shouldPayCoinPremiumsOutOfTheAccountAndLetSetEquityResetTheBalance()
    {
        apply(events.fill(T0 + 1, COIN_CALL, Side.BUY, 4, 0.055));
        assertThat(btc().equityCoins()).isCloseTo(2.0 - 4 * 0.055, within(1e-15));

        final RiskEvent control = events.timer(T0 + 2);
        control.type = EventType.CONTROL;
        control.command = ControlCommand.SET_EQUITY;
        control.underlying = AsciiCode.pack("BTC");
        control.value = 5.0;
        assertThat(apply(control)).isNull();
        assertThat(btc().equityCoins()).isCloseTo(5.0, within(1e-15));
        final double optionDelta = engine.instruments().get(COIN_CALL).risk().delta;
        assertThat(btc().delta()).isCloseTo(5.0 + 4 * optionDelta, within(1e-9));
    }

    @Test
    void shouldSettleExpiredOptionsAtTheIndexIntoRealizedPnlAndTheCoinAccount()
    {
        apply(events.fill(T0 + 1, COIN_CALL, Side.BUY, 4, 0.055));
        apply(events.fill(T0 + 1, LINEAR_PUT, Side.SELL, 3, 5_050));
        apply(events.tick(EXPIRY - 1, INDEX, 98_000, 98_000));
        apply(events.timer(EXPIRY + 1));

        final InstrumentState call = engine.instruments().get(COIN_CALL);
        final InstrumentState put = engine.instruments().get(LINEAR_PUT);
        assertThat(call.position().quantity()).isZero();
        assertThat(put.position().quantity()).isZero();
        final double callPayoffCoins = (98_000 - 95_000) / 98_000.0;
        assertThat(call.position().realizedPnlCoin()).isCloseTo(4 * (callPayoffCoins - 0.055), within(1e-12));
        assertThat(put.position().realizedPnlUsd()).isCloseTo(3 * 0.01 * (5_050 - 7_000), within(1e-9));
        assertThat(btc().equityCoins()).isCloseTo(2.0 - 4 * 0.055 + 4 * callPayoffCoins, within(1e-12));
        assertThat(btc().delta()).as("only the coin account is left").isCloseTo(btc().equityCoins(), within(1e-12));
        assertThat(output.alerts.stream().filter(a -> a == AlertCode.POSITION_SETTLED).count()).isEqualTo(2);
        assertThat(engine.counters().get(EngineCounter.SETTLEMENTS)).isEqualTo(2);

        assertThat(apply(events.fill(EXPIRY + 2, COIN_CALL, Side.BUY, 1, 0.01))).isEqualTo(RejectReason.EXPIRED_INSTRUMENT);
        assertThat(apply(events.tick(EXPIRY + 2, COIN_CALL, 0.01, 0.02))).isEqualTo(RejectReason.EXPIRED_INSTRUMENT);
    }

    @Test
    void shouldPayPerpetualFundingFromLongsWhenTheRateIsPositive()
    {
        apply(events.fill(T0 + 1, PERP, Side.BUY, 1_000, 100_000));
        final RiskEvent funding = events.tick(T0 + 2, PERP, 99_990, 100_010);
        funding.mark = 100_000;
        funding.fundingRate = 0.0001;
        assertThat(apply(funding)).isNull();

        // 1,000 contracts of $10 = 0.1 BTC of notional at the mark; longs pay 0.01% of it
        final double paidCoins = 1_000 * 10 / 100_000.0 * 0.0001;
        assertThat(engine.instruments().get(PERP).position().realizedPnlCoin()).isCloseTo(-paidCoins, within(1e-18));
        assertThat(engine.instruments().get(PERP).position().fundingUsd()).isCloseTo(-paidCoins * 100_000, within(1e-12));
        assertThat(btc().equityCoins()).isCloseTo(2.0 - paidCoins, within(1e-15));
        assertThat(engine.counters().get(EngineCounter.FUNDING_EVENTS)).isEqualTo(1);

        final RiskEvent onOption = events.tick(T0 + 3, COIN_CALL, 0.05, 0.06);
        onOption.fundingRate = 0.0001;
        assertThat(apply(onOption)).isEqualTo(RejectReason.INVALID_VALUE);
    }

    private UnderlyingRisk btc()
    {
        return engine.underlyings().get(0);
    }

    private RejectReason apply(final RiskEvent event)
    {
        return TestEvents.apply(engine, event);
    }
}

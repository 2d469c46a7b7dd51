package org.mmrisk.daemon.config;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.limits.LimitKind;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * config/margin-example.yaml is the documented example of the margin settings: it must load, and say what its
 * comments say (both margin limits on, ETH margined in USD with its balances, BTC in coin).
 */
class MarginExampleConfigTest
{
    private static final Path EXAMPLE = Path.of("../config/margin-example.yaml");

    @Test
    void shouldLoadWithBothMarginLimitsOnAndAUsdMarginedUnderlying()
    {
        final EngineConfig engine = ConfigLoader.load(EXAMPLE).engineConfig();
        final long btc = AsciiCode.pack("BTC");
        final long eth = AsciiCode.pack("ETH");

        for (final long underlying : new long[] { btc, eth })
        {
            final double[] limits = engine.limitsOf(underlying);
            assertThat(limits[LimitKind.MARGIN_UTILIZATION.ordinal()]).isEqualTo(0.60);
            assertThat(limits[LimitKind.LIQUIDATION_PROXIMITY.ordinal()]).isEqualTo(0.10);
        }
        assertThat(engine.scenario().currency(eth)).isEqualTo(MarginCurrency.USD);
        assertThat(engine.scenario().currency(btc)).isEqualTo(MarginCurrency.COIN);
        assertThat(engine.scenario().usdBalance(eth)).isEqualTo(400_000.0);
        assertThat(engine.coinBalance(eth)).isEqualTo(100.0);
        assertThat(engine.coinBalance(btc)).isEqualTo(50.0);
    }
}

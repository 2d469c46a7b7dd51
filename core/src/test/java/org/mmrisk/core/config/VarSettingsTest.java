package org.mmrisk.core.config;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.event.AsciiCode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad VaR settings stop start-up with a message that names the key.
 */
class VarSettingsTest
{
    private static Setting<EngineConfig> setting(final String key)
    {
        return EngineSettings.ALL.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void shouldRefuseAConfidenceOutsideHalfToOne()
    {
        final EngineConfig config = new EngineConfig();
        config.var().confidence(1.0);
        assertThatThrownBy(config::conclude).hasMessageContaining("engine.var.confidence");
        final EngineConfig low = new EngineConfig();
        low.var().confidence(0.5);
        assertThatThrownBy(low::conclude).hasMessageContaining("engine.var.confidence");
    }

    @Test
    void shouldRefuseACorrelationOutsideMinusOneToOneNamingThePair()
    {
        assertThatThrownBy(() -> setting("engine.var.correlations").parse(Map.of("BTC/ETH", 1.2),
            "engine.var.correlations"))
            .hasMessageStartingWith("engine.var.correlations.BTC/ETH: must be a correlation");
    }

    @Test
    void shouldRefuseAPairNamedTwiceOrNotAPair()
    {
        final Map<String, Object> twice = new java.util.LinkedHashMap<>();
        twice.put("BTC/ETH", 0.5);
        twice.put("ETH/BTC", 0.6);
        assertThatThrownBy(() -> setting("engine.var.correlations").parse(twice, "engine.var.correlations"))
            .hasMessageStartingWith("engine.var.correlations.ETH/BTC: given twice");
        assertThatThrownBy(() -> setting("engine.var.correlations").parse(Map.of("BTC", 0.5),
            "engine.var.correlations")).hasMessageStartingWith("engine.var.correlations.BTC: must name a pair");
        assertThatThrownBy(() -> setting("engine.var.correlations").parse(Map.of("BTC/BTC", 0.5),
            "engine.var.correlations")).hasMessageContaining("two different underlyings");
        assertThatThrownBy(() -> setting("engine.var.correlations").parse(Map.of("BTC/not a coin!", 0.5),
            "engine.var.correlations"))
            .hasMessageStartingWith("engine.var.correlations.BTC/not a coin!: must be a coin");
    }

    @Test
    void shouldRefuseAVolThatIsNotPositiveNamingTheUnderlying()
    {
        assertThatThrownBy(() -> setting("engine.var.vols").parse(Map.of("BTC", -0.6), "engine.var.vols"))
            .hasMessageStartingWith("engine.var.vols.BTC: must be an annual vol");
    }

    @Test
    void shouldRefuseCorrelationsThatAreNotPositiveSemiDefinite()
    {
        // BTC and ETH move together, ETH and SOL together, but BTC and SOL against: no such three coins exist
        final EngineConfig config = new EngineConfig();
        config.var().correlation(AsciiCode.pack("BTC"), AsciiCode.pack("ETH"), 0.9)
            .correlation(AsciiCode.pack("ETH"), AsciiCode.pack("SOL"), 0.9)
            .correlation(AsciiCode.pack("SOL"), AsciiCode.pack("BTC"), -0.9);
        assertThatThrownBy(config::conclude).hasMessageStartingWith("engine.var.correlations:")
            .hasMessageContaining("positive semi-definite");
    }

    @Test
    void shouldAcceptEitherOrderAndPerfectCorrelation()
    {
        final EngineConfig config = new EngineConfig();
        config.var().correlation(AsciiCode.pack("ETH"), AsciiCode.pack("BTC"), 1.0);
        config.conclude();
        assertThat(config.var().correlation(AsciiCode.pack("BTC"), AsciiCode.pack("ETH"))).isEqualTo(1.0);
        // the default for pairs not given joins the check: 0.8 with BTC/ETH = -1 and a third coin is impossible
        final EngineConfig three = new EngineConfig();
        three.var().correlation(AsciiCode.pack("ETH"), AsciiCode.pack("BTC"), -1.0)
            .correlation(AsciiCode.pack("SOL"), AsciiCode.pack("BTC"), 0.8);
        assertThatThrownBy(three::conclude).hasMessageContaining("defaultCorrelation 0.8");
    }
}

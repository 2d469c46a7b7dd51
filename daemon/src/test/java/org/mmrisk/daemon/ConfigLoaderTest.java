package org.mmrisk.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.daemon.config.ConfigException;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest
{
    @TempDir
    Path dir;

    private Path write(final String yaml) throws IOException
    {
        final Path file = dir.resolve("daemon.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void shouldLoadTheShippedConfig()
    {
        final LoadedConfig config = ConfigLoader.load(Path.of("../config/daemon.yaml"));
        assertThat(config.config().inputs).containsExactly("market", "fills");
        assertThat(config.engineConfig().skewHorizonYears()).isCloseTo(1 / 8766.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(config.engineConfig().fillIdHorizonNs()).isEqualTo(24 * 3_600_000_000_000L);
        assertThat(config.engineConfig().equityDelta()).isTrue();
        assertThat(config.engineConfig().moneynessBucketEdges()).containsExactly(-0.3, -0.1, -0.02, 0.02, 0.1, 0.3);
        assertThat(config.engineConfig().optionTimeFloorYears() * 365.25 * 86_400)
            .isCloseTo(300, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void shouldNameAnUnknownKeyWithItsPath() throws IOException
    {
        final Path file = write("ring:\n  size: 1024\n  waitStrategyy: sleeping\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("ring.waitStrategyy: unknown key");
    }

    @Test
    void shouldNameAnOutOfRangeValue() throws IOException
    {
        assertThatThrownBy(() -> ConfigLoader.load(write("ring:\n  size: 1000\n")))
            .hasMessageContaining("ring.size: must be a power of two");
        assertThatThrownBy(() -> ConfigLoader.load(write("ingress:\n  idleStrategy: spin\n")))
            .hasMessageContaining("ingress.idleStrategy: must be one of");
        assertThatThrownBy(() -> ConfigLoader.load(write("recovery:\n  queueRetentionDays: -1\n")))
            .hasMessageContaining("recovery.queueRetentionDays: must be 0 (keep every file) to 36500");
        assertThatThrownBy(() -> ConfigLoader.load(write("affinity:\n  engine: -2\n")))
            .hasMessageContaining("affinity.engine: must be -1 (not pinned) or a CPU number");
        assertThatThrownBy(() -> ConfigLoader.load(write("engine:\n  indexVolatility: -1\n")))
            .hasMessageContaining("engine.indexVolatility: must be positive");
        assertThatThrownBy(() -> ConfigLoader.load(write("engine:\n  moneynessBucketEdges: [0.1, -0.1]\n")))
            .hasMessageContaining("engine.moneynessBucketEdges: must be a list of ascending");
        assertThatThrownBy(() -> ConfigLoader.load(write("engine:\n  fillIdHorizonHours: 0\n")))
            .hasMessageContaining("engine.fillIdHorizonHours: must be above 0");
        assertThatThrownBy(() -> ConfigLoader.load(write("engine:\n  coinBalances: {\"BIT COIN\": 1}\n")))
            .hasMessageContaining("engine.coinBalances.BIT COIN: must be a coin code");
        assertThatThrownBy(() -> ConfigLoader.load(write("engine:\n  settlementSource: last\n")))
            .hasMessageContaining("engine.settlementSource: must be one of index, mark");
        assertThatThrownBy(() -> ConfigLoader.load(write("engine:\n  trustRadius: 2\n")))
            .hasMessageContaining("engine.trustRadius: must be above 0, at most 0.5");
        assertThatThrownBy(() -> ConfigLoader.load(write("ring:\n  size: lots\n")))
            .hasMessageContaining("ring.size:");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.yaml")))
            .hasMessageContaining("file not found");
    }
}

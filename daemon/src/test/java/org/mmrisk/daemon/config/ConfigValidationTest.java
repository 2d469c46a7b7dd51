package org.mmrisk.daemon.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.config.EngineConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigValidationTest
{
    @TempDir
    Path dir;

    private Path write(final String yaml) throws IOException
    {
        return Files.writeString(dir.resolve("daemon.yaml"), yaml);
    }

    private void assertRefused(final String yaml, final String keyAndReason) throws IOException
    {
        final Path file = write(yaml);
        assertThatThrownBy(() -> ConfigLoader.load(file))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith(file + ": " + keyAndReason);
    }

    @Test
    void shouldRefuseOutOfRangeValuesOfEverySectionNamingTheKey() throws IOException
    {
        assertRefused("queueBlockSizeMb: 0\n", "queueBlockSizeMb: must be from 1 to 1024 (got 0)");
        assertRefused("ingress: {batchLimit: 9000}\n", "ingress.batchLimit: must be 1 to half the ring size");
        assertRefused("ingress: {maxBatchHoldMicros: 1.5}\n", "ingress.maxBatchHoldMicros: must be 0");
        assertRefused("egress: {heartbeatIntervalMs: 50}\n", "egress.heartbeatIntervalMs: must be from ingress");
        assertRefused("ingress: {stallTimeoutMs: 10}\n", "ingress.stallTimeoutMs: must be from 100 to 3600000 (got 10)");
        assertRefused("ingress: {inputTypes: {fills: [fill, control]}}\n", "ingress.inputTypes.fills: unknown input " +
            "type 'control'");
        assertRefused("ingress: {inputTypes: {fills: []}}\n", "ingress.inputTypes.fills: must be a list of message");
        assertRefused("ingress: {inputTypes: {gateway: [tick]}}\n", "ingress.inputTypes.gateway: not one of the " +
            "inputs [market, fills]");
        assertRefused("recovery: {checkpointsKept: 0}\n", "recovery.checkpointsKept: must be from 1 to 1000 (got 0)");
        assertRefused("engine: {var: {beyondTopMultiple: 0.5}}\n", "engine.var.beyondTopMultiple: must be at least 1");
        assertRefused("engine: {trustRadius: 0.6}\n", "engine.trustRadius: must be above 0, at most 0.5 (got 0.6)");
        assertRefused("engine: {approxErrorBudget: 1}\n", "engine.approxErrorBudget: must be above 0, below 1");
        assertRefused("engine: {ladder: {widenAt: 1.2}}\n", "engine.ladder: ladder needs");
        assertRefused("engine: {staleIndex: {haltAfterMs: 1000}}\n", "engine.staleIndex.haltAfterMs: must be at least");
        assertRefused("engine: {skewBlockInstruments: 12}\n", "engine.skewBlockInstruments: must be a power of two");
        assertRefused("engine: {dayStartUtc: \"25:00\"}\n", "engine.dayStartUtc: must be a time of day");
        assertRefused("engine: {limits: {BTC: {delta: -1}}}\n", "engine.limits.BTC.delta: must be a positive number");
        assertRefused("engine: {limits: {portfolio: {delta: 1}}}\n", "engine.limits.portfolio.delta: unknown limit");
        assertRefused("engine: {hedging: {BTC: {instrument: BTC-PERPETUAL, bandCoins: 0}}}\n",
            "engine.hedging.BTC.bandCoins: must be positive (got 0)");
        assertRefused("engine: {hedging: {BTC: {bandCoins: 1}}}\n", "engine.hedging.BTC.instrument: missing");
        assertRefused("engine: {equityDelta: yes please}\n", "engine.equityDelta: must be true or false");
    }

    @Test
    void shouldReadTheTypesEachInputMayCarry() throws IOException
    {
        final DaemonConfig config = ConfigLoader.load(write(
            "ingress: {stallTimeoutMs: 500, inputTypes: {fills: [fill, position]}}\n")).config();
        assertThat(config.ingress.stallTimeoutMs).isEqualTo(500);
        assertThat(config.ingress.inputTypes).isEqualTo(Map.of("fills",
            List.of(org.mmrisk.core.event.EventType.FILL, org.mmrisk.core.event.EventType.POSITION)));
        assertThat(ConfigLoader.load(write("dataDir: x\n")).config().ingress.inputTypes).isEmpty();
    }

    /**
     * Files written for the earlier loader may quote numbers and flags; they keep loading, with the same checks.
     */
    @Test
    void shouldReadQuotedNumbersAndFlagsAsTheirValues() throws IOException
    {
        final LoadedConfig config = ConfigLoader.load(write(
            "ingress: {batchLimit: \"64\"}\nengine: {trustRadius: \"0.02\", equityDelta: \"false\"}\n"));
        assertThat(config.engineConfig().trustRadius()).isEqualTo(0.02);
        assertThat(config.engineConfig().equityDelta()).isFalse();
        assertThat(config.config().ingress.batchLimit).isEqualTo(64);
        assertRefused("engine: {trustRadius: \"0.6\"}\n", "engine.trustRadius: must be above 0, at most 0.5");
        assertRefused("ingress: {batchLimit: 16.5}\n", "ingress.batchLimit:");
    }

    @Test
    void shouldRefuseUnknownKeysAtAnyDepth() throws IOException
    {
        assertRefused("dataDirectory: x\n", "dataDirectory: unknown key");
        assertRefused("engine: {ladder: {halt: 2}}\n", "engine.ladder.halt: unknown key");
        assertRefused("engine: {hedging: {BTC: {instrument: X, bandCoins: 1, band: 2}}}\n",
            "engine.hedging.BTC.band: unknown key");
        assertRefused("recovery: 5\n", "recovery: must be a section");
    }

    @Test
    void shouldReadTheCheckpointKeysAndTheirOlderNames() throws IOException
    {
        final DaemonConfig.Recovery current = ConfigLoader.load(
            write("recovery: {checkpointIntervalSeconds: 5, checkpointsKept: 4}\n")).config().recovery;
        assertThat(current.checkpointIntervalSeconds()).isEqualTo(5.0);
        assertThat(current.checkpointsKept()).isEqualTo(4);
        final DaemonConfig.Recovery older = ConfigLoader.load(
            write("recovery: {snapshotIntervalSeconds: 6, snapshotsKept: 2}\n")).config().recovery;
        assertThat(older.checkpointIntervalSeconds()).isEqualTo(6.0);
        assertThat(older.checkpointsKept()).isEqualTo(2);
        assertRefused("recovery: {snapshotsKept: 2, checkpointsKept: 2}\n",
            "recovery.checkpointsKept: given twice, also under its older name recovery.snapshotsKept");
        assertRefused("recovery: {snapshotIntervalSeconds: -1}\n", "recovery.snapshotIntervalSeconds: must be 0");
    }

    @Test
    void shouldGiveTheEngineTheSameDefaultsWithOrWithoutAFile() throws IOException
    {
        final EngineConfig loaded = ConfigLoader.load(write("dataDir: x\n")).engineConfig();
        final EngineConfig coded = new EngineConfig().conclude();
        assertThat(loaded.skewHorizonYears()).isEqualTo(coded.skewHorizonYears()).isEqualTo(1.0 / (365.25 * 24));
        assertThat(loaded.optionTimeFloorYears()).isEqualTo(coded.optionTimeFloorYears())
            .isEqualTo(300.0 / (365.25 * 86_400));
        assertThat(loaded.ladder().haltAt()).isEqualTo(1.5);
        assertThat(loaded.staleHaltAfterNs()).isEqualTo(15_000_000_000L);
        assertThat(loaded.snapshotIntervalNs()).isEqualTo(1_000_000_000L);
    }

    @Test
    void shouldRefuseOutOfRangeValuesSetInCode()
    {
        assertThatThrownBy(() -> new EngineConfig().trustRadius(0.7).conclude())
            .hasMessageStartingWith("engine.trustRadius: must be above 0, at most 0.5");
        assertThatThrownBy(() -> new EngineConfig().fillIdCapacity(10).conclude())
            .hasMessageStartingWith("engine.fillIdCapacity: must be from 1024 to 67108864 (got 10)");
        assertThatThrownBy(() -> new EngineConfig().dayStartOffsetNs(-1).conclude())
            .hasMessageStartingWith("engine.dayStartUtc: must be a time of day");
    }
}

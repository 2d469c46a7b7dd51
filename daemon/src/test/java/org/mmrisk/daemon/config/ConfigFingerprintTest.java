package org.mmrisk.daemon.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigFingerprintTest
{
    @TempDir
    Path dir;

    private long fingerprintOf(final String yaml) throws IOException
    {
        return ConfigLoader.load(Files.writeString(dir.resolve("daemon.yaml"), yaml)).configFingerprint();
    }

    /**
     * The engine half (low 32 bits) is pinned: a change to it makes every checkpoint taken before unusable, so it must
     * be deliberate. It last changed when the scenario and margin settings ({@code engine.scenario.*},
     * {@code engine.margin.*}, {@code engine.usdBalances}) joined the section, at their defaults (state layout 6):
     * they change the engine's state and outputs, so a checkpoint taken without them must not pass for one with them
     * (and again when the default slice, {@code engine.scenario.sliceEvaluations}, went from 2,048 to 256), and
     * again when {@code engine.var.beyondTopMultiple} (the liquidity cost beyond the displayed size) joined it (state
     * layout 7).
     */
    @Test
    void shouldKeepTheEngineHalfOfThisRelease() throws IOException
    {
        assertThat(fingerprintOf("dataDir: x\n") & 0xFFFF_FFFFL).isEqualTo(0xd42a6ee7L);
        assertThat(fingerprintOf(String.join("\n",
            "dataDir: data",
            "engine: {snapshotIntervalMs: 100, coinBalances: {ETH: 3, BTC: 1.5},",
            "  limits: {BTC: {delta: 0.5, loss: 7}, default: {vega: 3}, portfolio: {totalLoss: 9}},",
            "  hedging: {BTC: {instrument: BTC-PERPETUAL, bandCoins: 0.2, target: zero, timeoutMs: 1000},",
            "    ETH: {instrument: ETH-PERPETUAL, bandCoins: 2}},",
            "  skewHorizonMinutes: 30, dayStartUtc: \"09:30\", ladder: {haltAt: 2}}",
            "")) & 0xFFFF_FFFFL).isEqualTo(0x712d61d1L);
    }

    /**
     * A checkpoint read its sources by position: another input list must not match, whatever the engine's checksum
     * (a negative one used to sign-extend over the inputs' half).
     */
    @Test
    void shouldChangeWhenTheInputsChange() throws IOException
    {
        assertThat(fingerprintOf("dataDir: x\ninputs: [market, fills]\n"))
            .isNotEqualTo(fingerprintOf("dataDir: x\ninputs: [market, fills, otc]\n"));
    }

    @Test
    void shouldIgnoreKnobsThatChangeNeitherStateNorOutputs() throws IOException
    {
        assertThat(fingerprintOf("engine: {skewBlockInstruments: 64}\n"))
            .isEqualTo(fingerprintOf("engine: {}\n"));
        assertThat(fingerprintOf("engine: {trustRadius: 0.02}\n")).isNotEqualTo(fingerprintOf("engine: {}\n"));
    }
}

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
     * be deliberate. It last changed when {@code engine.inputBounds} joined the section (state layout 5).
     */
    @Test
    void shouldKeepTheEngineHalfOfThisRelease() throws IOException
    {
        assertThat(fingerprintOf("dataDir: x\n") & 0xFFFF_FFFFL).isEqualTo(0xb128f27eL);
        assertThat(fingerprintOf(String.join("\n",
            "dataDir: data",
            "engine: {snapshotIntervalMs: 100, coinBalances: {ETH: 3, BTC: 1.5},",
            "  limits: {BTC: {delta: 0.5, loss: 7}, default: {vega: 3}, portfolio: {totalLoss: 9}},",
            "  hedging: {BTC: {instrument: BTC-PERPETUAL, bandCoins: 0.2, target: zero, timeoutMs: 1000},",
            "    ETH: {instrument: ETH-PERPETUAL, bandCoins: 2}},",
            "  skewHorizonMinutes: 30, dayStartUtc: \"09:30\", ladder: {haltAt: 2}}",
            "")) & 0xFFFF_FFFFL).isEqualTo(0xc239e914L);
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

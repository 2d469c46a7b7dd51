package org.mmrisk.daemon.replay;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.daemon.journal.JournalEntries;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A tick's displayed sizes survive the journal: journaled as SBE and replayed with {@code risk replay --journal},
 * they reach the liquidity cost as they do from JSON lines.
 * <p>
 * Short 500 inverse perpetuals (10 USD) on a book 99,000 / 101,000 (mid 100,000) with 100 shown at the ask: buying
 * back costs 10 × (1/100,000 − 1/101,000) = 1/1,010,000 BTC a contract at the top and 3 times that beyond it:
 * (100 + 3 × 400)/1,010,000 = 1,300/1,010,000 BTC, × 100,000 = 128.7129 USD.
 */
class JournalTickSizesTest
{
    private static final List<String> LINES = List.of(
        "{\"type\":\"instrument\",\"time\":\"2026-11-25T08:00:00Z\",\"instrumentId\":1,\"symbol\":\"BTC-INDEX\"," +
            "\"venue\":\"DERIBIT\",\"kind\":\"INDEX\",\"underlying\":\"BTC\",\"settlement\":\"LINEAR\"," +
            "\"quoteCurrency\":\"USD\",\"settleCurrency\":\"USD\",\"contractSize\":1,\"contractUnit\":\"COIN\"," +
            "\"tickSize\":0.01}",
        "{\"type\":\"instrument\",\"time\":\"2026-11-25T08:00:00Z\",\"instrumentId\":2,\"symbol\":\"BTC-PERPETUAL\"," +
            "\"venue\":\"DERIBIT\",\"kind\":\"PERPETUAL\",\"underlying\":\"BTC\",\"settlement\":\"INVERSE\"," +
            "\"quoteCurrency\":\"USD\",\"settleCurrency\":\"BTC\",\"contractSize\":10,\"contractUnit\":\"USD\"," +
            "\"tickSize\":0.5}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:01Z\",\"instrumentId\":1,\"bid\":100000,\"ask\":100000}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:01Z\",\"instrumentId\":2,\"bid\":99000,\"ask\":101000," +
            "\"bidSize\":2000,\"askSize\":100}",
        "{\"type\":\"fill\",\"time\":\"2026-11-25T08:00:02Z\",\"venue\":\"DERIBIT\",\"instrumentId\":2," +
            "\"side\":\"SELL\",\"quantity\":500,\"price\":100000,\"fillId\":\"s1\"," +
            "\"exchangeTime\":\"2026-11-25T08:00:02Z\"}");

    @TempDir
    Path dir;

    @Test
    void shouldCarryTheSizesThroughTheJournal()
    {
        final double expectedUsd = 1_300.0 / 1_010_000 * 100_000;
        try (ChronicleQueue journal = writeJournal())
        {
            final ReplayRunner fromJournal = new ReplayRunner(new EngineConfig().conclude(), false).runJournal(journal);
            assertThat(fromJournal.rejected()).isZero();
            assertThat(fromJournal.engine().underlyings().get(0).liquidity().costUsd())
                .isCloseTo(expectedUsd, within(1e-9));
        }
        assertThat(expectedUsd).isCloseTo(128.7129, within(1e-4));
    }

    private ChronicleQueue writeJournal()
    {
        return JournalEntries.writeJsonLines(dir.resolve("journal"), LINES, 0);
    }
}

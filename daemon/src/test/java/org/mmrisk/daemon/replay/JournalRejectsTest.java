package org.mmrisk.daemon.replay;

import com.fasterxml.jackson.databind.JsonNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.daemon.journal.JournalEntries;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code risk replay --journal} lists what the engine rejected under {@code rejects[]}, as {@code --events} does,
 * and every rejected fill is alerted with its reason ({@code FILL_REJECTED}, or the alert of its own check).
 */
class JournalRejectsTest
{
    private static final String FILL = "{\"type\":\"fill\",\"time\":\"2026-11-25T08:00:02Z\",\"venue\":\"DERIBIT\"," +
        "\"instrumentId\":2,\"side\":\"BUY\",\"quantity\":10,\"price\":95000,";
    private static final List<String> LINES = List.of(
        "{\"type\":\"instrument\",\"time\":\"2026-11-25T08:00:00Z\",\"instrumentId\":1,\"symbol\":\"BTC-INDEX\"," +
            "\"venue\":\"DERIBIT\",\"kind\":\"INDEX\",\"underlying\":\"BTC\",\"settlement\":\"LINEAR\"," +
            "\"quoteCurrency\":\"USD\",\"settleCurrency\":\"USD\",\"contractSize\":1,\"contractUnit\":\"COIN\"," +
            "\"tickSize\":0.01}",
        "{\"type\":\"instrument\",\"time\":\"2026-11-25T08:00:00Z\",\"instrumentId\":2,\"symbol\":\"BTC-PERPETUAL\"," +
            "\"venue\":\"DERIBIT\",\"kind\":\"PERPETUAL\",\"underlying\":\"BTC\",\"settlement\":\"INVERSE\"," +
            "\"quoteCurrency\":\"USD\",\"settleCurrency\":\"BTC\",\"contractSize\":10,\"contractUnit\":\"USD\"," +
            "\"tickSize\":0.5}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:01Z\",\"instrumentId\":1,\"bid\":95000,\"ask\":95000}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:01Z\",\"instrumentId\":2,\"bid\":95000,\"ask\":95000.5}",
        FILL + "\"fillId\":\"a1\",\"exchangeTime\":\"2026-11-25T08:00:01.9Z\"}",
        FILL + "\"fillId\":\"a1\",\"exchangeTime\":\"2026-11-25T08:00:01.9Z\"}",
        FILL + "\"fillId\":\"a2\",\"exchangeTime\":\"2200-01-01T00:00:00Z\"}",
        "{\"type\":\"fill\",\"time\":\"2026-11-25T08:00:03Z\",\"venue\":\"DERIBIT\",\"instrumentId\":2," +
            "\"side\":\"SELL\",\"quantity\":1e300,\"price\":95000,\"fillId\":\"a3\"," +
            "\"exchangeTime\":\"2026-11-25T08:00:03Z\"}",
        FILL + "\"fillId\":\"a4\",\"exchangeTime\":\"2026-11-25T08:00:02Z\"}");

    @TempDir
    Path dir;

    @Test
    void shouldListTheEnginesRejectsOfAJournalAsAnEventsReplayDoes() throws IOException
    {
        final JsonNode fromEvents = new ReplayRunner(new EngineConfig().conclude(), false)
            .runLines(new BufferedReader(new StringReader(String.join("\n", LINES)))).state();
        final JsonNode fromJournal;
        try (ChronicleQueue journal = writeJournal())
        {
            fromJournal = new ReplayRunner(new EngineConfig().conclude(), false).runJournal(journal).state();
        }

        final JsonNode rejects = fromJournal.get("rejects");
        assertThat(rejects).hasSize(3);
        assertThat(texts(rejects, "reason")).containsExactly("DUPLICATE_FILL", "EXCHANGE_TIME_AHEAD",
            "QUANTITY_OUT_OF_BOUNDS");
        assertThat(texts(rejects, "line")).containsExactly("6", "7", "8");
        assertThat(texts(rejects, "journalSequence")).containsExactly("105", "106", "107");
        for (int i = 0; i < rejects.size(); i++)
        {
            assertThat(rejects.get(i).get("reason")).isEqualTo(fromEvents.get("rejects").get(i).get("reason"));
            assertThat(rejects.get(i).get("line")).isEqualTo(fromEvents.get("rejects").get(i).get("line"));
        }
        assertThat(fromJournal.get("counters").get("rejected").asInt()).isEqualTo(3);
    }

    @Test
    void shouldAlertEveryRejectedFillWithItsReason() throws IOException
    {
        final JsonNode state = new ReplayRunner(new EngineConfig().conclude(), false)
            .runLines(new BufferedReader(new StringReader(String.join("\n", LINES)))).state();

        final List<String> alerts = new ArrayList<>();
        state.get("alerts").forEach(a -> alerts.add(a.get("code").asText() + " " + a.path("reason").asText()));
        assertThat(alerts).containsExactly("FILL_REJECTED DUPLICATE_FILL", "EXCHANGE_TIME_AHEAD EXCHANGE_TIME_AHEAD",
            "INPUT_OUT_OF_BOUNDS QUANTITY_OUT_OF_BOUNDS");
        assertThat(state.get("positions").get(0).get("quantity").asDouble()).isEqualTo(20);
    }

    private ChronicleQueue writeJournal()
    {
        return JournalEntries.writeJsonLines(dir.resolve("journal"), LINES, 100);
    }

    private static List<String> texts(final JsonNode array, final String key)
    {
        final List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(key).asText()));
        return values;
    }
}

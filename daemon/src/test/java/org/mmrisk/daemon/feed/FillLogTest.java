package org.mmrisk.daemon.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash test kills the feed with kill -9: every fill logged must already be in the file, not in a buffer.
 */
class FillLogTest
{
    @TempDir
    Path dir;

    @Test
    void shouldHaveEachLineInTheFileAsSoonAsItIsLogged() throws IOException
    {
        final Path file = dir.resolve("fills.log");
        try (FillLog log = new FillLog(file))
        {
            log.written(fill("f-1", Side.BUY, 2));
            assertThat(Files.readAllLines(file)).containsExactly("DERIBIT f-1 17 2.0");
            log.written(fill("f-2", Side.SELL, 3));
            assertThat(Files.readAllLines(file)).containsExactly("DERIBIT f-1 17 2.0", "DERIBIT f-2 17 -3.0");
        }
    }

    private static RiskEvent fill(final String id, final Side side, final double quantity)
    {
        final RiskEvent e = new RiskEvent().reset();
        e.type = EventType.FILL;
        e.instrumentId = 17;
        e.venue = AsciiCode.pack("DERIBIT");
        e.fillId(id);
        e.side = side;
        e.quantity = quantity;
        return e;
    }
}

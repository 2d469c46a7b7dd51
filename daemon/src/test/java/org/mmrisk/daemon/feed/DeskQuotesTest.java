package org.mmrisk.daemon.feed;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.QuoteAdjustment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeskQuotesTest
{
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final DeskQuotes quotes = new DeskQuotes(new PrintStream(logged, true, StandardCharsets.UTF_8));

    private void adjust(final int instrumentId, final double shift, final QuotingState state, final double bidSize,
        final double askSize)
    {
        final QuoteAdjustment adjustment = new QuoteAdjustment();
        adjustment.instrumentId = instrumentId;
        adjustment.underlying = AsciiCode.pack("BTC");
        adjustment.shift = shift;
        adjustment.state = state;
        adjustment.bidSizeMult = bidSize;
        adjustment.askSizeMult = askSize;
        quotes.onQuoteAdjustment(adjustment);
    }

    @Test
    void shouldFavourTheSideTheShiftLeansTowards()
    {
        adjust(1, -0.5, QuotingState.NORMAL, 1, 1);
        adjust(2, 0.5, QuotingState.NORMAL, 1, 1);
        adjust(3, 0, QuotingState.NORMAL, 1, 1);

        assertThat(quotes.favouredSide(1)).as("lowered quotes: the desk sells").isEqualTo(Side.SELL);
        assertThat(quotes.favouredSide(2)).as("raised quotes: the desk buys").isEqualTo(Side.BUY);
        assertThat(quotes.favouredSide(3)).isNull();
        assertThat(quotes.favouredSide(4)).as("no adjustment yet").isNull();
        assertThat(quotes.quotes(4, Side.BUY)).isTrue();
        assertThat(logged.toString(StandardCharsets.UTF_8)).as("NORMAL from the start is no change").isEmpty();
    }

    @Test
    void shouldQuoteOnlyTheReducingSideWhenReduceOnlyAndNoSideWhenHalted()
    {
        adjust(1, -0.5, QuotingState.REDUCE_ONLY, 0, 1);
        assertThat(quotes.quotes(1, Side.BUY)).isFalse();
        assertThat(quotes.quotes(1, Side.SELL)).isTrue();

        adjust(1, -0.5, QuotingState.HALT, 1, 1);
        assertThat(quotes.quotes(1, Side.BUY)).isFalse();
        assertThat(quotes.quotes(1, Side.SELL)).isFalse();
    }

    @Test
    void shouldExplainAHaltWithTheAlertBeforeIt()
    {
        adjust(1, 0, QuotingState.NORMAL, 1, 1);
        final Alert alert = new Alert();
        alert.code = AlertCode.LIMIT_DELTA;
        alert.underlying = AsciiCode.pack("BTC");
        alert.value = 12.5;
        alert.threshold = 10;
        quotes.onAlert(alert);
        adjust(1, 0, QuotingState.HALT, 0, 0);

        assertThat(logged.toString(StandardCharsets.UTF_8)).isEqualTo("risk feed: the daemon moved BTC quoting " +
            "NORMAL -> HALT after alert LIMIT_DELTA (value 12.50, threshold 10.00); the venue fills none of its " +
            "orders there until it resumes" + System.lineSeparator());
    }
}

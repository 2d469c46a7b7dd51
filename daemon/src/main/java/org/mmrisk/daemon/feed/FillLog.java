package org.mmrisk.daemon.feed;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.daemon.queue.OwnerOnly;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The feed's own record of every fill it wrote into a fill queue, re-sends included: one line per write,
 * {@code venue fillId instrumentId signedQuantity} separated by spaces (buys positive), appended to a file. An
 * independent account of what the daemon must have counted once each, used by the crash test.
 * <p>
 * Each line is flushed to the operating system as it is written, so it survives the feed being killed ({@code kill
 * -9}, as the crash test does) right after it wrote the fill; a buffered tail would be lost with the process.
 * <p>
 * Owned by the feed's thread; not on any latency path (it allocates).
 */
public final class FillLog implements AutoCloseable
{
    private final BufferedWriter out;

    public FillLog(final Path file)
    {
        try
        {
            if (!Files.exists(file))
            {
                OwnerOnly.newFile(file);
            }
            out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the fill log " + file, ex);
        }
    }

    /**
     * Records a fill event that has just been written to the queue.
     */
    public void written(final RiskEvent fill)
    {
        final double signed = fill.side == Side.SELL ? -fill.quantity : fill.quantity;
        try
        {
            out.write(AsciiCode.toString(fill.venue) + ' ' +
                new String(fill.fillId, 0, fill.fillIdLength, StandardCharsets.US_ASCII) + ' ' +
                fill.instrumentId + ' ' + signed);
            out.newLine();
            out.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the fill log", ex);
        }
    }

    @Override
    public void close()
    {
        try
        {
            out.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot close the fill log", ex);
        }
    }
}

package org.mmrisk.daemon.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.daemon.queue.OwnerOnly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes a live daemon's final engine state (on clean shutdown) in the replay state format, so it can be compared
 * with {@code risk replay --journal}: positions, instruments, underlyings, buckets, P&L explain, held fills and
 * counters. The output-derived arrays of a replay ({@code quotes}, {@code alerts}, {@code hedges}, {@code rejects})
 * are left out: the daemon's outputs are on its output queue. Written to a temporary file and moved into place, so
 * a reader never sees half a file. Runs on the engine thread after the ring has stopped.
 */
public final class EngineStateFile
{
    private static final List<String> OUTPUT_DERIVED = List.of("quotes", "rejects", "alerts", "hedges");

    private EngineStateFile()
    {
    }

    public static void write(final RiskEngine engine, final Path file)
    {
        final ObjectNode state = new StateReport().build(engine, List.of(),
            new ObjectMapper().createArrayNode(), List.of(), List.of(), Map.of());
        state.remove(OUTPUT_DERIVED);
        try
        {
            final Path tmp = OwnerOnly.newFile(file.resolveSibling(file.getFileName() + ".tmp"));
            Files.writeString(tmp, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(state) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the engine state to " + file, ex);
        }
    }
}

package org.mmrisk.daemon.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.mmrisk.core.limits.LadderConfig;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.metrics.ListenAddress;
import org.mmrisk.daemon.metrics.LiveRiskReader;
import org.mmrisk.daemon.metrics.LoopbackHostCheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code risk dashboard}'s server: the JDK's HTTP server serving one page, its script and the charting library from
 * the jar, and the page's data at {@code /api/state}, read from a {@link LiveRiskReader} (counters, per-underlying
 * figures, latency), a {@link DashboardOutputs} (the outputs' detail) and {@link InstrumentTerms} (the options'
 * terms and newest mark IVs from the input queues, for the expiry × strike heatmaps), each polled on a reading thread of this process. Read-only: it answers GET and HEAD only, and writes nothing into the daemon's files. Owned by the thread
 * that starts and closes it.
 */
public final class DashboardServer implements AutoCloseable
{
    /** Idle of the reading threads when caught up: what they can add to a measured tick-to-quote latency. */
    private static final long READER_IDLE_MICROS = 100;
    private static final String RESOURCES = "/org/mmrisk/daemon/dashboard/";
    /** Path → resource name and content type: everything the page loads, all from the jar (no network). */
    private static final Map<String, String[]> STATIC = Map.of(
        "/", new String[] { "index.html", "text/html; charset=utf-8" },
        "/dashboard.js", new String[] { "dashboard.js", "text/javascript; charset=utf-8" },
        "/dashboard.css", new String[] { "dashboard.css", "text/css; charset=utf-8" },
        "/vendor/chart.umd.js", new String[] { "vendor/chart.umd.js", "text/javascript; charset=utf-8" },
        "/vendor/chart.js-LICENSE.md", new String[] { "vendor/chart.js-LICENSE.md", "text/plain; charset=utf-8" });

    private final LiveRiskReader reader;
    private final DashboardOutputs outputs;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper mapper = new ObjectMapper();
    private final LadderConfig ladder;
    private final InstrumentTerms terms;
    private volatile boolean running = true;
    private final Thread outputsThread;

    private DashboardServer(final LoadedConfig config, final ListenAddress listen) throws IOException
    {
        reader = new LiveRiskReader(config.countersFile(), config.outputDir(), config.engineConfig(),
            new SystemEpochNanoClock());
        outputs = new DashboardOutputs(config.outputDir());
        ladder = config.engineConfig().ladder();
        terms = new InstrumentTerms(config.config().inputs.stream().map(config::inputDir).toList(),
            config.engineConfig().optionTimeFloorYears());
        server = HttpServer.create(listen.socketAddress(), 16);
        executor = Executors.newFixedThreadPool(2, r ->
        {
            final Thread t = new Thread(r, "dashboard-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle).setAuthenticator(new LoopbackHostCheck(listen));
        outputsThread = new Thread(this::readOutputs, "dashboard-reader");
        outputsThread.setDaemon(true);
    }

    /**
     * Starts reading and serving.
     */
    public static DashboardServer start(final LoadedConfig config, final ListenAddress listen) throws IOException
    {
        final DashboardServer s = new DashboardServer(config, listen);
        s.reader.start(READER_IDLE_MICROS);
        s.outputsThread.start();
        s.server.start();
        return s;
    }

    /** @return the port it listens on (the one chosen when asked for port 0). */
    public int port()
    {
        return server.getAddress().getPort();
    }

    /** @return the page's data now, as {@code /api/state} serves it. */
    public String stateJson() throws IOException
    {
        return mapper.writeValueAsString(DashboardState.json(reader.view(), outputs.json(), ladder, terms));
    }

    private void readOutputs()
    {
        while (running)
        {
            if (outputs.poll() + terms.poll() == 0)
            {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(READER_IDLE_MICROS));
            }
        }
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            final String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method))
            {
                // read-only: nothing on this server changes the daemon
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "read-only: GET or HEAD\n".getBytes(
                    StandardCharsets.UTF_8));
                return;
            }
            final String path = exchange.getRequestURI().getPath();
            if ("/api/state".equals(path))
            {
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                send(exchange, 200, "application/json", stateJson().getBytes(StandardCharsets.UTF_8));
                return;
            }
            final String[] resource = STATIC.get(path);
            final byte[] body = resource == null ? null : resource(resource[0]);
            if (body == null)
            {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, resource[1], body);
        }
    }

    private static byte[] resource(final String name) throws IOException
    {
        try (InputStream in = DashboardServer.class.getResourceAsStream(RESOURCES + name))
        {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static void send(final HttpExchange exchange, final int status, final String type, final byte[] body)
        throws IOException
    {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        final boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head)
        {
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(body);
            }
        }
    }

    public LiveRiskReader reader()
    {
        return reader;
    }

    public DashboardOutputs outputs()
    {
        return outputs;
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
        running = false;
        try
        {
            outputsThread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        outputs.close();
        terms.close();
        reader.close();
    }
}

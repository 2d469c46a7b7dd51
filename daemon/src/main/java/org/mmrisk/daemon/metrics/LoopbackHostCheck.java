package org.mmrisk.daemon.metrics;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

import java.util.Locale;

/**
 * Refuses (403) a request to a loopback listener whose {@code Host} header names anything but the loopback host: a web
 * page open in a browser on the risk host could otherwise rebind its own name to 127.0.0.1 (DNS rebinding) and read
 * the book's risk through the browser. A listener the operator put on another address ({@code --allow-remote}) is
 * left to the operator's network. Stateless; called on the HTTP server's threads.
 */
public final class LoopbackHostCheck extends Authenticator
{
    private static final HttpPrincipal LOCAL = new HttpPrincipal("loopback", "local");

    private final boolean enforced;

    public LoopbackHostCheck(final ListenAddress listen)
    {
        this.enforced = listen.address().isLoopbackAddress();
    }

    @Override
    public Result authenticate(final HttpExchange exchange)
    {
        if (!enforced || isLoopbackHost(exchange.getRequestHeaders().getFirst("Host")))
        {
            return new Success(LOCAL);
        }
        return new Failure(403);
    }

    /**
     * @param host a {@code Host} header: a name or address, with or without {@code :port}; null when absent.
     * @return true for {@code localhost}, {@code 127.x.y.z} and {@code [::1]}.
     */
    static boolean isLoopbackHost(final String host)
    {
        if (host == null)
        {
            return false;
        }
        final String h = host.trim().toLowerCase(Locale.ROOT);
        final String name;
        if (h.startsWith("["))
        {
            final int close = h.indexOf(']');
            name = close > 0 ? h.substring(0, close + 1) : h;
        }
        else
        {
            final int colon = h.indexOf(':');
            name = colon >= 0 ? h.substring(0, colon) : h;
        }
        return name.equals("localhost") || name.equals("[::1]") || name.matches("127(\\.\\d{1,3}){3}");
    }
}

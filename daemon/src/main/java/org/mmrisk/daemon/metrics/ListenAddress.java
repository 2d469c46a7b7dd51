package org.mmrisk.daemon.metrics;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A {@code host:port} to listen on ({@code [::1]:port} for an IPv6 literal; port 0: any free one). Read-only tools
 * listen on the loopback interface unless the operator says otherwise: their pages and metrics show the book's risk
 * to anyone who can connect, with no authentication. Immutable.
 */
public record ListenAddress(InetAddress address, int port)
{
    /**
     * @param allowNonLoopback whether an address other than loopback is accepted (an explicit flag of the command)
     * @throws IllegalArgumentException naming the problem: not host:port, an unknown host, a port out of range, or
     *                                  a non-loopback address without {@code allowNonLoopback}.
     */
    public static ListenAddress parse(final String text, final boolean allowNonLoopback, final String flagName)
    {
        final int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1)
        {
            throw new IllegalArgumentException("--listen " + text + ": expected host:port, e.g. 127.0.0.1:9464");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]"))
        {
            host = host.substring(1, host.length() - 1);
        }
        final int port;
        try
        {
            port = Integer.parseInt(text.substring(colon + 1));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("--listen " + text + ": the port is not a number");
        }
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException("--listen " + text + ": the port must be 0 to 65535");
        }
        final InetAddress address;
        try
        {
            address = InetAddress.getByName(host);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException("--listen " + text + ": unknown host " + host);
        }
        if (!address.isLoopbackAddress() && !allowNonLoopback)
        {
            throw new IllegalArgumentException("--listen " + text + " is not a loopback address: anyone who can " +
                "reach it would read the book's risk without authentication; add " + flagName + " to mean it");
        }
        return new ListenAddress(address, port);
    }

    public InetSocketAddress socketAddress()
    {
        return new InetSocketAddress(address, port);
    }
}

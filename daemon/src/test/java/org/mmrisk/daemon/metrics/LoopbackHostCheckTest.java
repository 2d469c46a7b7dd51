package org.mmrisk.daemon.metrics;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackHostCheckTest
{
    @Test
    void shouldKnowTheLoopbackNames()
    {
        assertThat(LoopbackHostCheck.isLoopbackHost("localhost:8080")).isTrue();
        assertThat(LoopbackHostCheck.isLoopbackHost("LOCALHOST")).isTrue();
        assertThat(LoopbackHostCheck.isLoopbackHost("127.0.0.1:9464")).isTrue();
        assertThat(LoopbackHostCheck.isLoopbackHost("127.1.2.3")).isTrue();
        assertThat(LoopbackHostCheck.isLoopbackHost("[::1]:8080")).isTrue();
        assertThat(LoopbackHostCheck.isLoopbackHost("evil.example:8080")).isFalse();
        assertThat(LoopbackHostCheck.isLoopbackHost("127.0.0.1.evil.example")).isFalse();
        assertThat(LoopbackHostCheck.isLoopbackHost("localhost.evil.example")).isFalse();
        assertThat(LoopbackHostCheck.isLoopbackHost(null)).isFalse();
    }

    @Test
    void shouldRefuseAForeignHostOnALoopbackListener() throws IOException
    {
        final ListenAddress listen = ListenAddress.parse("127.0.0.1:0", false, "--allow-remote");
        final HttpServer server = serve(listen);
        try
        {
            final int port = server.getAddress().getPort();
            assertThat(status(port, "127.0.0.1:" + port)).isEqualTo(200);
            assertThat(status(port, "localhost:" + port)).isEqualTo(200);
            // what a rebound name sends: the browser's own idea of the host
            assertThat(status(port, "evil.example:" + port)).isEqualTo(403);
        }
        finally
        {
            server.stop(0);
        }
    }

    @Test
    void shouldLeaveAListenerTheOperatorOpenedToTheNetworkAlone() throws IOException
    {
        // a wildcard listener is reached by whatever names the network gives the host: the operator's choice
        final ListenAddress listen = ListenAddress.parse("0.0.0.0:0", true, "--allow-remote");
        final HttpServer server = serve(listen);
        try
        {
            assertThat(status(server.getAddress().getPort(), "risk-host.example")).isEqualTo(200);
        }
        finally
        {
            server.stop(0);
        }
    }

    private static HttpServer serve(final ListenAddress listen) throws IOException
    {
        final HttpServer server = HttpServer.create(listen.socketAddress(), 4);
        server.createContext("/", exchange ->
        {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        }).setAuthenticator(new LoopbackHostCheck(listen));
        server.start();
        return server;
    }

    private static int status(final int port, final String host) throws IOException
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(5_000);
            final OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            final String statusLine = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}

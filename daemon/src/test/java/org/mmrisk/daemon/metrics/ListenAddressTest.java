package org.mmrisk.daemon.metrics;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --listen}: loopback unless the operator says otherwise, and a clear word on what is wrong.
 */
class ListenAddressTest
{
    @Test
    void shouldAcceptLoopbackAddressesOfBothFamilies() throws Exception
    {
        assertThat(ListenAddress.parse("127.0.0.1:9464", false, "--allow-remote"))
            .isEqualTo(new ListenAddress(InetAddress.getByName("127.0.0.1"), 9464));
        assertThat(ListenAddress.parse("[::1]:0", false, "--allow-remote").address().isLoopbackAddress()).isTrue();
        assertThat(ListenAddress.parse("localhost:1", false, "--allow-remote").address().isLoopbackAddress())
            .isTrue();
    }

    @Test
    void shouldRefuseAnAddressBeyondLoopbackUnlessAllowed()
    {
        assertThatThrownBy(() -> ListenAddress.parse("0.0.0.0:9464", false, "--allow-remote"))
            .hasMessageContaining("not a loopback address").hasMessageContaining("--allow-remote");
        assertThatThrownBy(() -> ListenAddress.parse("10.1.2.3:9464", false, "--allow-remote"))
            .hasMessageContaining("not a loopback address");
        assertThat(ListenAddress.parse("0.0.0.0:9464", true, "--allow-remote").port()).isEqualTo(9464);
    }

    @Test
    void shouldSayWhatIsWrongWithAMalformedAddress()
    {
        assertThatThrownBy(() -> ListenAddress.parse("9464", false, "x")).hasMessageContaining("expected host:port");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:", false, "x"))
            .hasMessageContaining("expected host:port");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:http", false, "x"))
            .hasMessageContaining("not a number");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:70000", false, "x"))
            .hasMessageContaining("0 to 65535");
    }
}

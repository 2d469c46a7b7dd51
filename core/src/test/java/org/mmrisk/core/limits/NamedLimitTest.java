package org.mmrisk.core.limits;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every limit can be named in a control message, whose name field holds 16 characters: a longer key travels as its
 * first 16, and those must name it alone.
 */
class NamedLimitTest
{
    @Test
    void shouldFindEveryLimitByItsWireName()
    {
        for (final LimitKind kind : LimitKind.VALUES)
        {
            final byte[] wire = NamedLimit.wireName(kind.key()).getBytes(StandardCharsets.US_ASCII);
            assertThat(wire.length).isLessThanOrEqualTo(NamedLimit.WIRE_LENGTH);
            assertThat(LimitKind.fromKey(wire, wire.length)).as(kind.key()).isSameAs(kind);
        }
        for (final PortfolioLimitKind kind : PortfolioLimitKind.VALUES)
        {
            final byte[] wire = NamedLimit.wireName(kind.key()).getBytes(StandardCharsets.US_ASCII);
            assertThat(PortfolioLimitKind.fromKey(wire, wire.length)).as(kind.key()).isSameAs(kind);
        }
    }

    @Test
    void shouldNotMatchAShorterPrefix()
    {
        final byte[] prefix = "liquidity".getBytes(StandardCharsets.US_ASCII);
        assertThat(LimitKind.fromKey(prefix, prefix.length)).isNull();
        final byte[] var = "var".getBytes(StandardCharsets.US_ASCII);
        assertThat(LimitKind.fromKey(var, var.length)).isSameAs(LimitKind.VAR);
    }
}

package org.mmrisk.daemon.codec;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.mmrisk.codecs.MarginStatusDecoder;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.codecs.MessageHeaderEncoder;
import org.mmrisk.codecs.QuoteAdjustmentDecoder;
import org.mmrisk.codecs.RiskSnapshotDecoder;
import org.mmrisk.codecs.ScenarioGridDecoder;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.VolShock;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.egress.OutputEncoder;

import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario outputs of schema version 5 (ScenarioGrid, MarginStatus, and the margin fields of QuoteAdjustment and
 * RiskSnapshot) come back from the wire as they went in, absent figures as NaN; messages of version 4 decode with
 * the new fields absent.
 */
class ScenarioOutputCodecTest
{
    private static final long BTC = AsciiCode.pack("BTC");

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final OutputEncoder encoder = new OutputEncoder();
    private final Seen seen = new Seen();
    private final OutputAdapter adapter = new OutputAdapter(seen, (seq, wall, engine, lastOut, lastJournal) -> { });

    @Test
    void shouldRoundTripAScenarioGridPointByPoint()
    {
        final ScenarioGridMessage grid = grid();
        encoder.encode(grid, buffer);
        final int length = OutputEncoder.gridLength(grid);

        adapter.onMessage(buffer, 0, length, 0);

        assertThat(seen.grid).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
            .isEqualTo(grid);
        final String text = new ScenarioGridDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder())
            .toString();
        assertThat(text).contains("currency=USD").contains("volShock=DOWN").contains("volShock=UP");
    }

    @Test
    void shouldRoundTripAMarginStatusWithItsAbsentFiguresAsNaN()
    {
        final MarginStatus margin = margin();
        encoder.encode(margin, buffer);

        adapter.onMessage(buffer, 0, OutputEncoder.MARGIN_LENGTH, 0);

        assertThat(seen.margin).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
            .isEqualTo(margin);
        assertThat(seen.margin.upMove).isNaN();
        assertThat(seen.margin.known).isTrue();
        assertThat(new MarginStatusDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()).toString())
            .contains("currency=COIN").contains("known=TRUE");
    }

    @Test
    void shouldRoundTripAnUnknownMarginWithEveryFigureAbsent()
    {
        final MarginStatus margin = new MarginStatus();
        margin.sequence = 3;
        margin.timeNs = 1_795_000_000_000_000_000L;
        margin.underlying = BTC;
        margin.currency = MarginCurrency.COIN;
        margin.indexUsd = 100_000;
        margin.worstLoss = margin.contingency = margin.initial = margin.maintenance = margin.equity = Double.NaN;
        margin.initialUtilization = margin.maintenanceUtilization = Double.NaN;
        margin.downMove = margin.upMove = margin.downIndexUsd = margin.upIndexUsd = Double.NaN;
        encoder.encode(margin, buffer);

        adapter.onMessage(buffer, 0, OutputEncoder.MARGIN_LENGTH, 0);

        assertThat(seen.margin.known).isFalse();
        assertThat(seen.margin).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
            .isEqualTo(margin);
    }

    @Test
    void shouldCarryTheMaxQuantitiesOfAQuoteAndReadThemAsAbsentFromVersionFour()
    {
        final QuoteAdjustment quote = quote();
        encoder.encode(quote, buffer);
        adapter.onMessage(buffer, 0, OutputEncoder.QUOTE_LENGTH, 0);
        assertThat(seen.quote).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
            .isEqualTo(quote);

        final int oldBlock = QuoteAdjustmentDecoder.bidMaxQtyEncodingOffset();
        asVersion4(oldBlock);
        adapter.onMessage(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + oldBlock, 0);

        assertThat(seen.quote.bidMaxQty).isNaN();
        assertThat(seen.quote.askMaxQty).isNaN();
        assertThat(seen.quote.shift).isEqualTo(quote.shift);
        assertThat(seen.quote.underlying).isEqualTo(BTC);
    }

    @Test
    void shouldCarryTheMarginFieldsOfASnapshotAndReadThemAsAbsentFromVersionFour()
    {
        final RiskSnapshot snapshot = snapshot();
        encoder.encode(snapshot, buffer);
        final int length = OutputEncoder.snapshotLength(snapshot);
        adapter.onMessage(buffer, 0, length, 0);
        assertThat(seen.snapshot.initialUtilization).isEqualTo(0.25);
        assertThat(seen.snapshot.maintenanceUtilization).isEqualTo(0.125);
        assertThat(seen.snapshot.liquidationDownMove).isEqualTo(-0.4);
        assertThat(seen.snapshot.liquidationUpMove).isNaN();
        assertThat(seen.snapshot.quantity[0]).isEqualTo(10);

        // a version 4 writer's block ends where version 5's fields start; its groups follow at once
        final int oldBlock = RiskSnapshotDecoder.initialUtilizationEncodingOffset();
        final int removed = RiskSnapshotDecoder.BLOCK_LENGTH - oldBlock;
        final int groupsAt = MessageHeaderEncoder.ENCODED_LENGTH + RiskSnapshotDecoder.BLOCK_LENGTH;
        final byte[] groups = new byte[length - groupsAt];
        buffer.getBytes(groupsAt, groups);
        buffer.putBytes(groupsAt - removed, groups);
        asVersion4(oldBlock);
        adapter.onMessage(buffer, 0, length - removed, 0);

        assertThat(seen.snapshot.initialUtilization).isNaN();
        assertThat(seen.snapshot.maintenanceUtilization).isNaN();
        assertThat(seen.snapshot.liquidationDownMove).isNaN();
        assertThat(seen.snapshot.positionCount).isEqualTo(1);
        assertThat(seen.snapshot.quantity[0]).isEqualTo(10);
        assertThat(seen.snapshot.delta).isEqualTo(snapshot.delta);
    }

    /**
     * Schema version 6 adds the snapshot's trading P&L, edge and inventory; a version 5 writer's block ends where they
     * start, and they read as absent.
     */
    @Test
    void shouldCarryTheEdgeFieldsOfASnapshotAndReadThemAsAbsentFromVersionFive()
    {
        final RiskSnapshot snapshot = snapshot();
        snapshot.tradingPnlUsd = 513.7;
        snapshot.edgeUsd = 13.7;
        snapshot.inventoryUsd = 500;
        encoder.encode(snapshot, buffer);
        final int length = OutputEncoder.snapshotLength(snapshot);
        adapter.onMessage(buffer, 0, length, 0);
        assertThat(seen.snapshot.tradingPnlUsd).isEqualTo(513.7);
        assertThat(seen.snapshot.edgeUsd).isEqualTo(13.7);
        assertThat(seen.snapshot.inventoryUsd).isEqualTo(500);

        final int oldBlock = RiskSnapshotDecoder.tradingPnlUsdEncodingOffset();
        final int removed = RiskSnapshotDecoder.BLOCK_LENGTH - oldBlock;
        final int groupsAt = MessageHeaderEncoder.ENCODED_LENGTH + RiskSnapshotDecoder.BLOCK_LENGTH;
        final byte[] groups = new byte[length - groupsAt];
        buffer.getBytes(groupsAt, groups);
        buffer.putBytes(groupsAt - removed, groups);
        asVersion4(oldBlock);
        buffer.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short)5, ByteOrder.LITTLE_ENDIAN);
        adapter.onMessage(buffer, 0, length - removed, 0);

        assertThat(seen.snapshot.tradingPnlUsd).isNaN();
        assertThat(seen.snapshot.edgeUsd).isNaN();
        assertThat(seen.snapshot.inventoryUsd).isNaN();
        assertThat(seen.snapshot.initialUtilization).isEqualTo(0.25);
        assertThat(seen.snapshot.quantity[0]).isEqualTo(10);
    }

    private void asVersion4(final int blockLength)
    {
        buffer.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short)4, ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(), (short)blockLength, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A restart resumes the output sequence after the last output the queue holds: a scenario grid or a margin status
     * last in the queue must name its sequence, or the restart writes it again.
     */
    @Test
    void shouldFindTheLastOutputSequenceWhenTheQueueEndsWithAScenarioOutput(@org.junit.jupiter.api.io.TempDir
        final java.nio.file.Path dir)
    {
        try (net.openhft.chronicle.queue.ChronicleQueue queue = org.mmrisk.daemon.queue.Queues.open(dir))
        {
            final ScenarioGridMessage grid = grid();
            encoder.encode(grid, buffer);
            append(queue, OutputEncoder.gridLength(grid));
            assertThat(org.mmrisk.daemon.egress.OutputPosition.lastOutputSequence(queue)).isEqualTo(41);
            final MarginStatus margin = margin();
            encoder.encode(margin, buffer);
            append(queue, OutputEncoder.MARGIN_LENGTH);
            assertThat(org.mmrisk.daemon.egress.OutputPosition.lastOutputSequence(queue)).isEqualTo(42);
        }
    }

    private void append(final net.openhft.chronicle.queue.ChronicleQueue queue, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        try (net.openhft.chronicle.queue.ExcerptAppender appender = queue.createAppender();
            net.openhft.chronicle.wire.DocumentContext document = appender.writingDocument())
        {
            document.wire().bytes().write(bytes);
        }
    }

    private static ScenarioGridMessage grid()
    {
        final ScenarioGridMessage g = new ScenarioGridMessage(3);
        g.sequence = 41;
        g.timeNs = 1_795_000_000_123_456_789L;
        g.underlying = BTC;
        g.currency = MarginCurrency.USD;
        g.indexUsd = 100_000.5;
        g.pointCount = 3;
        g.regularCount = 2;
        final double[] move = {-0.1, 0.1, -0.5};
        final VolShock[] shock = {VolShock.UP, VolShock.DOWN, VolShock.SAME};
        for (int p = 0; p < 3; p++)
        {
            g.move[p] = move[p];
            g.shock[p] = shock[p];
            g.weight[p] = p == 2 ? 0.33 : 1;
            g.pnl[p] = -1_000.25 * (p + 1);
            g.taylorPnl[p] = -990.5 * (p + 1);
        }
        g.worstLoss = 3_000.75;
        g.worstPoint = 2;
        g.maxTaylorGap = 19.5;
        g.maxTaylorGapPoint = 1;
        return g;
    }

    private static MarginStatus margin()
    {
        final MarginStatus m = new MarginStatus();
        m.sequence = 42;
        m.timeNs = 1_795_000_000_123_456_789L;
        m.underlying = BTC;
        m.currency = MarginCurrency.COIN;
        m.known = true;
        m.indexUsd = 100_000.5;
        m.worstLoss = 1.5;
        m.contingency = 0.25;
        m.initial = 1.75;
        m.maintenance = 1.3125;
        m.equity = 7;
        m.initialUtilization = 0.25;
        m.maintenanceUtilization = 0.1875;
        m.downMove = -0.42;
        m.upMove = Double.NaN;
        m.downIndexUsd = 58_000.29;
        m.upIndexUsd = Double.NaN;
        return m;
    }

    private static QuoteAdjustment quote()
    {
        final QuoteAdjustment q = new QuoteAdjustment();
        q.sequence = 7;
        q.timeNs = 1_795_000_000_000_000_000L;
        q.instrumentId = 3;
        q.kind = InstrumentKind.OPTION;
        q.underlying = BTC;
        q.shift = -12.5;
        q.shiftVol = -0.4;
        q.bidSpreadMult = 1.5;
        q.askSpreadMult = 1;
        q.bidSizeMult = 0.5;
        q.askSizeMult = 1;
        q.state = QuotingState.WIDEN;
        q.bidMaxQty = 12.5;
        q.askMaxQty = Double.NaN;
        q.causeJournalSequence = 99;
        q.causeReceiveTimeNs = 1_795_000_000_000_000_001L;
        q.causeSendTimeNs = 1_795_000_000_000_000_002L;
        return q;
    }

    private static RiskSnapshot snapshot()
    {
        final RiskSnapshot s = new RiskSnapshot();
        s.sequence = 8;
        s.timeNs = 1_795_000_000_000_000_000L;
        s.underlying = BTC;
        s.indexUsd = 100_000;
        s.delta = 1.25;
        s.deltaUsd = 125_000;
        s.state = QuotingState.NORMAL;
        s.initialUtilization = 0.25;
        s.maintenanceUtilization = 0.125;
        s.liquidationDownMove = -0.4;
        s.liquidationUpMove = Double.NaN;
        s.positionCount = 1;
        s.instrumentId[0] = 3;
        s.quantity[0] = 10;
        s.avgPrice[0] = 0.05;
        return s;
    }

    /**
     * Keeps the adapter's flyweights as last seen (read before the next message).
     */
    private static final class Seen implements RiskOutput
    {
        ScenarioGridMessage grid;
        MarginStatus margin;
        QuoteAdjustment quote;
        RiskSnapshot snapshot;

        @Override
        public void onQuoteAdjustment(final QuoteAdjustment adjustment)
        {
            quote = adjustment;
        }

        @Override
        public void onRiskSnapshot(final RiskSnapshot s)
        {
            snapshot = s;
        }

        @Override
        public void onAlert(final Alert alert)
        {
        }

        @Override
        public void onHedgeSignal(final HedgeSignal signal)
        {
        }

        @Override
        public void onScenarioGrid(final ScenarioGridMessage g)
        {
            grid = g;
        }

        @Override
        public void onMarginStatus(final MarginStatus m)
        {
            margin = m;
        }
    }
}

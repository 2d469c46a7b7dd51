package org.mmrisk.daemon.cli;

import org.mmrisk.core.engine.ScenarioReport;
import org.mmrisk.core.engine.UnderlyingRisk;
import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.event.VolShock;
import org.mmrisk.core.scenario.GridFigures;
import org.mmrisk.core.scenario.MarginFigures;
import org.mmrisk.core.scenario.ScenarioPoints;
import org.mmrisk.daemon.json.ScenarioJson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code risk scenario}: per underlying, the grid as a table (rows the index moves ascending, columns the
 * vol shocks UP, SAME, DOWN; an extended move has its own row with UP only) with the worst cell marked {@value #WORST},
 * then the worst loss, margin, equity, utilization, liquidation distance and the largest Taylor gap. Amounts are in
 * the underlying's margin currency. Stateless.
 */
final class ScenarioTable
{
    /** Marks the cell whose weighted loss is the worst loss. */
    static final String WORST = "*";

    private static final VolShock[] COLUMNS = { VolShock.UP, VolShock.SAME, VolShock.DOWN };
    private static final int CELL = 16;

    private ScenarioTable()
    {
    }

    static String render(final List<ScenarioReport.Underlying> reports)
    {
        if (reports.isEmpty())
        {
            return "no underlying with an index: nothing to report\n";
        }
        final StringBuilder text = new StringBuilder();
        for (final ScenarioReport.Underlying r : reports)
        {
            if (text.length() > 0)
            {
                text.append('\n');
            }
            underlying(r, text);
        }
        return text.toString();
    }

    private static void underlying(final ScenarioReport.Underlying r, final StringBuilder text)
    {
        final String unit = unit(r);
        text.append(String.format(Locale.ROOT, "%s  index %,.2f  margin currency %s%n", r.name, r.indexUsd, unit));
        if (!r.complete)
        {
            text.append("  (a position cannot be valued: the grid leaves it out and the margin is unknown)\n");
        }
        grid(r, unit, text);
        figures(r, unit, text);
    }

    private static void grid(final ScenarioReport.Underlying r, final String unit, final StringBuilder text)
    {
        final ScenarioPoints points = r.points;
        final int worst = r.grid.worstPoint();
        final double extendedWeight = weightOfExtended(points);
        text.append(String.format(Locale.ROOT, "  P&L, %s (%s: the worst loss%s)%n", unit, WORST,
            Double.isNaN(extendedWeight) ? "" : "; ext: extended move, vol UP only, weight " + plain(extendedWeight)));
        text.append(String.format(Locale.ROOT, "  %-12s", "MOVE"));
        for (final VolShock column : COLUMNS)
        {
            text.append(String.format(Locale.ROOT, "%" + CELL + "s ", column.name()));
        }
        trimLine(text);
        for (final Row row : rows(points))
        {
            text.append(String.format(Locale.ROOT, "  %-12s", percent(row.move) + (row.extended ? " ext" : "")));
            for (final VolShock column : COLUMNS)
            {
                final int p = row.point(column);
                text.append(p < 0 ? " ".repeat(CELL + 1) :
                    String.format(Locale.ROOT, "%" + CELL + "s%s", amount(r, r.grid.pnl(p)), p == worst ? WORST : " "));
            }
            trimLine(text);
        }
    }

    private static void figures(final ScenarioReport.Underlying r, final String unit, final StringBuilder text)
    {
        final ScenarioPoints points = r.points;
        final GridFigures grid = r.grid;
        final MarginFigures m = r.margin;
        line(text, "worst loss", amount(r, grid.worstLoss()) + " " + unit + " at " + point(points, grid.worstPoint()));
        if (!m.known)
        {
            line(text, "margin", "unknown: a position of " + r.name + " cannot be valued (unpriced or parked)");
        }
        else
        {
            line(text, "contingency", amount(r, m.contingency) + " " + unit);
            line(text, "initial margin", amount(r, m.initial) + " " + unit);
            line(text, "maintenance", amount(r, m.maintenance) + " " + unit);
            line(text, "equity", amount(r, m.equity) + " " + unit);
            line(text, "utilization", m.equityExhausted() ? "none: equity at or below zero (a breach of any limit)" :
                "initial " + percentOf(m.initialUtilization) + ", maintenance " + percentOf(m.maintenanceUtilization));
            line(text, "liquidation", "down " + distance(m.downMove, m.downIndexUsd) + ", up " +
                distance(m.upMove, m.upIndexUsd));
        }
        line(text, "max Taylor gap", amount(r, grid.maxTaylorGap()) + " " + unit + " at " +
            point(points, grid.maxTaylorGapPoint()));
    }

    /**
     * Ends the line, without the blanks of empty cells and the space after the last one.
     */
    private static void trimLine(final StringBuilder text)
    {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ')
        {
            end--;
        }
        text.setLength(end);
        text.append('\n');
    }

    private static void line(final StringBuilder text, final String label, final String value)
    {
        text.append(String.format(Locale.ROOT, "  %-16s%s%n", label, value));
    }

    private static String point(final ScenarioPoints points, final int p)
    {
        return percent(points.move(p)) + " vol " + points.shock(p).name() + (points.isExtended(p) ?
            " (extended, weight " + plain(points.weight(p)) + ")" : "");
    }

    private static String distance(final double move, final double index)
    {
        return Double.isNaN(move) ? "none in range" :
            String.format(Locale.ROOT, "%+.2f%% (index %,.2f)", move * 100, index);
    }

    private static String unit(final ScenarioReport.Underlying r)
    {
        return ScenarioJson.currency(r);
    }

    /**
     * @return a coin amount to the satoshi's order (8 places is noise here: 6), a USD amount to the cent.
     */
    private static String amount(final ScenarioReport.Underlying r, final double value)
    {
        if (Double.isNaN(value))
        {
            return "n/a";
        }
        return String.format(Locale.ROOT, r.currency == MarginCurrency.COIN ? "%,.6f" : "%,.2f", value);
    }

    /**
     * @return a move as a signed percentage with no more places than it needs (-16%, +2.5%, +400%).
     */
    static String percent(final double move)
    {
        final String digits = plain(move * 100);
        return (move > 0 ? "+" : "") + digits + "%";
    }

    private static String percentOf(final double fraction)
    {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static String plain(final double value)
    {
        final String text = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros()
            .toPlainString();
        return "-0".equals(text) ? "0" : text;
    }

    /**
     * @return the weight of the extended moves, NaN when there are none.
     */
    private static double weightOfExtended(final ScenarioPoints points)
    {
        for (int p = 0; p < points.count(); p++)
        {
            if (points.isExtended(p))
            {
                return points.weight(p);
            }
        }
        return Double.NaN;
    }

    /**
     * @return one row per regular move (its three shocks) and one per extended move, by move ascending; a regular
     * row comes before an extended one of the same move.
     */
    private static List<Row> rows(final ScenarioPoints points)
    {
        final List<Row> rows = new ArrayList<>();
        Row last = null;
        for (int p = 0; p < points.count(); p++)
        {
            final boolean extended = points.isExtended(p);
            if (last == null || last.extended != extended || last.move != points.move(p) || extended)
            {
                last = new Row(points.move(p), extended);
                rows.add(last);
            }
            last.points[points.shock(p).ordinal()] = p;
        }
        rows.sort(Comparator.comparingDouble((Row row) -> row.move).thenComparing(row -> row.extended));
        return rows;
    }

    /**
     * Per underlying: the cost of unwinding its positions at the displayed book (docs/liquidity.md) and its trading
     * P&L split into the fills' edge and the inventory (docs/exposure.md), USD.
     */
    static String liquidityAndEdge(final List<UnderlyingRisk> underlyings)
    {
        final StringBuilder text = new StringBuilder();
        for (final UnderlyingRisk u : underlyings)
        {
            text.append(String.format(Locale.ROOT, "%n%s  liquidity and edge, USD%n", u.name()));
            final double costUsd = u.liquidity().costUsd();
            line(text, "liquidity cost", Double.isNaN(costUsd) ? unknownCost(u.liquidity().unknownPositions()) :
                String.format(Locale.ROOT, "%,.2f", costUsd));
            line(text, "trading P&L", String.format(Locale.ROOT, "%,.2f", u.tradingPnlUsd()));
            line(text, "edge", String.format(Locale.ROOT, "%,.2f", u.edgeUsd()));
            line(text, "inventory", String.format(Locale.ROOT, "%,.2f", u.inventoryUsd()));
        }
        return text.toString();
    }

    /** One line of the table: the grid's point under each vol shock, −1 where the row has none. */
    private static final class Row
    {
        final double move;
        final boolean extended;
        final int[] points = { -1, -1, -1 };

        Row(final double move, final boolean extended)
        {
            this.move = move;
            this.extended = extended;
        }

        int point(final VolShock shock)
        {
            return points[shock.ordinal()];
        }
    }

    /**
     * @return why the cost is unknown: positions whose book cannot be unwound, or else no index to convert coins at.
     */
    private static String unknownCost(final int unknownPositions)
    {
        return unknownPositions > 0 ? "unknown: " + unknownPositions + " position(s) without the side they unwind on" :
            "unknown: no index to convert the coin-settled part at";
    }
}

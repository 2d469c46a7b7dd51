package org.mmrisk.daemon.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A brute-force reference for the scenario grid, the portfolio margin and the liquidation distance, written from
 * the definitions' formulas alone: its own Black-76 (rate 0) on its own normal CDF, full revaluation at every grid
 * point, Taylor terms from central finite differences (Richardson-extrapolated) of its own value functions, and the
 * liquidation distance by stepping and bisecting exactly as defined. Its inputs are what the replay state says of the
 * market (index, each instrument's forward, implied vol and delta; each position's quantity and average price), the
 * instruments' terms and the cash the test booked. Test only, single-threaded; money in the margin currency (coins of
 * the underlying for COIN margin, USD for USD margin) unless a name says otherwise.
 */
final class ScenarioOracle
{
    static final double YEAR_SECONDS = 365.25 * 86_400;
    static final String[] VOLS = { "UP", "SAME", "DOWN" };

    /** The configuration values the definitions use, at their defaults unless set. */
    static final class Params
    {
        double priceRange = 0.16;
        int priceBuckets = 4;
        double[] extendedMoves = { -0.66, -0.33, 0.5, 1, 2, 3, 4, 5 };
        double extendedWeight = 0.35;
        double shortTermVegaPower = 0.30;
        double longTermVegaPower = 0.13;
        double volRangeUp = 0.50;
        double volRangeDown = 0.25;
        double volFloor = 0.01;
        double shortOptionContingencyCoins = 0.01;
        double futuresContingency = 0.01;
        double maintenanceFactor = 0.80;
    }

    /** One position with the market the state gives for its instrument. */
    static final class Leg
    {
        final ScenarioBook.Def def;
        final double quantity;
        final double avgPrice;
        final double forward;
        final double iv;
        final double delta;
        final double years;

        Leg(final ScenarioBook.Def def, final double quantity, final double avgPrice, final double forward,
            final double iv, final double delta, final double years)
        {
            this.def = def;
            this.quantity = quantity;
            this.avgPrice = avgPrice;
            this.forward = forward;
            this.iv = iv;
            this.delta = delta;
            this.years = years;
        }

        boolean isOption()
        {
            return def.kind == ScenarioBook.Kind.OPTION;
        }
    }

    /** One grid point; {@code gross} and {@code taylorGross} size the rounding a comparison may allow. */
    static final class Point
    {
        final double move;
        final String vol;
        final boolean extended;
        final double weight;
        final double pnl;
        final double pnlUsd;
        final double taylorPnl;
        final double taylorPnlOfValues;
        final double gross;
        final double taylorGross;

        Point(final double move, final String vol, final boolean extended, final double weight, final double pnl,
            final double pnlUsd, final double taylorPnl, final double taylorPnlOfValues, final double gross,
            final double taylorGross)
        {
            this.move = move;
            this.vol = vol;
            this.extended = extended;
            this.weight = weight;
            this.pnl = pnl;
            this.pnlUsd = pnlUsd;
            this.taylorPnl = taylorPnl;
            this.taylorPnlOfValues = taylorPnlOfValues;
            this.gross = gross;
            this.taylorGross = taylorGross;
        }
    }

    /** The liquidation distance as defined (coarse) and the root of g to 1e-12 (exact). */
    static final class Liquidation
    {
        Double downMove;
        Double upMove;
        Double downRoot;
        Double upRoot;
    }

    private final Params params;
    private final boolean usdMargin;
    private final List<Leg> legs;
    private final double index;
    private final double coinCash;
    private final double usdCash;
    private double[][] derivatives;
    private double[][] valueDerivatives;

    ScenarioOracle(final Params params, final boolean usdMargin, final List<Leg> legs, final double index,
        final double coinCash, final double usdCash)
    {
        this.params = params;
        this.usdMargin = usdMargin;
        this.legs = legs;
        this.index = index;
        this.coinCash = coinCash;
        this.usdCash = usdCash;
    }

    /**
     * The oracle for one underlying of a replay state: its positions (non-zero), each with its instrument's forward,
     * iv and delta from {@code instruments[]}, the index from {@code underlyings[]}, years to expiry from the state's
     * engine {@code time}, and the cash the book recorded.
     */
    static ScenarioOracle of(final JsonNode state, final ScenarioBook book, final String underlying,
        final Params params, final boolean usdMargin)
    {
        final Instant now = Instant.parse(state.get("time").asText());
        final List<Leg> legs = new ArrayList<>();
        for (final JsonNode position : state.get("positions"))
        {
            final ScenarioBook.Def def = book.defs().get(position.get("instrumentId").asInt());
            final double quantity = position.get("quantity").asDouble();
            if (!def.underlying.equals(underlying) || quantity == 0)
            {
                continue;
            }
            final JsonNode instrument = instrument(state, def.id);
            final double years = def.expiry == null ? 0 : Duration.between(now, def.expiry).toNanos() / 1e9 /
                YEAR_SECONDS;
            legs.add(new Leg(def, quantity, position.get("avgPrice").asDouble(), instrument.get("forward").asDouble(),
                instrument.get("iv").asDouble(), instrument.get("delta").asDouble(), years));
        }
        return new ScenarioOracle(params, usdMargin, legs, index(state, underlying), book.coinCash(underlying),
            book.usdCash(underlying));
    }

    static JsonNode instrument(final JsonNode state, final int id)
    {
        for (final JsonNode instrument : state.get("instruments"))
        {
            if (instrument.get("instrumentId").asInt() == id)
            {
                return instrument;
            }
        }
        throw new IllegalArgumentException("no instrument " + id + " in the state");
    }

    static double index(final JsonNode state, final String underlying)
    {
        for (final JsonNode row : state.get("underlyings"))
        {
            if (underlying.equals(row.get("underlying").asText()))
            {
                return row.get("index").asDouble();
            }
        }
        throw new IllegalArgumentException("no underlying " + underlying + " in the state");
    }

    double index()
    {
        return index;
    }

    List<Leg> legs()
    {
        return legs;
    }

    // ---------------------------------------------------------------- the grid

    /** The grid's points in their defined order: regular moves ascending, each UP, SAME, DOWN; then extended, UP. */
    List<Point> points()
    {
        final List<Point> points = new ArrayList<>();
        for (int j = -params.priceBuckets; j <= params.priceBuckets; j++)
        {
            final double move = params.priceRange * j / params.priceBuckets;
            for (final String vol : VOLS)
            {
                points.add(point(move, vol, false, 1));
            }
        }
        for (final double move : params.extendedMoves)
        {
            points.add(point(move, "UP", true, params.extendedWeight));
        }
        return points;
    }

    private Point point(final double move, final String vol, final boolean extended, final double weight)
    {
        final double pnl = pnl(0, move, vol);
        final double s1 = index * (1 + move);
        double gross = usdMargin ? Math.abs(coinCash) * (index + s1) : 0;
        for (final Leg leg : legs)
        {
            gross += Math.abs(leg.quantity) * grossValue(leg, leg.forward, leg.iv, index, leg.forward * (1 + move),
                shocked(leg, vol), s1);
        }
        final double[] taylor = taylor(move, vol, derivatives());
        final double[] taylorOfValues = taylor(move, vol, valueDerivatives());
        return new Point(move, vol, extended, weight, pnl, usdMargin ? pnl : pnl * s1, taylor[0], taylorOfValues[0],
            gross, taylor[1]);
    }

    /** P&L in the margin currency at {@code move}/{@code vol} of a grid re-centred at {@code S(1+centre)}. */
    double pnl(final double centre, final double move, final String vol)
    {
        final double s0 = index * (1 + centre);
        final double s1 = s0 * (1 + move);
        double pnl = usdMargin ? coinCash * (s1 - s0) : 0;
        for (final Leg leg : legs)
        {
            final double f0 = leg.forward * (1 + centre);
            pnl += leg.quantity * legPnl(leg, f0, leg.iv, s0, f0 * (1 + move), shocked(leg, vol), s1);
        }
        return pnl;
    }

    /** The vol shock of the definitions: DTE in days of 365.25 per year, a power of 30/DTE. */
    double shocked(final Leg leg, final String vol)
    {
        if (!leg.isOption() || "SAME".equals(vol))
        {
            return leg.iv;
        }
        final double dte = leg.years * 365.25;
        final double power = dte < 30 ? params.shortTermVegaPower : params.longTermVegaPower;
        final double scale = Math.pow(30 / Math.max(dte, 1), power);
        return "UP".equals(vol) ? leg.iv * (1 + params.volRangeUp * scale) :
            Math.max(leg.iv * (1 - params.volRangeDown * scale), params.volFloor);
    }

    /** Per contract, in the margin currency, from (F0, σ0, S0) to (F1, σ1, S1). */
    private double legPnl(final Leg leg, final double f0, final double sigma0, final double s0, final double f1,
        final double sigma1, final double s1)
    {
        final double v0 = settleValue(leg, f0, sigma0);
        final double v1 = settleValue(leg, f1, sigma1);
        if (usdMargin)
        {
            return leg.def.inverse ? v1 * s1 - v0 * s0 : v1 - v0;
        }
        return leg.def.inverse ? v1 - v0 : (v1 - v0) / s1;
    }

    private double grossValue(final Leg leg, final double f0, final double sigma0, final double s0, final double f1,
        final double sigma1, final double s1)
    {
        final double v0 = Math.abs(settleValue(leg, f0, sigma0));
        final double v1 = Math.abs(settleValue(leg, f1, sigma1));
        if (usdMargin)
        {
            return leg.def.inverse ? v1 * s1 + v0 * s0 : v1 + v0;
        }
        return leg.def.inverse ? v1 + v0 : (v1 + v0) / s1;
    }

    /** One contract's value in its settlement currency (coins for inverse, USD for linear). */
    double settleValue(final Leg leg, final double forward, final double sigma)
    {
        final double c = leg.def.contractSize;
        if (leg.isOption())
        {
            final double usd = black(forward, leg.def.strike, leg.years, sigma, leg.def.call);
            return leg.def.inverse ? c * usd / forward : c * usd;
        }
        return leg.def.inverse ? c * (1 / leg.avgPrice - 1 / forward) : c * (forward - leg.avgPrice);
    }

    // ---------------------------------------------------------------- Taylor

    /** {taylorPnl, the sum of the terms' magnitudes} at a point, from derivatives at the centre. */
    private double[] taylor(final double move, final String vol, final double[][] d)
    {
        double sum = usdMargin ? coinCash * index * move : 0;
        double gross = Math.abs(sum);
        for (int i = 0; i < legs.size(); i++)
        {
            final Leg leg = legs.get(i);
            final double df = leg.forward * move;
            final double ds = shocked(leg, vol) - leg.iv;
            final double[] terms = { d[i][0] * df, 0.5 * d[i][1] * df * df, d[i][2] * ds, d[i][3] * df * ds,
                0.5 * d[i][4] * ds * ds };
            for (final double term : terms)
            {
                sum += leg.quantity * term;
                gross += Math.abs(leg.quantity * term);
            }
        }
        return new double[] { sum, gross };
    }

    /** Per leg {P_F, P_FF, P_σ, P_Fσ, P_σσ} of the per-contract P&L function P(F', σ'), S moving as S F'/F. */
    private double[][] derivatives()
    {
        if (derivatives == null)
        {
            derivatives = new double[legs.size()][];
            for (int i = 0; i < legs.size(); i++)
            {
                final Leg leg = legs.get(i);
                derivatives[i] = differentiate(leg, (f, s) -> legPnl(leg, leg.forward, leg.iv, index, f, s,
                    index * f / leg.forward));
            }
        }
        return derivatives;
    }

    /**
     * The other reading, kept to tell the two apart when a comparison fails: derivatives of the contract's value
     * in the margin currency (coin value, or USD value / S(F) for COIN margin; USD value, or coin value x S(F)).
     */
    private double[][] valueDerivatives()
    {
        if (valueDerivatives == null)
        {
            valueDerivatives = new double[legs.size()][];
            for (int i = 0; i < legs.size(); i++)
            {
                final Leg leg = legs.get(i);
                valueDerivatives[i] = differentiate(leg, (f, s) ->
                {
                    final double value = settleValue(leg, f, s);
                    final double sAtF = index * f / leg.forward;
                    if (usdMargin)
                    {
                        return leg.def.inverse ? value * sAtF : value;
                    }
                    return leg.def.inverse ? value : value / sAtF;
                });
            }
        }
        return valueDerivatives;
    }

    private interface Fn
    {
        double at(double forward, double sigma);
    }

    /**
     * Central differences at steps h and h/2 combined by Richardson (error O(h^4)). The forward's step is 1e-3 of F,
     * and for an option at most 1e-2 of its standard deviation σ√T (in F): a short-dated, low-vol option curves over
     * a range of F of that width, so a fixed relative step would be too coarse for it. The vol's step is 1e-2 of σ:
     * at the money with a tiny σ√T a premium is F(N(d1) - N(d2)), exact only to about 1e-13 of itself, and a
     * smaller step would let that noise into the second derivative in σ.
     */
    private static double[] differentiate(final Leg leg, final Fn fn)
    {
        final double f = leg.forward;
        final double s = leg.isOption() ? leg.iv : 0;
        final double hf = leg.isOption() ? f * Math.min(1e-3, 1e-2 * s * Math.sqrt(leg.years)) : 1e-3 * f;
        final double hs = 1e-2 * Math.max(s, 0.01);
        final double[] out = new double[5];
        out[0] = richardson(first(fn, f, s, hf, 0), first(fn, f, s, hf / 2, 0));
        out[1] = richardson(second(fn, f, s, hf, 0), second(fn, f, s, hf / 2, 0));
        if (leg.isOption())
        {
            out[2] = richardson(first(fn, f, s, 0, hs), first(fn, f, s, 0, hs / 2));
            out[3] = richardson(cross(fn, f, s, hf, hs), cross(fn, f, s, hf / 2, hs / 2));
            out[4] = richardson(second(fn, f, s, 0, hs), second(fn, f, s, 0, hs / 2));
        }
        return out;
    }

    private static double richardson(final double coarse, final double fine)
    {
        return (4 * fine - coarse) / 3;
    }

    private static double first(final Fn fn, final double f, final double s, final double hf, final double hs)
    {
        return (fn.at(f + hf, s + hs) - fn.at(f - hf, s - hs)) / (2 * (hf + hs));
    }

    private static double second(final Fn fn, final double f, final double s, final double hf, final double hs)
    {
        final double h = hf + hs;
        return (fn.at(f + hf, s + hs) - 2 * fn.at(f, s) + fn.at(f - hf, s - hs)) / (h * h);
    }

    private static double cross(final Fn fn, final double f, final double s, final double hf, final double hs)
    {
        return (fn.at(f + hf, s + hs) - fn.at(f + hf, s - hs) - fn.at(f - hf, s + hs) + fn.at(f - hf, s - hs)) /
            (4 * hf * hs);
    }

    // ---------------------------------------------------------------- worst loss and margin

    /** max(0, max_j(-pnl_j x weight_j)) over the grid re-centred at {@code centre}. */
    double worstLoss(final double centre)
    {
        double worst = 0;
        for (int j = -params.priceBuckets; j <= params.priceBuckets; j++)
        {
            final double move = params.priceRange * j / params.priceBuckets;
            for (final String vol : VOLS)
            {
                worst = Math.max(worst, -pnl(centre, move, vol));
            }
        }
        for (final double move : params.extendedMoves)
        {
            worst = Math.max(worst, -pnl(centre, move, "UP") * params.extendedWeight);
        }
        return worst;
    }

    /** The index of the first point attaining max_j(-pnl_j x weight_j). */
    static int worstIndex(final List<Point> points)
    {
        int worst = 0;
        for (int j = 1; j < points.size(); j++)
        {
            if (-points.get(j).pnl * points.get(j).weight > -points.get(worst).pnl * points.get(worst).weight)
            {
                worst = j;
            }
        }
        return worst;
    }

    /** The index of the first regular point attaining max |pnl - taylorPnl|. */
    static int maxTaylorGapIndex(final List<Point> points)
    {
        int worst = 0;
        for (int j = 1; j < points.size(); j++)
        {
            if (!points.get(j).extended &&
                Math.abs(points.get(j).pnl - points.get(j).taylorPnl) >
                    Math.abs(points.get(worst).pnl - points.get(worst).taylorPnl))
            {
                worst = j;
            }
        }
        return worst;
    }

    /** Contingency with the market moved by {@code centre} (inverse futures' deltas c/F' there). */
    double contingency(final double centre)
    {
        double options = 0;
        double longs = 0;
        double shorts = 0;
        for (final Leg leg : legs)
        {
            if (leg.isOption())
            {
                options += Math.max(0, -leg.quantity) * leg.def.contractSize;
                continue;
            }
            final double delta = centre == 0 ? leg.delta :
                leg.def.inverse ? leg.def.contractSize / (leg.forward * (1 + centre)) : leg.delta;
            final double exposure = leg.quantity * delta;
            if (exposure > 0)
            {
                longs += exposure;
            }
            else
            {
                shorts += exposure;
            }
        }
        final double coins = params.shortOptionContingencyCoins * options +
            params.futuresContingency * Math.min(longs, Math.abs(shorts));
        return usdMargin ? coins * index * (1 + centre) : coins;
    }

    double initial(final double centre)
    {
        return worstLoss(centre) + contingency(centre);
    }

    double maintenance(final double centre)
    {
        return params.maintenanceFactor * initial(centre);
    }

    /** The coin account: balance and coin cash, inverse futures' coin P&L, coin options at their value. */
    double coinEquity()
    {
        double coins = coinCash;
        for (final Leg leg : legs)
        {
            if (leg.def.inverse)
            {
                coins += leg.quantity * settleValue(leg, leg.forward, leg.iv);
            }
        }
        return coins;
    }

    /** The USD account: balance and USD cash, linear futures' P&L, linear options at their value. */
    double usdEquity()
    {
        double usd = usdCash;
        for (final Leg leg : legs)
        {
            if (!leg.def.inverse)
            {
                usd += leg.quantity * settleValue(leg, leg.forward, leg.iv);
            }
        }
        return usd;
    }

    double equity()
    {
        return usdMargin ? usdEquity() + coinEquity() * index : coinEquity() + usdEquity() / index;
    }

    // ---------------------------------------------------------------- liquidation

    /** g(m) = equity + pnl(m, SAME) - maintenance(m). */
    double g(final double move)
    {
        return equity() + pnl(0, move, "SAME") - maintenance(move);
    }

    Liquidation liquidation()
    {
        final Liquidation out = new Liquidation();
        if (g(0) <= 0)
        {
            out.downMove = 0.0;
            out.upMove = 0.0;
            out.downRoot = 0.0;
            out.upRoot = 0.0;
            return out;
        }
        final double[] down = search(-1, 198);
        final double[] up = search(1, 1000);
        if (down != null)
        {
            out.downMove = down[0];
            out.downRoot = down[1];
        }
        if (up != null)
        {
            out.upMove = up[0];
            out.upRoot = up[1];
        }
        return out;
    }

    /** {the failing end bisected to 1e-4, the root to 1e-12}, or null when no step of 0.005 fails. */
    private double[] search(final int sign, final int steps)
    {
        for (int k = 1; k <= steps; k++)
        {
            final double move = sign * 0.005 * k;
            if (g(move) <= 0)
            {
                final double previous = sign * 0.005 * (k - 1);
                return new double[] { bisect(previous, move, 1e-4), bisect(previous, move, 1e-12) };
            }
        }
        return null;
    }

    private double bisect(final double passing, final double failing, final double width)
    {
        double pass = passing;
        double fail = failing;
        while (Math.abs(fail - pass) > width)
        {
            final double mid = 0.5 * (pass + fail);
            if (g(mid) <= 0)
            {
                fail = mid;
            }
            else
            {
                pass = mid;
            }
        }
        return fail;
    }

    // ---------------------------------------------------------------- Black-76 and the normal CDF

    /** Black-76 with rate 0: USD per coin of a call or put on forward F, strike K, time T years, vol σ. */
    static double black(final double forward, final double strike, final double years, final double sigma,
        final boolean call)
    {
        final double sd = sigma * Math.sqrt(years);
        final double d1 = (Math.log(forward / strike) + 0.5 * sd * sd) / sd;
        final double d2 = d1 - sd;
        return call ? forward * cdf(d1) - strike * cdf(d2) : strike * cdf(-d2) - forward * cdf(-d1);
    }

    /**
     * The standard normal CDF as erfc(|x|/√2)/2: erf by its everywhere-positive series
     * erf(z) = 2/√π e^{-z²} Σ 2^n z^{2n+1}/(2n+1)!! for z < 1, erfc by its continued fraction (modified Lentz)
     * beyond; both converge to the last bit in double precision.
     */
    static double cdf(final double x)
    {
        final double z = Math.abs(x) / Math.sqrt(2);
        final double gauss = Math.exp(-0.5 * x * x);
        final double erfc;
        if (z < 1)
        {
            double term = z;
            double sum = z;
            for (int n = 1; n < 500 && term > 1e-18 * sum; n++)
            {
                term *= 2 * z * z / (2 * n + 1);
                sum += term;
            }
            erfc = 1 - 2 / Math.sqrt(Math.PI) * gauss * sum;
        }
        else
        {
            final double tiny = 1e-300;
            double f = z;
            double c = f;
            double d = 0;
            for (int n = 1; n < 10_000; n++)
            {
                final double a = n / 2.0;
                d = z + a * d;
                d = 1 / (Math.abs(d) < tiny ? tiny : d);
                c = z + a / c;
                final double delta = c * d;
                f *= delta;
                if (Math.abs(delta - 1) < 1e-17)
                {
                    break;
                }
            }
            erfc = gauss / (Math.sqrt(Math.PI) * f);
        }
        return x < 0 ? 0.5 * erfc : 1 - 0.5 * erfc;
    }
}

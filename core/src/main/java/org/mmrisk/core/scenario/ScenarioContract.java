package org.mmrisk.core.scenario;

import org.mmrisk.core.config.ScenarioConfig;
import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.event.VolShock;
import org.mmrisk.core.pricing.Black76;
import org.mmrisk.core.pricing.OptionGreeks;
import org.mmrisk.core.state.StateIo;

/**
 * ONE contract as the scenarios value it, fixed at its grid centre: the index S, its forward F and, for an option,
 * its implied vol σ and time to expiry. At a point the index moves to S·(1+m), the forward to F·(1+m) (basis held)
 * and the vol to its shocked value; no time passes. Values are per contract, in the contract's settlement currency:
 * <ul>
 *   <li>coin-settled option, c coins: c·C(F,σ)/F coins; linear option: c·C(F,σ) USD (Black-76, no discounting);</li>
 *   <li>inverse future or perpetual, c USD: −c/F coins (the entry's c/entry is a coin balance, added by the
 *       caller); linear one, c coins: c·F USD (the entry's −c·entry likewise).</li>
 * </ul>
 * In the margin currency a value change is: COIN — coin-settled ΔV, USD-settled ΔV/S′; USD — USD-settled ΔV,
 * coin-settled V′·S′ − V·S. Owned by the engine thread (or a report's thread); allocation-free.
 */
public final class ScenarioContract
{
    /** A basis difference (relative) that is rounding, not a change. */
    private static final double BASIS_TOLERANCE = 1e-12;

    private boolean option;
    /** Spot or index holdings: delta-one, but not a future for the contingency. */
    private boolean spot;
    private boolean coinSettled;
    private boolean call;
    private double strike;
    private double size;
    private double indexUsd;
    private double forward;
    private double vol;
    private double pricingYears;
    private final double[] shockedVols = new double[VolShock.VALUES.length];
    /** σ√T of each shock (0 at intrinsic), ln(F/K) and ln S at the centre: a valuation needs no log or root. */
    private final double[] stdDevs = new double[VolShock.VALUES.length];
    private double logMoneyness;
    private double logIndex;
    /** Derivatives of the margin-currency value function at the centre, per unit of F and of σ. */
    private double dF;
    private double dFF;
    private double dS;
    private double dFS;
    private double dSS;
    private final OptionGreeks greeks = new OptionGreeks();

    /**
     * An option at its centre.
     *
     * @param pricingYears the time it is priced with (the engine's time floor applied).
     * @param days         its time to expiry in days, for the vol shocks.
     */
    public void option(final boolean coinSettled, final boolean call, final double strike, final double size,
        final double indexUsd, final double forward, final double vol, final double pricingYears, final double days,
        final ScenarioConfig config)
    {
        this.option = true;
        this.spot = false;
        this.coinSettled = coinSettled;
        this.call = call;
        this.strike = strike;
        this.size = size;
        this.indexUsd = indexUsd;
        this.forward = forward;
        this.vol = vol;
        this.pricingYears = pricingYears;
        this.logMoneyness = Black76.logMoneyness(forward, strike);
        this.logIndex = Math.log(indexUsd);
        final double rootYears = pricingYears < Black76.MIN_YEARS ? 0 : Math.sqrt(pricingYears);
        for (final VolShock shock : VolShock.VALUES)
        {
            shockedVols[shock.ordinal()] = ScenarioVols.shocked(shock, vol, days, config);
            stdDevs[shock.ordinal()] = shockedVols[shock.ordinal()] * rootYears;
        }
    }

    /**
     * A spot (or index) holding of {@code coins} per contract at the index {@code indexUsd}.
     */
    public void spot(final double coins, final double indexUsd)
    {
        future(false, coins, indexUsd, indexUsd);
        this.spot = true;
    }

    /**
     * A future or perpetual at its centre: {@code size} USD when inverse, else coins. Unlike spot, its delta counts
     * in the contingency for futures that offset one another.
     */
    public void future(final boolean inverse, final double size, final double indexUsd, final double forward)
    {
        this.option = false;
        this.spot = false;
        this.coinSettled = inverse;
        this.call = false;
        this.strike = Double.NaN;
        this.size = size;
        this.indexUsd = indexUsd;
        this.forward = forward;
        this.vol = Double.NaN;
        this.pricingYears = 0;
        this.logMoneyness = Double.NaN;
        this.logIndex = Math.log(indexUsd);
        shockedVols[0] = shockedVols[1] = shockedVols[2] = Double.NaN;
        stdDevs[0] = stdDevs[1] = stdDevs[2] = Double.NaN;
    }

    public boolean isOption()
    {
        return option;
    }

    /**
     * @return true for a future or perpetual (a delta-one contract that is not spot).
     */
    public boolean isFuture()
    {
        return !option && !spot;
    }

    public boolean isCoinSettled()
    {
        return coinSettled;
    }

    public double size()
    {
        return size;
    }

    public double indexUsd()
    {
        return indexUsd;
    }

    public double forward()
    {
        return forward;
    }

    /**
     * @return a delta-one contract's coin delta per contract at its centre: c/F inverse, c·F/S linear; 0 for an
     * option.
     */
    public double coinDelta()
    {
        if (option)
        {
            return 0;
        }
        return coinSettled ? size / forward : size * forward / indexUsd;
    }

    public double vol(final VolShock shock)
    {
        return shockedVols[shock.ordinal()];
    }

    /**
     * @return the value of one contract in its settlement currency with the index moved by the factor
     * {@code ratio} from the centre ({@code logRatio} = ln ratio) and the vol shocked by {@code shock}.
     */
    public double valueAt(final double ratio, final double logRatio, final VolShock shock)
    {
        final double movedForward = forward * ratio;
        if (!option)
        {
            return coinSettled ? -size / movedForward : size * movedForward;
        }
        final double premium = size * Black76.undiscountedPrice(call, movedForward, strike, logMoneyness + logRatio,
            stdDevs[shock.ordinal()]);
        return coinSettled ? premium / movedForward : premium;
    }

    /**
     * @return the value of one contract with the forward at {@code forwardUsd} and the option's vol at
     * {@code shockedVol}, straight from {@link Black76#price}: the reference {@link #valueAt} is tested against.
     */
    double settlementValue(final double forwardUsd, final double shockedVol)
    {
        if (!option)
        {
            return coinSettled ? -size / forwardUsd : size * forwardUsd;
        }
        final double premium = size * Black76.price(call, forwardUsd, strike, pricingYears, shockedVol, 0.0);
        return coinSettled ? premium / forwardUsd : premium;
    }

    /**
     * @return the value of one contract with the index at {@code indexUsd} ({@code logIndexUsd} its logarithm).
     */
    public double valueAtIndex(final double indexUsd, final double logIndexUsd, final VolShock shock)
    {
        return valueAt(indexUsd / this.indexUsd, logIndexUsd - logIndex, shock);
    }

    /**
     * @return the value of one contract at its centre, settlement currency.
     */
    public double centreValue()
    {
        return valueAt(1, 0, VolShock.SAME);
    }

    /**
     * @return the change of one contract's value, in {@code currency}, when the index moves by the factor
     * {@code ratio} = S′/S ({@code logRatio} its logarithm) and the vol takes {@code shock}; {@code centreValue} is
     * {@link #centreValue()}.
     */
    public double change(final MarginCurrency currency, final double ratio, final double logRatio,
        final VolShock shock, final double centreValue)
    {
        final double moved = valueAt(ratio, logRatio, shock);
        if (currency == MarginCurrency.COIN)
        {
            return coinSettled ? moved - centreValue : (moved - centreValue) / (indexUsd * ratio);
        }
        return coinSettled ? moved * indexUsd * ratio - centreValue * indexUsd : moved - centreValue;
    }

    /**
     * @return true when this contract, as the liquidation curves hold it, values close enough to {@code other} at every
     * index level to be left in them: the same terms, a vol within {@code volTolerance} (absolute), a basis within
     * {@code basisTolerance} and a time to expiry within {@code timeTolerance} (both relative). Where it was centred
     * does not matter: the curves are a function of the index itself.
     */
    public boolean valuesLike(final ScenarioContract other, final double volTolerance, final double basisTolerance,
        final double timeTolerance)
    {
        if (option != other.option || spot != other.spot || coinSettled != other.coinSettled || size != other.size)
        {
            return false;
        }
        final double basis = forward / indexUsd;
        final boolean sameBasis = Math.abs(other.forward / other.indexUsd - basis) <= basisTolerance * basis;
        if (!option)
        {
            return sameBasis;
        }
        return sameBasis && call == other.call && strike == other.strike && Math.abs(other.vol - vol) <= volTolerance &&
            Math.abs(other.pricingYears - pricingYears) <= timeTolerance * pricingYears;
    }

    /**
     * Prepares {@link #taylor}: the first and second derivatives, in the forward and the vol, of the same
     * margin-currency value function {@link #change} uses, at the centre.
     */
    public void prepareTaylor(final MarginCurrency currency)
    {
        double v;
        double vF;
        double vFF;
        double vS = 0;
        double vFS = 0;
        double vSS = 0;
        final double f = forward;
        if (option)
        {
            Black76.greeks(call, f, strike, pricingYears, vol, 0.0, greeks);
            // per unit of vol: the holder's vega, vanna and volga are per vol point
            final double c = greeks.price;
            final double nu = greeks.vega * 100;
            final double vanna = greeks.vanna * 100;
            final double volga = greeks.volga * 10_000;
            if (coinSettled)
            {
                v = size * c / f;
                vF = size * (greeks.delta / f - c / (f * f));
                vFF = size * (greeks.gamma / f - 2 * greeks.delta / (f * f) + 2 * c / (f * f * f));
                vS = size * nu / f;
                vFS = size * (vanna / f - nu / (f * f));
                vSS = size * volga / f;
            }
            else
            {
                v = size * c;
                vF = size * greeks.delta;
                vFF = size * greeks.gamma;
                vS = size * nu;
                vFS = size * vanna;
                vSS = size * volga;
            }
        }
        else if (coinSettled)
        {
            v = -size / f;
            vF = size / (f * f);
            vFF = -2 * size / (f * f * f);
        }
        else
        {
            v = size * f;
            vF = size;
            vFF = 0;
        }
        toMarginCurrency(currency, v, vF, vFF, vS, vFS, vSS);
    }

    /**
     * From the settlement-currency derivatives to those of the margin-currency change, S moving as S·F′/F:
     * COIN of a USD-settled contract ΔV·F/(S·F′); USD of a coin-settled one V(F′)·S·F′/F − V·S.
     */
    private void toMarginCurrency(final MarginCurrency currency, final double v, final double vF, final double vFF,
        final double vS, final double vFS, final double vSS)
    {
        final double f = forward;
        if (currency == MarginCurrency.COIN && !coinSettled)
        {
            final double k = 1.0 / indexUsd;
            dF = k * vF;
            dFF = k * (vFF - 2 * vF / f);
            dS = k * vS;
            dFS = k * (vFS - vS / f);
            dSS = k * vSS;
        }
        else if (currency == MarginCurrency.USD && coinSettled)
        {
            final double k = indexUsd / f;
            dF = k * (vF * f + v);
            dFF = k * (vFF * f + 2 * vF);
            dS = k * vS * f;
            dFS = k * (vFS * f + vS);
            dSS = k * vSS * f;
        }
        else
        {
            dF = vF;
            dFF = vFF;
            dS = vS;
            dFS = vFS;
            dSS = vSS;
        }
    }

    /**
     * @return the second-order Taylor estimate of {@link #change} for the move {@code move} and {@code shock},
     * after {@link #prepareTaylor}.
     */
    public double taylor(final double move, final VolShock shock)
    {
        final double forwardMove = forward * move;
        final double volMove = option ? shockedVols[shock.ordinal()] - vol : 0;
        return dF * forwardMove + 0.5 * dFF * forwardMove * forwardMove + dS * volMove +
            dFS * forwardMove * volMove + 0.5 * dSS * volMove * volMove;
    }

    /**
     * Saves or restores the centre and the derivatives (the vol shocks included), so that a restored contract values
     * exactly as this one.
     */
    public void exchangeState(final StateIo io)
    {
        option = io.bool(option);
        spot = io.bool(spot);
        coinSettled = io.bool(coinSettled);
        call = io.bool(call);
        strike = io.f64(strike);
        size = io.f64(size);
        indexUsd = io.f64(indexUsd);
        forward = io.f64(forward);
        vol = io.f64(vol);
        pricingYears = io.f64(pricingYears);
        io.f64s(shockedVols, shockedVols.length);
        io.f64s(stdDevs, stdDevs.length);
        logMoneyness = io.f64(logMoneyness);
        logIndex = io.f64(logIndex);
        dF = io.f64(dF);
        dFF = io.f64(dFF);
        dS = io.f64(dS);
        dFS = io.f64(dFS);
        dSS = io.f64(dSS);
    }

    /**
     * Makes this contract the same as {@code other} (its centre, vol shocks and derivatives).
     */
    public void copyFrom(final ScenarioContract other)
    {
        option = other.option;
        spot = other.spot;
        coinSettled = other.coinSettled;
        call = other.call;
        strike = other.strike;
        size = other.size;
        indexUsd = other.indexUsd;
        forward = other.forward;
        vol = other.vol;
        pricingYears = other.pricingYears;
        System.arraycopy(other.shockedVols, 0, shockedVols, 0, shockedVols.length);
        System.arraycopy(other.stdDevs, 0, stdDevs, 0, stdDevs.length);
        logMoneyness = other.logMoneyness;
        logIndex = other.logIndex;
        dF = other.dF;
        dFF = other.dFF;
        dS = other.dS;
        dFS = other.dFS;
        dSS = other.dSS;
    }
}

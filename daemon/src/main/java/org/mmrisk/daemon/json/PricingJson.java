package org.mmrisk.daemon.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mmrisk.core.pricing.Black76;
import org.mmrisk.core.pricing.ImpliedVolResult;
import org.mmrisk.core.pricing.ImpliedVolStatus;
import org.mmrisk.core.pricing.InverseOptionGreeks;
import org.mmrisk.core.pricing.OptionGreeks;

import static org.mmrisk.daemon.json.OutputJson.number;

/**
 * The output objects of {@code risk price} and {@code risk iv}. Keys keep the names and units of
 * {@link OptionGreeks} and {@link InverseOptionGreeks}; keys may be added, never renamed. Non-finite numbers are
 * written as null. Stateless apart from its mapper; allocates (tools only).
 */
public final class PricingJson
{
    /** The {@code bound} of an AT_BOUND implied vol: the intrinsic value (vol 0) or the forward/strike (vol +∞). */
    public static final String LOWER = "LOWER";
    public static final String UPPER = "UPPER";
    /**
     * The {@code cutoff} of an INTRINSIC_ONLY implied vol: the {@link Black76} limit under which the price is the
     * discounted intrinsic value, one second to expiry ({@link Black76#MIN_YEARS}) or a σ√T of
     * {@link Black76#MIN_STD_DEV}.
     */
    public static final String MIN_YEARS = "MIN_YEARS";
    public static final String MIN_STD_DEV = "MIN_STD_DEV";

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * A linear (USD-settled) option: {@code price} in USD and every Greek of {@link OptionGreeks} in its units.
     */
    public ObjectNode linear(final OptionGreeks g)
    {
        final ObjectNode n = mapper.createObjectNode();
        greeks(n, g.price, g);
        return n;
    }

    /**
     * A coin-settled option: {@code price} is the coin premium C(F)/F; delta to rho and dollarGamma are the USD
     * view (Black-76 of C(F) at r = 0, units of {@link OptionGreeks}); then {@code priceUsd} = C(F) and the coin
     * view: {@code premiumAdjustedDelta} (coins), {@code coinGamma} (coins per USD), {@code coinVega} (coins per
     * vol point), {@code coinTheta} (coins per calendar day).
     */
    public ObjectNode inverse(final InverseOptionGreeks g)
    {
        final ObjectNode n = mapper.createObjectNode();
        greeks(n, g.coinPremium, g.usd);
        number(n, "priceUsd", g.usd.price);
        number(n, "premiumAdjustedDelta", g.premiumAdjustedDelta);
        number(n, "coinGamma", g.coinGamma);
        number(n, "coinVega", g.coinVega);
        number(n, "coinTheta", g.coinTheta);
        return n;
    }

    /**
     * {@link #impliedVol(ImpliedVolResult)}, and for INTRINSIC_ONLY also {@code cutoff} (MIN_YEARS or MIN_STD_DEV)
     * and {@code intrinsic}: the price {@code risk price} gives there whatever the volatility under the cut-off, in
     * the unit of the price asked about.
     */
    public ObjectNode impliedVol(final ImpliedVolResult result, final double years, final double intrinsicPrice)
    {
        final ObjectNode n = impliedVol(result);
        if (result.status == ImpliedVolStatus.INTRINSIC_ONLY)
        {
            n.put("cutoff", cutoffName(years));
            number(n, "intrinsic", intrinsicPrice);
        }
        return n;
    }

    private static String cutoffName(final double years)
    {
        return years < Black76.MIN_YEARS ? MIN_YEARS : MIN_STD_DEV;
    }

    /**
     * {@code {"iv": vol}} when the solve is OK, else {@code {"iv": null, "reason": STATUS}}, with {@code bound}
     * LOWER or UPPER added for AT_BOUND.
     */
    public ObjectNode impliedVol(final ImpliedVolResult result)
    {
        final ObjectNode n = mapper.createObjectNode();
        if (result.isOk())
        {
            number(n, "iv", result.vol);
            return n;
        }
        n.putNull("iv");
        n.put("reason", result.status.name());
        if (result.status == ImpliedVolStatus.AT_BOUND)
        {
            n.put("bound", result.vol == 0.0 ? LOWER : UPPER);
        }
        return n;
    }

    private static void greeks(final ObjectNode n, final double price, final OptionGreeks g)
    {
        number(n, "price", price);
        number(n, "delta", g.delta);
        number(n, "gamma", g.gamma);
        number(n, "vega", g.vega);
        number(n, "theta", g.theta);
        number(n, "vanna", g.vanna);
        number(n, "volga", g.volga);
        number(n, "charm", g.charm);
        number(n, "speed", g.speed);
        number(n, "rho", g.rho);
        number(n, "dollarGamma", g.dollarGamma);
    }
}

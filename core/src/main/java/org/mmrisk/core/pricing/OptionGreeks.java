package org.mmrisk.core.pricing;

/**
 * Price and sensitivities of ONE option on a forward, filled in place by {@link Black76#greeks}.
 * <p>
 * Units, with V the discounted price in the forward's currency (USD for a linear option):
 * <ul>
 *   <li>{@code delta} = ∂V/∂F; {@code gamma} = ∂²V/∂F² (per USD); {@code speed} = ∂³V/∂F³ (per USD²);
 *       {@code dollarGamma} = gamma·F²/100, the change of the USD delta (delta·F) for a 1% move of F</li>
 *   <li>{@code vega} = ∂V/∂σ per vol point (÷100); {@code vanna} = ∂²V/∂F∂σ per vol point;
 *       {@code volga} = ∂²V/∂σ² per vol point squared (÷10,000)</li>
 *   <li>{@code theta} = −∂V/∂T per calendar day (÷365.25), the forward held fixed;
 *       {@code charm} = −∂delta/∂T per calendar day</li>
 *   <li>{@code rho} = ∂V/∂r per 1% of the rate (÷100), the forward held fixed</li>
 * </ul>
 * A plain mutable holder: owned by the thread that passes it in; no allocation after construction.
 */
public final class OptionGreeks
{
    public double price;
    public double delta;
    public double gamma;
    public double vega;
    public double theta;
    public double vanna;
    public double volga;
    public double charm;
    public double speed;
    public double rho;
    public double dollarGamma;
    /** Scratch of one {@link Black76#greeks} pass (a Mills ratio, then Φ(−|d1|)); not a result. */
    double mills;

    public OptionGreeks clear()
    {
        price = 0;
        delta = 0;
        gamma = 0;
        vega = 0;
        theta = 0;
        vanna = 0;
        volga = 0;
        charm = 0;
        speed = 0;
        rho = 0;
        dollarGamma = 0;
        return this;
    }

    /**
     * Copies every field of {@code source} into this holder.
     *
     * @return this.
     */
    public OptionGreeks set(final OptionGreeks source)
    {
        price = source.price;
        delta = source.delta;
        gamma = source.gamma;
        vega = source.vega;
        theta = source.theta;
        vanna = source.vanna;
        volga = source.volga;
        charm = source.charm;
        speed = source.speed;
        rho = source.rho;
        dollarGamma = source.dollarGamma;
        return this;
    }
}

package org.mmrisk.core.config;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.pricing.Normal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value-at-risk settings ({@code engine.var.*}): confidence and horizon, configured vols and correlations, the
 * realized estimator's sample grid and the optional vega factor. The keys, defaults and ranges are rows of
 * {@link VarSettings}; part of {@link EngineConfig}, read-only once concluded. The maps box their keys: they are
 * read when an underlying first appears, never per batch.
 */
public final class VarConfig
{
    private boolean enabled;
    private double confidence;
    private double horizonDays;
    private long sampleIntervalNs;
    private long halfLifeNs;
    private int minSamples;
    private double defaultCorrelation;
    private final Map<Long, Double> vols = new HashMap<>();
    /** "A/B" with A before B by name → ρ. */
    private final Map<String, Double> correlations = new LinkedHashMap<>();
    private final Map<Long, Double> volOfVols = new HashMap<>();
    private final Map<Long, Double> volIndexCorrelations = new HashMap<>();
    private double zScore;

    VarConfig()
    {
    }

    public VarConfig enabled(final boolean value)
    {
        enabled = value;
        return this;
    }

    /**
     * @return whether the engine keeps VaR live (the replay state and {@code risk scenario} compute it regardless).
     */
    public boolean enabled()
    {
        return enabled;
    }

    public VarConfig confidence(final double value)
    {
        confidence = value;
        zScore = Normal.inverseCdf(value);
        return this;
    }

    public double confidence()
    {
        return confidence;
    }

    /**
     * @return Φ⁻¹(confidence), computed once.
     */
    public double zScore()
    {
        return zScore;
    }

    public VarConfig horizonDays(final double value)
    {
        horizonDays = value;
        return this;
    }

    public double horizonDays()
    {
        return horizonDays;
    }

    /**
     * @return the horizon in years, ACT/365.25 (crypto trades every calendar day).
     */
    public double horizonYears()
    {
        return horizonDays / 365.25;
    }

    public VarConfig sampleIntervalNs(final long value)
    {
        sampleIntervalNs = value;
        return this;
    }

    public long sampleIntervalNs()
    {
        return sampleIntervalNs;
    }

    public VarConfig halfLifeNs(final long value)
    {
        halfLifeNs = value;
        return this;
    }

    public long halfLifeNs()
    {
        return halfLifeNs;
    }

    public VarConfig minSamples(final int value)
    {
        minSamples = value;
        return this;
    }

    public int minSamples()
    {
        return minSamples;
    }

    public VarConfig defaultCorrelation(final double value)
    {
        defaultCorrelation = value;
        return this;
    }

    public double defaultCorrelation()
    {
        return defaultCorrelation;
    }

    public VarConfig vol(final long underlyingCode, final double annualVol)
    {
        vols.put(underlyingCode, annualVol);
        return this;
    }

    /**
     * @return the configured annual vol of an underlying's index, NaN when it is estimated.
     */
    public double vol(final long underlyingCode)
    {
        return vols.getOrDefault(underlyingCode, Double.NaN);
    }

    public VarConfig correlation(final long a, final long b, final double rho)
    {
        correlations.put(pairKey(a, b), rho);
        return this;
    }

    /**
     * @return the configured correlation of two underlyings' index returns (either order), NaN when estimated.
     */
    public double correlation(final long a, final long b)
    {
        return correlations.getOrDefault(pairKey(a, b), Double.NaN);
    }

    public VarConfig volOfVol(final long underlyingCode, final double annualVolOfVol)
    {
        volOfVols.put(underlyingCode, annualVolOfVol);
        return this;
    }

    /**
     * @return the annual vol of the underlying's ATM vol's log; NaN when it has no vega factor (the default).
     */
    public double volOfVol(final long underlyingCode)
    {
        return volOfVols.getOrDefault(underlyingCode, Double.NaN);
    }

    public VarConfig volIndexCorrelation(final long underlyingCode, final double rho)
    {
        volIndexCorrelations.put(underlyingCode, rho);
        return this;
    }

    /**
     * @return the correlation of the ATM vol's log-change with the index's log-return (default 0).
     */
    public double volIndexCorrelation(final long underlyingCode)
    {
        return volIndexCorrelations.getOrDefault(underlyingCode, 0.0);
    }

    boolean namesUnderlying(final long code)
    {
        return vols.containsKey(code) || volOfVols.containsKey(code) || volIndexCorrelations.containsKey(code);
    }

    /**
     * "A/B" with the names in order, as the replay state writes a pair.
     */
    public static String pairKey(final long a, final long b)
    {
        final String x = AsciiCode.toString(a);
        final String y = AsciiCode.toString(b);
        return x.compareTo(y) <= 0 ? x + "/" + y : y + "/" + x;
    }

    /**
     * The configured correlations, with the default for pairs not given, must form a positive semi-definite matrix
     * over the underlyings they name: else no vol could make the VaR's covariance one.
     */
    void conclude()
    {
        final java.util.List<String> names = new java.util.ArrayList<>();
        for (final String pair : correlations.keySet())
        {
            for (final String name : pair.split("/"))
            {
                if (!names.contains(name))
                {
                    names.add(name);
                }
            }
        }
        final int n = names.size();
        final double[][] r = new double[n][n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                r[i][j] = i == j ? 1 : correlations.getOrDefault(pairKey(AsciiCode.pack(names.get(i)),
                    AsciiCode.pack(names.get(j))), defaultCorrelation);
            }
        }
        if (!Psd.isPositiveSemiDefinite(r))
        {
            throw new IllegalArgumentException("engine.var.correlations: the correlations " + correlations +
                " (defaultCorrelation " + defaultCorrelation + " for pairs not given) are not a positive " +
                "semi-definite matrix");
        }
    }
}

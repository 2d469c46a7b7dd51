package org.mmrisk.daemon.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.config.EngineSettings;
import org.mmrisk.core.config.Setting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a config file: maps its YAML keys onto the settings of {@link DaemonSettings} and {@link EngineSettings}
 * and lets {@link DaemonConfig#conclude()} and {@link EngineConfig#conclude()} check them, so a bad file stops
 * start-up with "FILE: KEY: REASON". Every key is optional; unknown keys are errors. Stateless.
 */
public final class ConfigLoader
{
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String ENGINE = "engine.";
    private static final Set<String> KEYS = new HashSet<>();

    static
    {
        DaemonSettings.ALL.forEach(ConfigLoader::addKeys);
        EngineSettings.ALL.forEach(ConfigLoader::addKeys);
    }

    private ConfigLoader()
    {
    }

    /**
     * @throws ConfigException naming the file, the key and the reason.
     */
    public static LoadedConfig load(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new ConfigException(file + ": file not found");
        }
        try
        {
            final Map<String, Object> given = new LinkedHashMap<>();
            flatten("", read(file), given);
            final DaemonConfig daemon = new DaemonConfig();
            apply(DaemonSettings.ALL, given, daemon);
            daemon.conclude();
            final EngineConfig engine = new EngineConfig();
            daemon.engineValues = nested(apply(EngineSettings.ALL, given, engine));
            engine.conclude();
            return new LoadedConfig(file, daemon, engine);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @return the fingerprint of the built-in configuration, every setting at its default: what an offline tool run
     * without a config file ({@code risk replay}) runs its engine under.
     */
    public static long builtInFingerprint()
    {
        final DaemonConfig daemon = new DaemonConfig();
        daemon.engineValues = nested(apply(EngineSettings.ALL, Map.of(), new EngineConfig()));
        return ConfigFingerprint.of(daemon);
    }

    private static Map<?, ?> read(final Path file)
    {
        final Object tree;
        try
        {
            tree = YAML.readValue(file.toFile(), Object.class);
        }
        catch (final IOException ex)
        {
            throw new ConfigException(file + ": not valid YAML: " + ex.getMessage(), ex);
        }
        if (tree == null)
        {
            throw new ConfigException(file + ": the file is empty");
        }
        if (!(tree instanceof Map<?, ?> map))
        {
            throw new ConfigException(file + ": (top level): must be a map of settings");
        }
        return map;
    }

    /**
     * Collects the values the file gives by their dotted keys (ring.size, engine.ladder.haltAt), down to the keys of
     * settings; a section entry (engine.limits.BTC) is part of its setting's value.
     */
    private static void flatten(final String prefix, final Map<?, ?> section, final Map<String, Object> into)
    {
        for (final Map.Entry<?, ?> entry : section.entrySet())
        {
            final String key = prefix + entry.getKey();
            if (KEYS.contains(key))
            {
                into.put(key, entry.getValue());
            }
            else if (KEYS.stream().anyMatch(k -> k.startsWith(key + ".")))
            {
                if (!(entry.getValue() instanceof Map<?, ?> map))
                {
                    throw new IllegalArgumentException(key + ": must be a section");
                }
                flatten(key + ".", map, into);
            }
            else
            {
                throw new IllegalArgumentException(key + ": unknown key");
            }
        }
    }

    /**
     * @return the effective value of every fingerprinted setting, given or default, by key in table order.
     */
    private static <C> Map<String, Object> apply(final List<Setting<C>> table, final Map<String, Object> given,
        final C target)
    {
        final Map<String, Object> values = new LinkedHashMap<>();
        for (final Setting<C> setting : table)
        {
            final String alias = setting.alias();
            final boolean old = alias != null && given.containsKey(alias);
            if (old && given.containsKey(setting.key()))
            {
                throw new IllegalArgumentException(setting.key() + ": given twice, also under its older name " +
                    alias + "; keep only " + setting.key());
            }
            final String name = old ? alias : setting.key();
            final Object value = given.containsKey(name) ? setting.parse(given.get(name), name) :
                setting.defaultValue();
            setting.apply(target, value, name);
            if (setting.isFingerprinted())
            {
                values.put(setting.key(), value);
            }
        }
        return values;
    }

    /**
     * @return the engine's values as the file's engine section nests them (ladder.haltAt under ladder).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(final Map<String, Object> engineValues)
    {
        final Map<String, Object> root = new LinkedHashMap<>();
        engineValues.forEach((key, value) ->
        {
            final String[] path = key.substring(ENGINE.length()).split("\\.");
            Map<String, Object> section = root;
            for (int i = 0; i < path.length - 1; i++)
            {
                section = (Map<String, Object>)section.computeIfAbsent(path[i], k -> new LinkedHashMap<>());
            }
            section.put(path[path.length - 1], value);
        });
        return root;
    }

    private static void addKeys(final Setting<?> setting)
    {
        KEYS.add(setting.key());
        if (setting.alias() != null)
        {
            KEYS.add(setting.alias());
        }
    }
}

package org.mmrisk.daemon.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineSettings;
import org.mmrisk.core.config.Setting;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.limits.NamedLimit;
import org.mmrisk.core.limits.PortfolioLimitKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * config/reference.yaml documents every setting at its default. This test walks the settings tables, so a setting
 * added to the code without its line in the reference, or a default that drifts from the file, fails here:
 * <ul>
 * <li>every setting of {@link DaemonSettings} and {@link EngineSettings} has a line, and its value is the default;</li>
 * <li>sections of entries (coinBalances, smileDynamics, margin.currencies, usdBalances, limits, hedging) are empty
 * by default, so the file shows an example entry instead: the example must load, limits must name every limit kind
 * (per underlying and of the portfolio), and the hedging example must give every field, those with a default at
 * their default;</li>
 * <li>the whole file loads, so it names no unknown key and every example is valid.</li>
 * </ul>
 */
class ReferenceConfigTest
{
    private static final Path REFERENCE = Path.of("../config/reference.yaml");

    @Test
    void shouldLoad()
    {
        assertThat(ConfigLoader.load(REFERENCE).engineConfig()).isNotNull();
    }

    @Test
    void shouldListEverySettingAtItsDefault() throws IOException
    {
        final Map<?, ?> file = read();
        final List<String> drift = new ArrayList<>();
        final List<Setting<?>> settings = new ArrayList<>(DaemonSettings.ALL);
        settings.addAll(EngineSettings.ALL);
        for (final Setting<?> setting : settings)
        {
            final Object raw = at(file, setting.key());
            if (raw == null)
            {
                drift.add(setting.key() + ": missing");
            }
            else if (setting.type() != Setting.Type.MAP &&
                !same(setting.parse(raw, setting.key()), setting.defaultValue()))
            {
                drift.add(setting.key() + ": " + raw + ", the code's default is " + show(setting.defaultValue()));
            }
        }
        assertThat(drift).isEmpty();
    }

    @Test
    void shouldShowAnExampleOfEverySectionOfEntries() throws IOException
    {
        final Map<?, ?> file = read();
        assertThat((Map<?, ?>)at(file, "engine.coinBalances")).isNotEmpty();
        assertThat((Map<?, ?>)at(file, "engine.smileDynamics")).isNotEmpty();
        assertThat((Map<?, ?>)at(file, "engine.margin.currencies")).isNotEmpty();
        assertThat((Map<?, ?>)at(file, "engine.usdBalances")).isNotEmpty();
        assertThat(keysAt(file, "engine.limits.default")).containsExactlyInAnyOrderElementsOf(keysOf(LimitKind.VALUES));
        assertThat(keysAt(file, "engine.limits.portfolio")).containsExactlyInAnyOrderElementsOf(
            keysOf(PortfolioLimitKind.VALUES));
        final Map<?, ?> hedging = (Map<?, ?>)at(file, "engine.hedging");
        assertThat(hedging).hasSize(1);
        final Map<?, ?> example = (Map<?, ?>)hedging.values().iterator().next();
        for (final Setting<EngineSettings.HedgeFields> field : EngineSettings.HEDGING)
        {
            assertThat(example.containsKey(field.key())).as(field.key()).isTrue();
            if (!field.isRequired())
            {
                assertThat(field.parse(example.get(field.key()), field.key())).as(field.key())
                    .isEqualTo(field.defaultValue());
            }
        }
    }

    private static Map<?, ?> read() throws IOException
    {
        return new ObjectMapper(new YAMLFactory()).readValue(Files.readString(REFERENCE), Map.class);
    }

    private static List<String> keysAt(final Map<?, ?> file, final String key)
    {
        return ((Map<?, ?>)at(file, key)).keySet().stream().map(String::valueOf).toList();
    }

    private static Object at(final Map<?, ?> file, final String key)
    {
        Object node = file;
        for (final String part : key.split("\\."))
        {
            node = node instanceof Map<?, ?> map ? map.get(part) : null;
        }
        return node;
    }

    private static boolean same(final Object value, final Object defaultValue)
    {
        return value instanceof double[] list ? Arrays.equals(list, (double[])defaultValue) :
            value.equals(defaultValue);
    }

    private static String show(final Object value)
    {
        return value instanceof double[] list ? Arrays.toString(list) : String.valueOf(value);
    }

    private static List<String> keysOf(final NamedLimit[] kinds)
    {
        return Arrays.stream(kinds).map(NamedLimit::key).toList();
    }
}

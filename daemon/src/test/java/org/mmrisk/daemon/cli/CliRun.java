package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one {@code risk} verb in-process through {@link RiskCli#commandLine()} with stdout and stderr captured.
 * Options are kept by name so that a test can bump one of them and run again (finite differences of the CLI).
 */
final class CliRun
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String verb;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();

    private CliRun(final String verb)
    {
        this.verb = verb;
    }

    static CliRun verb(final String verb)
    {
        return new CliRun(verb);
    }

    /**
     * @return a copy with {@code --name value} set (replacing any earlier value); an empty value gives the flag
     * {@code --name} alone.
     */
    CliRun with(final String name, final Object value)
    {
        final CliRun copy = copy();
        copy.options.put(name, String.valueOf(value));
        return copy;
    }

    /**
     * @return a copy with the option {@code --name}, which takes no value.
     */
    CliRun flag(final String name)
    {
        final CliRun copy = copy();
        copy.flags.add(name);
        return copy;
    }

    /**
     * @return a copy with a positional argument added after the options.
     */
    CliRun argument(final Object value)
    {
        final CliRun copy = copy();
        copy.arguments.add(String.valueOf(value));
        return copy;
    }

    private CliRun copy()
    {
        final CliRun copy = new CliRun(verb);
        copy.options.putAll(options);
        copy.arguments.addAll(arguments);
        copy.flags.addAll(flags);
        return copy;
    }

    /**
     * @return a copy without {@code --name}.
     */
    CliRun without(final String name)
    {
        final CliRun copy = copy();
        copy.options.remove(name);
        return copy;
    }

    /**
     * @return a copy with the numeric option {@code --name} moved by {@code bump}.
     */
    CliRun bumped(final String name, final double bump)
    {
        return with(name, Double.parseDouble(options.get(name)) + bump);
    }

    Result run()
    {
        final List<String> args = new ArrayList<>();
        args.add(verb);
        options.forEach((name, value) ->
        {
            args.add("--" + name);
            if (!value.isEmpty())
            {
                args.add(value);
            }
        });
        flags.forEach(name -> args.add("--" + name));
        args.addAll(arguments);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cli = RiskCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        final int exitCode = cli.execute(args.toArray(new String[0]));
        return new Result(exitCode, out.toString(), err.toString());
    }

    /**
     * Runs and expects success.
     *
     * @return the one JSON object printed on stdout.
     */
    JsonNode json()
    {
        final Result result = run();
        assertThat(result.exitCode).as("exit code; stderr: %s", result.err).isZero();
        assertThat(result.err).isEmpty();
        assertThat(result.out.strip().lines()).as("one line of output").hasSize(1);
        try
        {
            final JsonNode node = MAPPER.readTree(result.out);
            assertThat(node.isObject()).isTrue();
            return node;
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return the number printed under {@code key}; fails when it is missing or null.
     */
    double number(final String key)
    {
        final JsonNode value = json().get(key);
        assertThat(value).as(key).isNotNull();
        assertThat(value.isNumber()).as("%s is a number: %s", key, value).isTrue();
        return value.doubleValue();
    }

    static final class Result
    {
        final int exitCode;
        final String out;
        final String err;

        Result(final int exitCode, final String out, final String err)
        {
            this.exitCode = exitCode;
            this.out = out;
            this.err = err;
        }
    }
}

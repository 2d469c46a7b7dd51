package org.mmrisk.core.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One writer for each piece of engine state: a reader can point to the class that sets each field. Every field of the
 * engine's classes (packages engine, quoting, exposure, skew) is set by its own class (its methods, its restore) and
 * by at most one other; the parts of an underlying and of an instrument are set only by the writer their javadoc
 * names. Messages (the {@code event} and {@code output} packages) are filled by whoever builds them and are not
 * engine state.
 */
class EngineWritersTest
{
    /** The packages that hold engine state. */
    private static final List<String> STATE_PACKAGES = List.of("org.mmrisk.core.engine", "org.mmrisk.core.quoting",
        "org.mmrisk.core.exposure", "org.mmrisk.core.skew");

    /** Each part and the one class besides itself that may set its fields (none: only its own methods). */
    private static final Map<String, Set<String>> NAMED_WRITERS = Map.ofEntries(
        Map.entry("QuotingStatus", Set.<String>of("QuotingGuard")),
        Map.entry("Contribution", Set.<String>of("ExposureSums")),
        Map.entry("MarketQuote", Set.<String>of("MarketApplier")),
        Map.entry("HedgeStatus", Set.<String>of("HedgeSignals")),
        Map.entry("LastQuote", Set.<String>of("SkewBatch")),
        Map.entry("ExposureSums", Set.<String>of()),
        Map.entry("ExplainTotals", Set.<String>of()),
        Map.entry("EdgeTotals", Set.<String>of()),
        Map.entry("UnderlyingLiquidity", Set.<String>of()),
        Map.entry("LiquidityShare", Set.<String>of("UnderlyingLiquidity")),
        Map.entry("ReanchorSweep", Set.<String>of()),
        Map.entry("CoinAccount", Set.<String>of()),
        Map.entry("BatchMarks", Set.<String>of()),
        Map.entry("UnderlyingRisk", Set.<String>of()),
        Map.entry("UnderlyingBook", Set.<String>of()),
        // one job in two classes: the revaluation, delta-one contracts in one and options in the other
        Map.entry("ContractRisk", Set.<String>of("Revaluer", "OptionRevaluer")));

    @Test
    void shouldSetEachPartOnlyFromItsNamedWriter()
    {
        final Map<String, Set<String>> writers = outsideWriters();
        final List<String> violations = new java.util.ArrayList<>();
        NAMED_WRITERS.forEach((part, allowed) -> writers.forEach((field, by) ->
        {
            if (field.startsWith(part + ".") && !allowed.containsAll(by))
            {
                violations.add(field + " set by " + by + ", allowed " + allowed);
            }
        }));
        assertThat(violations).isEmpty();
    }

    @Test
    void shouldSetEveryEngineFieldFromAtMostOneOtherClass()
    {
        final List<String> violations = new java.util.ArrayList<>();
        outsideWriters().forEach((field, by) ->
        {
            final String owner = field.substring(0, field.indexOf('.'));
            if (by.size() > 1 && !by.equals(NAMED_WRITERS.get(owner)))
            {
                violations.add(field + " set by " + by);
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void shouldNameOnlyPartsThatExist()
    {
        final Set<String> stateClasses = new TreeSet<>();
        for (final JavaClass javaClass : CoreBoundaryTest.CORE)
        {
            if (STATE_PACKAGES.contains(javaClass.getPackageName()))
            {
                stateClasses.add(javaClass.getSimpleName());
            }
        }
        assertThat(stateClasses).as("a renamed part would make its rule match nothing")
            .containsAll(NAMED_WRITERS.keySet());
        NAMED_WRITERS.values().forEach(writers -> assertThat(stateClasses).containsAll(writers));
    }

    @Test
    void shouldFindTheWritersItChecks()
    {
        assertThat(outsideWriters()).as("the importer sees the quoting guard's writes")
            .containsEntry("QuotingStatus.state", Set.of("QuotingGuard"));
    }

    /**
     * @return for each field of an engine class ("Owner.field"), the other classes that set it (nested and anonymous
     * classes count as their top-level class).
     */
    private static Map<String, Set<String>> outsideWriters()
    {
        final Map<String, Set<String>> writers = new TreeMap<>();
        for (final JavaClass origin : CoreBoundaryTest.CORE)
        {
            for (final JavaFieldAccess access : origin.getFieldAccessesFromSelf())
            {
                final String owner = topLevel(access.getTargetOwner());
                final String writer = topLevel(access.getOriginOwner());
                if (access.getAccessType() == JavaFieldAccess.AccessType.SET &&
                    STATE_PACKAGES.contains(access.getTargetOwner().getPackageName()) && !owner.equals(writer))
                {
                    writers.computeIfAbsent(owner + "." + access.getTarget().getName(), k -> new TreeSet<>())
                        .add(writer);
                }
            }
        }
        return writers;
    }

    private static String topLevel(final JavaClass javaClass)
    {
        final String name = javaClass.getName();
        final String simple = name.substring(name.lastIndexOf('.') + 1);
        final int nested = simple.indexOf('$');
        return nested < 0 ? simple : simple.substring(0, nested);
    }
}

package org.mmrisk.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Random;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module's boundary as the design draws it: core knows no transport, no wire format, no threads, no clock and no
 * randomness, and its packages form no cycle.
 */
class CoreBoundaryTest
{
    static final JavaClasses CORE = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.mmrisk.core");

    @Test
    void shouldKnowNoTransportWireFormatOrDaemon()
    {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "net.openhft..", "com.lmax..", "uk.co.real_logic..", "io.aeron..", "org.mmrisk.codecs..",
                "org.mmrisk.daemon..", "org.mmrisk.bench..", "org.agrona.concurrent..")
            .because("the engine is a pure state machine; adapters live in the daemon")
            .check(CORE);
    }

    @Test
    void shouldReadNoClockAndNoRandomness()
    {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
            .orShould().dependOnClassesThat().areAssignableTo(Random.class)
            .orShould().callMethod(Math.class, "random")
            .because("the engine's state and outputs are a pure function of its events")
            .check(CORE);
    }

    @Test
    void shouldStartNoThreadAndTakeNoLock()
    {
        noClasses().should().dependOnClassesThat().areAssignableTo(Thread.class)
            .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
            .because("one thread owns the engine; the daemon provides it")
            .check(CORE);
    }

    @Test
    void shouldHaveNoCycleBetweenPackages()
    {
        slices().matching("org.mmrisk.core.(**)").should().beFreeOfCycles().check(CORE);
    }
}

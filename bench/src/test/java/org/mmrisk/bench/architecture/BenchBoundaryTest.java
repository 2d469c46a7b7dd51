package org.mmrisk.bench.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmarks measure the engine from outside its packages: package-private parts are reached only through the probes
 * of core's test jar, never by a benchmark placed in the engine's package.
 */
class BenchBoundaryTest
{
    @Test
    void shouldKeepEveryBenchmarkInTheBenchPackages()
    {
        // this module's own classes (the JMH-generated ones included), wherever their package claims to be
        final JavaClasses bench = new ClassFileImporter().importPath(Paths.get("target", "classes"));
        assertThat(bench).as("the bench module's classes").isNotEmpty();
        classes().should().resideInAPackage("org.mmrisk.bench..").check(bench);
    }
}

package io.outbox.benchmarks.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.outbox.architecture.CommonArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The shared rules, plus what keeps the benchmarks honest: they use the library only through its public API. */
@AnalyzeClasses(packages = "io.outbox.benchmarks", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchmarksArchitectureTest {
    @ArchTest
    static final ArchTests common = ArchTests.in(CommonArchitectureRules.class);

    @ArchTest
    static final ArchRule benchmarks_never_use_the_librarys_internals = noClasses()
            .should().dependOnClassesThat().resideInAPackage("io.outbox.jpa.internal..")
            .because("a benchmark measures what a user of the library gets");

    @ArchTest
    static final ArchRule the_harness_knows_no_scenario_or_store = noClasses()
            .that().resideInAPackage("..benchmarks.harness..")
            .should().dependOnClassesThat().resideInAnyPackage("..benchmarks.scenario..", "..benchmarks.store..",
                    "..benchmarks.baseline..", "..benchmarks.cli..");

    @ArchTest
    static final ArchRule baselines_use_no_processor = noClasses()
            .that().resideInAPackage("..benchmarks.baseline..")
            .should().dependOnClassesThat().resideInAnyPackage("io.outbox.processor..", "io.outbox.repository..")
            .because("a baseline is plain JDBC");
}

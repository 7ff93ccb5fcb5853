package io.outbox.tools;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.outbox.architecture.CommonArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** What migration-tools may depend on, checked in the normal build. */
@AnalyzeClasses(packages = "io.outbox.tools", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests common = ArchTests.in(CommonArchitectureRules.class);

    @ArchTest
    static final ArchRule tools_never_depend_on_an_app = noClasses().that().resideInAPackage("io.outbox.tools..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fitiq..", "com.lume..");

    @ArchTest
    static final ArchRule tools_use_the_library_api_not_its_internals = noClasses()
            .that().resideInAPackage("io.outbox.tools..")
            .should().dependOnClassesThat().resideInAnyPackage("io.outbox.jpa.internal..", "io.outbox.testing..");

    @ArchTest
    static final ArchRule only_the_cli_knows_picocli = noClasses()
            .that().resideOutsideOfPackage("io.outbox.tools.migration.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule tool_packages_are_free_of_cycles = slices().matching("io.outbox.tools.migration.(*)..")
            .should().beFreeOfCycles();
}

package com.lume.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.outbox.architecture.CommonArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** What lume-app may and may not depend on, checked in the normal build. */
@AnalyzeClasses(packages = "com.lume", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests common = ArchTests.in(CommonArchitectureRules.class);

    @ArchTest
    static final ArchRule lume_never_depends_on_fitiq = noClasses().that().resideInAPackage("com.lume..")
            .should().dependOnClassesThat().resideInAPackage("com.fitiq..")
            .because("no app depends on another app; what both need belongs in outbox-core or outbox-jpa");

    @ArchTest
    static final ArchRule the_domain_knows_no_adapters = noClasses().that().resideInAPackage("com.lume.wellness..")
            .should().dependOnClassesThat().resideInAnyPackage("com.lume.persistence..", "com.lume.sync..",
                    "com.lume.cli..", "com.lume.wiring..", "jakarta.persistence..", "io.outbox.jpa..",
                    "io.outbox.http..", "com.google.inject..", "picocli..")
            .because("use cases are written against their ports; adapters plug in from outside");

    @ArchTest
    static final ArchRule handlers_never_reach_the_command_line = noClasses().that()
            .resideInAnyPackage("com.lume.sync..", "com.lume.persistence..", "com.lume.privacy..", "com.lume.legacy..")
            .should().dependOnClassesThat().resideInAnyPackage("com.lume.cli..", "picocli..");

    @ArchTest
    static final ArchRule stand_in_backend_only_in_the_demo = noClasses()
            .that().resideOutsideOfPackages("com.lume.cli..", "com.lume.demo..")
            .should().dependOnClassesThat().resideInAPackage("io.outbox.testing..")
            .because("the stand-in backend is for the demo; a real sync never goes near it");

    @ArchTest
    static final ArchRule lume_packages_are_free_of_cycles = slices().matching("com.lume.(*)..").should()
            .beFreeOfCycles();
}

package com.fitiq.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.outbox.architecture.CommonArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** FitIQ's boundaries: the shared rules, no dependency on Lume, and a domain free of adapters. */
@AnalyzeClasses(packages = "com.fitiq", importOptions = ImportOption.DoNotIncludeTests.class)
class FitiqArchitectureTest {
    @ArchTest
    static final ArchTests common = ArchTests.in(CommonArchitectureRules.class);

    @ArchTest
    static final ArchRule fitiq_never_depends_on_lume = noClasses().should().dependOnClassesThat()
            .resideInAPackage("com.lume..");

    @ArchTest
    static final ArchRule domain_and_use_cases_know_no_adapters = noClasses()
            .that().resideInAnyPackage("com.fitiq.progress..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fitiq.persistence..", "com.fitiq.sync..",
                    "com.fitiq.cli..", "com.fitiq.wiring..", "jakarta.persistence..", "io.outbox.jpa..",
                    "picocli..", "com.google.inject..");

    @ArchTest
    static final ArchRule stand_in_backend_only_in_the_demo = noClasses()
            .that().resideOutsideOfPackages("com.fitiq.cli..", "com.fitiq.demo..")
            .should().dependOnClassesThat().resideInAPackage("io.outbox.testing..")
            .because("the stand-in backend is for the demo; a real sync never goes near it");
}

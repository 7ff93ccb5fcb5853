package io.outbox.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** What outbox-core may and may not depend on, checked in the normal build. */
@AnalyzeClasses(packages = "io.outbox", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
    @ArchTest
    static final ArchTests common = ArchTests.in(CommonArchitectureRules.class);

    @ArchTest
    static final ArchRule core_depends_on_the_jdk_and_slf4j_only = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.outbox..", "org.slf4j..")
            .because("the core carries the delivery rules and no framework");

    @ArchTest
    static final ArchRule core_neither_serves_nor_calls_http = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.sun.net.httpserver..", "java.net.http..")
            .because("the remote API's client and the stand-in backend live in outbox-http");

    @ArchTest
    static final ArchRule core_never_references_persistence_apps_or_tools = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.outbox.jpa..", "io.outbox.tools..",
                    "com.fitiq..", "com.lume..", "jakarta..", "org.eclipse..");

    @ArchTest
    static final ArchRule core_packages_are_free_of_cycles = slices().matching("io.outbox.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule production_code_never_uses_the_test_doubles = noClasses()
            .that().resideOutsideOfPackage("io.outbox.testing..")
            .should().dependOnClassesThat().resideInAPackage("io.outbox.testing..");
}

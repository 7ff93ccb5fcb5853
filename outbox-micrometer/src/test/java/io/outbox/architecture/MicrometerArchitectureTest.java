package io.outbox.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What outbox-micrometer may and may not depend on, checked in the normal build. */
@AnalyzeClasses(packages = "io.outbox.micrometer", importOptions = ImportOption.DoNotIncludeTests.class)
class MicrometerArchitectureTest {
    @ArchTest
    static final ArchTests common = ArchTests.in(CommonArchitectureRules.class);

    @ArchTest
    static final ArchRule micrometer_module_depends_on_the_jdk_slf4j_core_and_micrometer_only = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..", "io.outbox..",
                    "io.micrometer..")
            .because("an app adds this module to the Micrometer it already has, and no other library with it");

    @ArchTest
    static final ArchRule the_binder_never_uses_the_test_doubles = noClasses()
            .should().dependOnClassesThat().resideInAPackage("io.outbox.testing..")
            .because("the in-memory store and the manual clock are for tests");

    @ArchTest
    static final ArchRule the_binder_leaves_the_choice_of_registry_to_the_app = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer.core.instrument.simple..",
                    "io.micrometer.core.instrument.composite..", "io.micrometer.core.instrument.logging..")
            .because("the app picks its registry (Prometheus, OTLP, ...); the binder takes any MeterRegistry");
}

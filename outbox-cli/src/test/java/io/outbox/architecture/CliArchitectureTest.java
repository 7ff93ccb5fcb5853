package io.outbox.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What outbox-cli may and may not depend on, checked in the normal build. */
@AnalyzeClasses(packages = "io.outbox.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {
    // the common rules but the one on standard streams: every class here is the command line's
    @ArchTest
    static final ArchRule no_generic_exceptions_are_thrown = CommonArchitectureRules.no_generic_exceptions_are_thrown;

    @ArchTest
    static final ArchRule no_java_util_logging = CommonArchitectureRules.no_java_util_logging;

    @ArchTest
    static final ArchRule no_field_injection = CommonArchitectureRules.no_field_injection;

    @ArchTest
    static final ArchRule the_kit_never_depends_on_apps_or_tools = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.fitiq..", "com.lume..", "io.outbox.tools..",
                    "io.outbox.benchmarks..")
            .because("every app takes the kit whole; what is one app's stays in that app");

    @ArchTest
    static final ArchRule the_kit_uses_the_store_through_its_api = noClasses()
            .should().dependOnClassesThat().resideInAPackage("io.outbox.jpa.internal..")
            .because("the kit is the library's first user, and uses what any app may use");

    @ArchTest
    static final ArchRule the_stand_in_backend_is_for_the_demo_only = noClasses()
            .that().haveNameNotMatching("io\\.outbox\\.cli\\.Demo(Sync|Command)(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("io.outbox.testing.backend..")
            .because("only the demo runs against the stand-in backend");
}

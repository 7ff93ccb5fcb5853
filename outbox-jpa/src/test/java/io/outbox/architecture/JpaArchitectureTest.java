package io.outbox.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What outbox-jpa may and may not depend on, checked in the normal build: storage only. */
@AnalyzeClasses(packages = "io.outbox.jpa", importOptions = ImportOption.DoNotIncludeTests.class)
class JpaArchitectureTest {
    @ArchTest
    static final ArchTests common = ArchTests.in(CommonArchitectureRules.class);

    @ArchTest
    static final ArchRule storage_never_depends_on_the_cli_http_or_json = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "com.google.inject..",
                    "com.fasterxml.jackson..", "tools.jackson..", "java.net.http..", "com.sun.net.httpserver..",
                    "io.outbox.http..", "io.outbox.testing.backend..", "io.outbox.cli..")
            .because("a service that stores its events with this adapter takes no command line and no HTTP with it");

    @ArchTest
    static final ArchRule the_adapter_never_depends_on_other_adapters_apps_or_tools = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.outbox.micrometer..", "com.fitiq..", "com.lume..",
                    "io.outbox.tools..", "io.outbox.benchmarks..");
}
